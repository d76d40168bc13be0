using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.AspNetCore.Tests;

public class DeduplicatorTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task InMemory_ClaimsOnce_UntilTheWindowEnds()
    {
        var clock = new ManualClock();
        var guard = new InMemoryWebhookDeduplicator(100, clock);
        var window = TimeSpan.FromHours(1);

        (await guard.TryClaimAsync("a", window, CancellationToken.None)).Should().BeTrue();
        (await guard.TryClaimAsync("a", window, CancellationToken.None)).Should().BeFalse();
        (await guard.TryClaimAsync("b", window, CancellationToken.None)).Should().BeTrue();

        clock.Now += TimeSpan.FromMinutes(59);
        (await guard.TryClaimAsync("a", window, CancellationToken.None)).Should().BeFalse();
        clock.Now += TimeSpan.FromMinutes(2);
        (await guard.TryClaimAsync("a", window, CancellationToken.None)).Should().BeTrue("the window has passed");
    }

    [Fact]
    public async Task InMemory_Release_AllowsARedelivery()
    {
        var guard = new InMemoryWebhookDeduplicator();
        (await guard.TryClaimAsync("a", TimeSpan.FromDays(1), CancellationToken.None)).Should().BeTrue();
        await guard.ReleaseAsync("a", CancellationToken.None);
        (await guard.TryClaimAsync("a", TimeSpan.FromDays(1), CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task InMemory_IsBounded_DroppingTheOldestFirst()
    {
        var clock = new ManualClock();
        var guard = new InMemoryWebhookDeduplicator(10, clock);
        for (var i = 0; i < 25; i++)
        {
            clock.Now += TimeSpan.FromSeconds(1);
            (await guard.TryClaimAsync("k" + i, TimeSpan.FromDays(1), CancellationToken.None)).Should().BeTrue();
        }
        guard.Count.Should().BeLessThanOrEqualTo(10);
        (await guard.TryClaimAsync("k24", TimeSpan.FromDays(1), CancellationToken.None)).Should().BeFalse("the newest are kept");
        (await guard.TryClaimAsync("k0", TimeSpan.FromDays(1), CancellationToken.None)).Should().BeTrue("the oldest were dropped");
    }

    [Fact]
    public async Task InMemory_ConcurrentClaims_OnlyOneWins()
    {
        var guard = new InMemoryWebhookDeduplicator();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.TryClaimAsync("same", TimeSpan.FromHours(1), CancellationToken.None).AsTask())));
        results.Count(r => r).Should().Be(1);
    }

    [Fact]
    public void InMemory_RejectsAZeroCapacity() =>
        FluentActions.Invoking(() => new InMemoryWebhookDeduplicator(0)).Should().Throw<ArgumentOutOfRangeException>();
}
