using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>The endpoint's duplicate-guard step, end to end through Kestrel: what each claim outcome is answered.</summary>
public class WebhookDuplicateGuardTests
{
    private const string Path = "/webhooks/subscription-payment";
    private const string DeliveryId = "4932228982489248928208024/61efb40a672c7f15840e803c"; // the sample's purchaseId/_id
    private static readonly string Body = Samples.Text("webhook-subscription-payment.json");

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A guard whose store is down: every call throws, with a message that must not reach the logs.</summary>
    private sealed class UnreachableGuard : IConscentWebhookDeduplicator
    {
        private static HttpRequestException Down() => new HttpRequestException("store at secret-host:6379 down for key SubscriptionPaymentWebhook:" + DeliveryId);

        public ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => throw Down();

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken) => throw Down();

        public ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => throw Down();
    }

    /// <summary>The in-memory guard, with the first <c>n</c> completions or releases failing as if the store blinked.</summary>
    private sealed class FlakyGuard : IConscentWebhookDeduplicator
    {
        private int _completeFailures;
        private int _releaseFailures;

        public FlakyGuard(InMemoryWebhookDeduplicator inner, int completeFailures, int releaseFailures)
        {
            Inner = inner;
            _completeFailures = completeFailures;
            _releaseFailures = releaseFailures;
        }

        public InMemoryWebhookDeduplicator Inner { get; }

        public ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => Inner.ClaimAsync(key, lease, cancellationToken);

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _completeFailures) >= 0 ? throw new TimeoutException("blink") : Inner.CompleteAsync(claim, window, cancellationToken);

        public ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _releaseFailures) >= 0 ? throw new TimeoutException("blink") : Inner.ReleaseAsync(claim, cancellationToken);
    }

    private static Task<WebhookHost> Start(Func<SubscriptionPaymentWebhook, Task> handler, Action<ConscentWebhookOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        WebhookHost.StartAsync(app => app.MapConscentWebhook<SubscriptionPaymentWebhook>(Path, (p, _) => handler(p)), configure, services);

    private static void AssertNoDeliveryIdsInLogs(WebhookHost host)
    {
        foreach (var record in host.Logs.GetSnapshot())
        {
            record.Message.Should().NotContain("4932228982489248928208024").And.NotContain("61efb40a672c7f15840e803c").And.NotContain("secret-host").And.NotContain("test@email.com");
            record.Exception.Should().BeNull();
        }
    }

    [Fact]
    public async Task A_copy_arriving_while_the_handler_runs_is_503_with_retry_after_and_after_the_handler_succeeded_is_200()
    {
        var calls = 0;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await Start(async _ =>
        {
            Interlocked.Increment(ref calls);
            entered.TrySetResult();
            await proceed.Task;
        });

        var first = host.PostAsync(Path, Body);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using (var during = await host.PostAsync(Path, Body))
        {
            during.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the handler has not succeeded yet, so no 2xx");
            during.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
            (await during.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        }
        proceed.SetResult();
        using (var firstResponse = await first) firstResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var after = await host.PostAsync(Path, Body)) after.StatusCode.Should().Be(HttpStatusCode.OK);

        calls.Should().Be(1);
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2111).Which.Message.Should().Contain("SubscriptionPaymentWebhook").And.Contain("503");
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2110, "the claim is logged at Debug with its timing");
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2104).Which.Message.Should().MatchRegex(@"guard [0-9.]+ ms");
        AssertNoDeliveryIdsInLogs(host);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1500, 2)]
    public async Task Retry_after_is_rounded_up_to_seconds_or_left_out(int milliseconds, int? expectedSeconds)
    {
        await using var host = await Start(_ => Task.CompletedTask, o => o.RetryAfter = TimeSpan.FromMilliseconds(milliseconds), s => s.AddSingleton<IConscentWebhookDeduplicator>(new UnreachableGuard()));
        using var response = await host.PostAsync(Path, Body);
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter?.Delta.Should().Be(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value));
    }

    [Fact]
    public async Task Guard_unreachable_fails_closed_by_default_is_503_and_the_handler_is_not_called()
    {
        var calls = 0;
        await using var host = await Start(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, services: s => s.AddSingleton<IConscentWebhookDeduplicator>(new UnreachableGuard()));

        using var response = await host.PostAsync(Path, Body);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        calls.Should().Be(0, "no handler runs without a claim");
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2112).Which.Message.Should().Contain("HttpRequestException").And.Contain("fail closed");
        AssertNoDeliveryIdsInLogs(host);
    }

    [Fact]
    public async Task Guard_unreachable_fail_open_runs_the_handler_unguarded()
    {
        var calls = 0;
        await using var host = await Start(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; },
            o => o.DeduplicationFailureMode = WebhookDeduplicationFailureMode.FailOpen,
            s => s.AddSingleton<IConscentWebhookDeduplicator>(new UnreachableGuard()));

        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.OK);

        calls.Should().Be(2, "fail open trades duplicates for availability");
        host.Logs.GetSnapshot().Where(r => r.Id.Id == 2113).Should().HaveCount(2);
        AssertNoDeliveryIdsInLogs(host);
    }

    [Fact]
    public async Task Completion_fails_the_answer_is_still_success_and_the_delivery_is_recorded_on_a_retry()
    {
        var calls = 0;
        var guard = new FlakyGuard(new InMemoryWebhookDeduplicator(), completeFailures: 2, releaseFailures: 0);
        await using var host = await Start(_ => { Interlocked.Increment(ref calls); return Task.CompletedTask; }, services: s => s.AddSingleton<IConscentWebhookDeduplicator>(guard));

        using (var response = await host.PostAsync(Path, Body))
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the handler succeeded; a 5xx would make ConsCent redeliver it");
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2114);

        for (var i = 0; i < 200 && !host.Logs.GetSnapshot().Any(r => r.Id.Id == 2115); i++) await Task.Delay(50);
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2115, "the record is retried in the background while the claim holds").Which.Message.Should().Contain("retry 2");

        using (var copy = await host.PostAsync(Path, Body)) copy.StatusCode.Should().Be(HttpStatusCode.OK);
        calls.Should().Be(1);
        AssertNoDeliveryIdsInLogs(host);
    }

    [Fact]
    public async Task Release_fails_is_500_and_the_next_copy_is_handled_once_the_lease_ends()
    {
        var clock = new ManualClock();
        var calls = 0;
        var guard = new FlakyGuard(new InMemoryWebhookDeduplicator(100, clock), completeFailures: 0, releaseFailures: 1);
        await using var host = await Start(_ => Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask,
            o => o.DeduplicationLease = TimeSpan.FromMinutes(1),
            s => s.AddSingleton<IConscentWebhookDeduplicator>(guard));

        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2118);
        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the claim was not released, so it holds until its lease ends");

        clock.Now += TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);
        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.OK);
        calls.Should().Be(2);
        AssertNoDeliveryIdsInLogs(host);
    }

    [Fact]
    public async Task A_handler_that_outlasts_the_lease_is_logged_as_lease_lost()
    {
        var clock = new ManualClock();
        var calls = 0;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await Start(async _ =>
        {
            if (Interlocked.Increment(ref calls) > 1) return;
            entered.TrySetResult();
            await proceed.Task;
        }, o => o.DeduplicationLease = TimeSpan.FromMinutes(1), s => s.AddSingleton<IConscentWebhookDeduplicator>(new InMemoryWebhookDeduplicator(100, clock)));

        var slow = host.PostAsync(Path, Body);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Now += TimeSpan.FromMinutes(2); // the slow handler is still running when its lease ends
        (await host.PostAsync(Path, Body)).StatusCode.Should().Be(HttpStatusCode.OK, "the lease ended, so the copy took the delivery over");
        proceed.SetResult();
        (await slow).StatusCode.Should().Be(HttpStatusCode.OK);

        calls.Should().Be(2, "this is why the lease must outlast the slowest handler");
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2117).Which.Message.Should().Contain("DeduplicationLease");
    }

    [Fact]
    public async Task AddConscentWebhooks_returns_a_builder_for_choosing_the_guard()
    {
        var services = new ServiceCollection();
        var builder = services.AddConscentWebhooks();
        builder.Services.Should().BeSameAs(services);
        builder.AddDistributedCacheDeduplication().Should().BeSameAs(builder);
        services.AddDistributedMemoryCache();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType<DistributedCacheWebhookDeduplicator>();
    }

    [Theory]
    [InlineData("lease")]
    [InlineData("retry-after")]
    [InlineData("mode")]
    public void Invalid_guard_options_fail_validation(string which)
    {
        var services = new ServiceCollection();
        services.AddConscentWebhooks(o =>
        {
            if (which == "lease") o.DeduplicationLease = TimeSpan.Zero;
            if (which == "retry-after") o.RetryAfter = TimeSpan.FromSeconds(-1);
            if (which == "mode") o.DeduplicationFailureMode = (WebhookDeduplicationFailureMode)7;
        });
        using var provider = services.BuildServiceProvider();
        FluentActions.Invoking(() => provider.GetRequiredService<IOptions<ConscentWebhookOptions>>().Value).Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void Options_describe_the_guard()
    {
        var options = new ConscentWebhookOptions();
        options.DeduplicationLease.Should().Be(TimeSpan.FromMinutes(2));
        options.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        options.DeduplicationFailureMode.Should().Be(WebhookDeduplicationFailureMode.FailClosed);
        options.ToString().Should().Contain("DeduplicationLease = 00:02:00").And.Contain("DeduplicationFailureMode = FailClosed");
    }
}
