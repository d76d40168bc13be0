using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Conscent.Sdk.Testing.Tests.Infrastructure;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>Queued faults and rules: statuses with Retry-After, delays, dropped connections, in both transports.</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private readonly ConscentSimulator _sim = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sim.DisposeAsync().AsTask();

    private static CreateContentRequest NewContent(string id) => new() { ContentId = id, Title = "T", Url = "https://x/" + id, Price = 1 };

    [Fact]
    public async Task Queued_status_is_answered_with_retry_after_then_the_real_answer()
    {
        _sim.SeedContent("c1", "T", "https://x", 1);
        _sim.Faults.Enqueue(SimulatedFault.Status(429, TimeSpan.FromSeconds(2)));
        using var raw = new Raw(_sim);

        var first = await raw.Get("/api/v1/content/client/c1");
        var second = await raw.Get("/api/v1/content/client/c1");

        first.Status.Should().Be(HttpStatusCode.TooManyRequests);
        first.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
        first.Json!["message"]!.GetValue<string>().Should().Contain("Too Many Requests");
        second.Status.Should().Be(HttpStatusCode.OK);
        _sim.Requests[0].Fault.Should().NotBeNull();
        _sim.Requests[0].StatusCode.Should().Be(429);
        _sim.Faults.PendingCount.Should().Be(0);
    }

    [Fact]
    public async Task Sdk_retries_a_get_through_503s()
    {
        _sim.SeedContent("c1", "T", "https://x", 1);
        _sim.Faults.Enqueue(SimulatedFault.Status(503), times: 2);
        using var client = new ConscentClient(_sim.CreateOptions(), _sim.Handler);

        var item = await client.Content.GetAsync("c1");

        item.ContentId.Should().Be("c1");
        _sim.Requests.Select(r => r.StatusCode).Should().Equal(503, 503, 200);
    }

    [Fact]
    public async Task Rate_limited_beyond_retries_throws_rate_limited_with_retry_after()
    {
        _sim.Faults.When("/api/v1/content/client", SimulatedFault.Status(429, TimeSpan.FromSeconds(1)));
        using var patient = _sim.CreateClient(o => { o.Retry.MaxRetryAttempts = 1; o.Retry.MaxDelay = TimeSpan.FromSeconds(2); });

        (await FluentActions.Awaiting(() => patient.Content.ListAsync().GetPageAsync()).Should().ThrowAsync<ConscentRateLimitedException>())
            .Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        _sim.Requests.Should().HaveCount(2, "a 1 s Retry-After within MaxDelay is waited out once");

        _sim.ClearRequests();
        using var hurried = _sim.CreateClient(o => o.Retry.MaxRetryAttempts = 1); // MaxDelay 100 ms
        (await FluentActions.Awaiting(() => hurried.Content.ListAsync().GetPageAsync()).Should().ThrowAsync<ConscentRateLimitedException>())
            .Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        _sim.Requests.Should().HaveCount(1, "a wait longer than MaxDelay is reported, not cut short");
    }

    [Fact]
    public async Task Dropped_before_processing_post_is_retried_and_created_once()
    {
        _sim.Faults.Enqueue(SimulatedFault.DropConnection());
        using var client = new ConscentClient(_sim.CreateOptions(), _sim.Handler);

        var created = await client.Content.CreateAsync(NewContent("p1"));

        created.Content!.ContentId.Should().Be("p1");
        _sim.ContentIds.Should().Equal("p1");
        _sim.Requests.Select(r => r.StatusCode).Should().Equal(null, 200);
    }

    [Fact]
    public async Task Dropped_after_processing_post_is_not_retried_but_the_state_changed()
    {
        _sim.Faults.Enqueue(SimulatedFault.DropConnection(afterProcessing: true));
        using var client = new ConscentClient(_sim.CreateOptions(), _sim.Handler);

        var act = () => client.Content.CreateAsync(NewContent("p2"));

        await act.Should().ThrowAsync<ConscentException>();
        _sim.ContentIds.Should().Equal("p2");
        _sim.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Dropped_connection_in_server_mode_aborts_the_connection()
    {
        await _sim.StartServerAsync();
        _sim.Faults.Enqueue(SimulatedFault.DropConnection());
        using var http = new HttpClient { BaseAddress = _sim.ServerAddress };

        var act = () => http.GetAsync("/api/v1/content/client");

        await act.Should().ThrowAsync<HttpRequestException>();
        _sim.Requests.Single().StatusCode.Should().BeNull();
    }

    [Fact]
    public async Task Server_mode_sdk_retries_through_a_dropped_get()
    {
        await _sim.StartServerAsync();
        _sim.SeedContent("c1", "T", "https://x", 1);
        _sim.Faults.Enqueue(SimulatedFault.DropConnection());
        using var client = new ConscentClient(_sim.CreateOptions());

        var item = await client.Content.GetAsync("c1");

        item.ContentId.Should().Be("c1");
        _sim.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Rule_matches_path_and_method_for_n_times()
    {
        var rule = _sim.Faults.When("/api/v1/client/stats/daily", SimulatedFault.Status(405), method: "GET", times: 1);
        using var raw = new Raw(_sim);

        (await raw.Get("/api/v1/client/stats/daily")).Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await raw.Post("/api/v1/client/stats/daily")).Status.Should().Be(HttpStatusCode.OK, "the rule matches GET only");
        (await raw.Get("/api/v1/client/stats/daily")).Status.Should().Be(HttpStatusCode.OK, "the rule was used up");
        rule.Hits.Should().Be(1);
        rule.Remaining.Should().Be(0);
    }

    [Fact]
    public async Task Predicate_rule_applies_until_removed()
    {
        var rule = _sim.Faults.When(r => r.Auth == SimulatedAuth.None, SimulatedFault.Status(500, message: "boom"));
        using var raw = new Raw(_sim);

        var failed = await raw.Post("/api/v1/content/consumption/x", auth: Auth.None);
        _sim.Faults.Remove(rule).Should().BeTrue();
        var ok = await raw.Post("/api/v1/content/consumption/x", auth: Auth.None);

        failed.Status.Should().Be(HttpStatusCode.InternalServerError);
        failed.Json!["message"]!.GetValue<string>().Should().Be("boom");
        ok.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delay_longer_than_the_attempt_timeout_is_abandoned_and_retried()
    {
        _sim.SeedContent("c1", "T", "https://x", 1);
        _sim.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(30)));
        using var client = _sim.CreateClient(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var item = await client.Content.GetAsync("c1");

        item.ContentId.Should().Be("c1");
        _sim.Requests.Should().HaveCount(2);
        _sim.Requests.Should().Contain(r => r.Fault != null && r.Fault.DelayBy == TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Faults_reject_nonsense()
    {
        FluentActions.Invoking(() => SimulatedFault.Status(42)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => SimulatedFault.Delay(TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _sim.Faults.Enqueue(SimulatedFault.Status(500), 0)).Should().Throw<ArgumentOutOfRangeException>();
        SimulatedFault.Status(503, TimeSpan.FromSeconds(3)).WithDelay(TimeSpan.FromMilliseconds(10)).ToString().Should().Be("503 (Retry-After 3s) after 10 ms");
    }
}
