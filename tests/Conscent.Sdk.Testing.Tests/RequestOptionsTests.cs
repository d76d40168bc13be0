using System;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>Per-call budgets (WithRequestOptions): the unlock path's 2 s, an export's minute, on one shared client.</summary>
public sealed class RequestOptionsTests : IDisposable
{
    private readonly ConscentSimulator _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Fewer_retries_for_one_call_leave_the_client_as_it_was()
    {
        using var client = _sim.CreateClient(); // 3 retries
        _sim.SeedContent("a", "A", "https://news.example/a");
        var once = client.WithRequestOptions(new ConscentRequestOptions { MaxRetryAttempts = 0 });

        _sim.Faults.Enqueue(SimulatedFault.Status(503), times: 10);
        await FluentActions.Awaiting(() => once.Content.GetAsync("a")).Should().ThrowAsync<ConscentServerException>();
        _sim.Requests.Should().HaveCount(1, "the override allows no retry");

        _sim.ClearRequests();
        await FluentActions.Awaiting(() => client.Content.GetAsync("a")).Should().ThrowAsync<ConscentServerException>();
        _sim.Requests.Should().HaveCount(4, "the client keeps its own 3 retries");
    }

    [Fact]
    public async Task More_retries_for_one_call_still_never_resend_a_write_the_server_may_have_processed()
    {
        using var client = _sim.CreateClient(o => o.Retry.MaxRetryAttempts = 0);
        var patient = client.WithRequestOptions(new ConscentRequestOptions { MaxRetryAttempts = 5 });
        _sim.SeedContent("a", "A", "https://news.example/a");

        _sim.Faults.Enqueue(SimulatedFault.Status(502), times: 3);
        (await patient.Content.GetAsync("a")).Title.Should().Be("A");
        _sim.Requests.Should().HaveCount(4, "a read is retried up to the call's own limit");

        _sim.ClearRequests();
        _sim.Faults.Enqueue(SimulatedFault.Status(500), times: 3);
        await FluentActions.Awaiting(() => patient.Content.CreateAsync(new CreateContentRequest { ContentId = "b", Title = "B", Url = "https://news.example/b", Price = 1 }))
            .Should().ThrowAsync<ConscentServerException>();
        _sim.Requests.Should().HaveCount(1, "a POST answered 500 may have been processed: it is never sent twice");
    }

    [Fact]
    public async Task A_short_budget_fails_fast_and_the_message_names_the_configured_durations()
    {
        using var client = _sim.CreateClient(); // 10 s attempts, 30 s in all
        var unlock = client.WithRequestOptions(new ConscentRequestOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(100), TotalTimeout = TimeSpan.FromSeconds(10), MaxRetryAttempts = 0,
        });
        _sim.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(20)));

        var ex = (await FluentActions.Awaiting(() => unlock.Content.GetAsync("never-answered")).Should().ThrowAsync<ConscentTimeoutException>()).Which;

        ex.Timeout.Should().Be(TimeSpan.FromMilliseconds(100));
        ex.Message.Should().Contain("AttemptTimeout of 100 ms").And.Contain("TotalTimeout 10 s").And.Contain("1 attempt")
            .And.NotContain("TimeoutRejectedException");
    }

    [Fact]
    public async Task The_total_budget_of_one_call_bounds_its_retries()
    {
        using var client = _sim.CreateClient();
        var budget = client.WithRequestOptions(new ConscentRequestOptions { AttemptTimeout = TimeSpan.FromMilliseconds(50), TotalTimeout = TimeSpan.FromMilliseconds(120), MaxRetryAttempts = 10 });
        _sim.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(20)), times: 20);

        var ex = (await FluentActions.Awaiting(() => budget.Content.GetAsync("slow")).Should().ThrowAsync<ConscentTimeoutException>()).Which;

        ex.Timeout.Should().Be(TimeSpan.FromMilliseconds(120));
        ex.Message.Should().Contain("TotalTimeout of 120 ms");
        _sim.Requests.Count.Should().BeInRange(1, 4, "120 ms leaves room for at most a few 50 ms attempts, never the 11 allowed");
    }

    [Theory]
    [InlineData(0, null, null)]
    [InlineData(-5, null, null)]
    [InlineData(null, 0, null)]
    [InlineData(null, null, -1)]
    [InlineData(null, null, 11)]
    public void Unusable_overrides_are_refused_before_any_call(int? attemptMs, int? totalMs, int? retries)
    {
        using var client = _sim.CreateClient();
        var options = new ConscentRequestOptions
        {
            AttemptTimeout = attemptMs is { } a ? TimeSpan.FromMilliseconds(a) : null,
            TotalTimeout = totalMs is { } t ? TimeSpan.FromMilliseconds(t) : null,
            MaxRetryAttempts = retries,
        };

        FluentActions.Invoking(() => client.WithRequestOptions(options)).Should().Throw<ArgumentException>().WithMessage("ConscentRequestOptions:*");
        _sim.Requests.Should().BeEmpty();
    }
}
