using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>An instance dies holding a claim: the delivery waits out the lease (503s), then another instance handles it, once.</summary>
public sealed class CrashTests
{
    // Long enough that a loaded machine cannot let it lapse between the claim and the next copy.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private const int MaxRedeliveries = 200; // x 100 ms
    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output) => _output = output;

    private static void Options(ConscentWebhookOptions o)
    {
        o.DeduplicationLease = Lease;
        o.RetryAfter = TimeSpan.FromSeconds(1);
    }

    private static async Task<(int Attempts, int Status, List<int> Answers)> RedeliverUntil2xxAsync(Deliverer conscent, Delivery delivery, List<WebhookInstance> instances)
    {
        var answers = new List<int>();
        for (var attempt = 1; attempt <= MaxRedeliveries; attempt++)
        {
            var status = await conscent.SendAsync(delivery, instances[attempt % instances.Count]);
            answers.Add(status);
            if (status is >= 200 and <= 299) return (attempt, status, answers);
            await Task.Delay(100);
        }
        return (MaxRedeliveries, answers[^1], answers);
    }

    [RedisFact]
    public async Task A_claim_that_is_never_completed_is_taken_over_after_the_lease()
    {
        var server = await RedisServer.Shared;
        var run = "crash-" + Guid.NewGuid().ToString("N")[..12];
        var prefix = $"test:{run}:";
        var ledger = new Ledger();
        var instances = new List<WebhookInstance>();
        for (var i = 0; i < 3; i++) instances.Add(await WebhookInstance.StartAsync(i, ledger, b => b.AddRedisDeduplication(server.Configuration, o => o.KeyPrefix = prefix), Options));
        try
        {
            using var conscent = new Deliverer(ledger);
            var delivery = Delivery.Create(run, 1);

            // An instance claims the delivery the way the endpoint does, then dies: the claim is never completed or released.
            var clock = Stopwatch.StartNew();
            await using (var dying = await ConnectionMultiplexer.ConnectAsync(server.Configuration))
            {
                var claim = await new RedisWebhookDeduplicator(dying, new RedisWebhookDeduplicatorOptions { KeyPrefix = prefix })
                    .ClaimAsync("SubscriptionPaymentWebhook:" + delivery.PurchaseId, Lease, CancellationToken.None);
                claim.Status.Should().Be(WebhookClaimStatus.Claimed);
            }

            var first = await conscent.SendAsync(delivery, instances[0]);
            first.Should().Be(503, "the dead instance's claim holds until its lease ends");
            var (attempts, status, answers) = await RedeliverUntil2xxAsync(conscent, delivery, instances);

            Figures.Report(_output, $"Crash (claim never completed, lease {Lease.TotalSeconds:0} s): first copy {first}; redeliveries every 100 ms until 2xx: {attempts} ({string.Join(" ", answers.GroupBy(a => a).Select(g => $"{g.Key} x{g.Count()}"))}); taken over after {clock.Elapsed.TotalSeconds:0.0} s; handler successes {ledger.Of(delivery.PurchaseId).Successes}");
            status.Should().Be(200, "the lease ended and another instance took the delivery over");
            answers.Should().Contain(503, "copies sent while the claim was held were told to come back later");
            ledger.Of(delivery.PurchaseId).Successes.Should().Be(1);
            ledger.Of(delivery.PurchaseId).Runs.Should().Be(1);
            (await conscent.SendAsync(delivery, instances[1])).Should().Be(200);
            ledger.Of(delivery.PurchaseId).Runs.Should().Be(1, "a later copy is a duplicate");
            conscent.Violations.Should().Be(0);
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task An_instance_that_dies_mid_handler_leaves_the_delivery_to_another_instance_after_the_lease()
    {
        var server = await RedisServer.Shared;
        var run = "die-" + Guid.NewGuid().ToString("N")[..12];
        var prefix = $"test:{run}:";
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ledger = new Ledger
        {
            Behaviour = async (_, attempt) =>
            {
                if (attempt != 1) return;
                entered.TrySetResult();
                await hung.Task; // the first run never finishes its work: its process dies under it
            },
        };
        var instances = new List<WebhookInstance>();
        for (var i = 0; i < 3; i++) instances.Add(await WebhookInstance.StartAsync(i, ledger, b => b.AddRedisDeduplication(server.Configuration, o => o.KeyPrefix = prefix), Options));
        try
        {
            using var conscent = new Deliverer(ledger);
            var delivery = Delivery.Create(run, 1);
            var clock = Stopwatch.StartNew();

            var toDying = conscent.SendAsync(delivery, instances[0]);
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var whileItRuns = await conscent.SendAsync(delivery, instances[1]);
            whileItRuns.Should().Be(503, "instance 0 holds the claim");

            await instances[0].StopAsync(); // dies: its request is abandoned, its claim never completed
            var answerFromDying = await toDying;
            var survivors = instances.Skip(1).ToList();
            var (attempts, status, answers) = await RedeliverUntil2xxAsync(conscent, delivery, survivors);

            Figures.Report(_output, $"Crash (instance stopped mid-handler, lease {Lease.TotalSeconds:0} s): dying instance answered {(answerFromDying == 0 ? "nothing" : answerFromDying.ToString(System.Globalization.CultureInfo.InvariantCulture))}; copy while it ran {whileItRuns}; redeliveries to the survivors until 2xx: {attempts} ({string.Join(" ", answers.GroupBy(a => a).Select(g => $"{g.Key} x{g.Count()}"))}); handled after {clock.Elapsed.TotalSeconds:0.0} s; successes {ledger.Of(delivery.PurchaseId).Successes}");
            answerFromDying.Should().NotBeInRange(200, 299);
            status.Should().Be(200);
            ledger.Of(delivery.PurchaseId).Successes.Should().Be(1, "the survivors handled it once");
            conscent.Violations.Should().Be(0);
        }
        finally
        {
            hung.TrySetException(new OperationCanceledException("the process died")); // ends the abandoned handler without success
            foreach (var instance in instances) await instance.DisposeAsync();
        }
        ledger.TotalSuccesses.Should().Be(1);
    }
}
