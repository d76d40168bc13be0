using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Conscent.Sdk.Tests.Pipeline;

/// <summary>One question for every failure ("is ConsCent unavailable, try later?") and the in-memory replay guard's window.</summary>
public class TransientAndReplayTests
{
    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(405, false)]
    [InlineData(409, false)]
    public void Api_errors_are_transient_by_status(int status, bool transient) =>
        new ConscentApiException((HttpStatusCode)status, null, "GET", "/x").IsTransient.Should().Be(transient);

    [Fact]
    public void The_exception_types_answer_without_a_status()
    {
        new ConscentTimeoutException("t", TimeSpan.FromSeconds(1)).IsTransient.Should().BeTrue();
        new ConscentNetworkException("n", null).IsTransient.Should().BeTrue();
        new ConscentCircuitOpenException("c", null).IsTransient.Should().BeTrue();
        new ConscentServerException(HttpStatusCode.BadGateway, null, "GET", "/x").IsTransient.Should().BeTrue();
        new ConscentRateLimitedException(null, "GET", "/x", TimeSpan.FromSeconds(3)).IsTransient.Should().BeTrue();
        new ConscentBadRequestException(null, "POST", "/x").IsTransient.Should().BeFalse();
        new ConscentSerializationException("s", null, null).IsTransient.Should().BeFalse();
        new ConscentException("base").IsTransient.Should().BeFalse();
    }

    [Fact]
    public async Task The_in_memory_replay_guard_claims_once_per_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var guard = new InMemoryConsumptionReplayGuard(timeProvider: time);

        (await guard.TryUseAsync("c1", TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeTrue();
        (await guard.TryUseAsync("c1", TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeFalse();
        (await guard.TryUseAsync("C1", TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeTrue("ids compare exactly");
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1));
        (await guard.TryUseAsync("c1", TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeTrue("after the window the id is too old to verify anyway");
    }

    [Fact]
    public async Task The_in_memory_replay_guard_stays_bounded()
    {
        var guard = new InMemoryConsumptionReplayGuard(capacity: 10);
        for (var i = 0; i < 100; i++)
            (await guard.TryUseAsync("c" + i, TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeTrue();
        (await guard.TryUseAsync("c99", TimeSpan.FromMinutes(5), CancellationToken.None)).Should().BeFalse("the newest ids are kept");
    }
}
