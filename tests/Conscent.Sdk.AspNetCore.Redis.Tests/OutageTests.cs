using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>
/// Redis is killed in the middle of a run of deliveries, stays down for a while, and comes back (with AOF, as a
/// production Redis keeps what it acknowledged). Uses its own redis-server: the shared one is never stopped.
/// </summary>
public sealed class OutageTests
{
    private const int Before = 150;     // handled before the outage
    private const int Across = 250;     // sent while Redis is killed
    private const int During = 100;     // sent while Redis is down
    private const int Copies = 3;
    private const int MaxRounds = 160;  // x 250 ms: longer than a lease
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private readonly ITestOutputHelper _output;

    public OutageTests(ITestOutputHelper output) => _output = output;

    [RedisFact]
    public async Task Redis_stopped_mid_run_deliveries_get_503_and_after_redelivery_none_is_lost_and_none_doubled()
    {
        await using var redis = await RedisServer.StartOwnAsync(persistent: true);
        var run = "outage-" + Guid.NewGuid().ToString("N")[..12];
        var ledger = new Ledger
        {
            Behaviour = async (purchaseId, attempt) =>
            {
                var index = int.Parse(purchaseId[(purchaseId.LastIndexOf('p') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                if (index % 7 == 0 && attempt == 1) throw new InvalidOperationException("injected failure");
                await Task.Delay(2 + (index % 3 * 3));
            },
        };
        ConfigurationOptions Connection()
        {
            var options = ConfigurationOptions.Parse(redis.Configuration);
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ReconnectRetryPolicy = new LinearRetry(200);
            options.ConnectTimeout = 2000;
            return options;
        }
        var instances = new List<WebhookInstance>();
        for (var i = 0; i < 3; i++)
        {
            instances.Add(await WebhookInstance.StartAsync(i, ledger, b => b.AddRedisDeduplication(Connection(), o => o.KeyPrefix = $"test:{run}:"), o =>
            {
                o.DeduplicationLease = Lease;
                o.RetryAfter = TimeSpan.FromSeconds(1);
            }));
        }
        try
        {
            using var conscent = new Deliverer(ledger);
            var all = Enumerable.Range(0, Before + Across + During).Select(i => Delivery.Create(run, i)).ToList();
            var before = all.Take(Before).ToList();
            var across = all.Skip(Before).Take(Across).ToList();
            var during = all.Skip(Before + Across).ToList();
            var clock = Stopwatch.StartNew();

            // 1. Before: everything handled.
            var pending = await conscent.SendCopiesAsync(before, Copies, instances, parallelDeliveries: 16);
            (_, pending) = await conscent.RedeliverAsync(pending, instances, 20, TimeSpan.FromMilliseconds(100));
            pending.Should().BeEmpty();
            var answersBefore = conscent.DescribeAnswers();
            conscent.Answers.Clear();

            // 2. Across: Redis is killed once a quarter of these deliveries were answered; the rest keep coming.
            var stopNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stoppedAt = TimeSpan.Zero;
            var stopper = Task.Run(async () =>
            {
                await stopNow.Task;
                await redis.StopAsync();
                stoppedAt = clock.Elapsed;
            });
            var acrossPending = await conscent.SendCopiesAsync(across, Copies, instances, parallelDeliveries: 8, answered: n =>
            {
                if (n == Across / 4) stopNow.TrySetResult();
            });
            await stopper;
            var answersAcross = conscent.DescribeAnswers();
            conscent.Answers.Clear();

            // 3. During: Redis is down. New deliveries, and copies of ones handled before, all get 503; no handler runs.
            var runsBeforeOutage = ledger.TotalRuns;
            // Two waves a second apart, so the instances have tried (and failed) to reconnect in between.
            var duringPending = await conscent.SendCopiesAsync(during.Take(During / 2).ToList(), 1, instances, parallelDeliveries: 16);
            await Task.Delay(TimeSpan.FromSeconds(1));
            duringPending.AddRange(await conscent.SendCopiesAsync(during.Skip(During / 2).ToList(), 1, instances, parallelDeliveries: 16));
            var repeatsPending = await conscent.SendCopiesAsync(before.Take(50).ToList(), 1, instances, parallelDeliveries: 16);
            var answersDuring = conscent.DescribeAnswers();
            conscent.Answers.Keys.Should().Equal(new[] { "503" }, "while Redis is down every delivery is told to come back");
            var runsDuringOutage = ledger.TotalRuns - runsBeforeOutage;
            runsDuringOutage.Should().Be(0, "no handler runs without a claim");
            conscent.Answers.Clear();

            // 4. Redis comes back; ConsCent redelivers whatever was not answered 2xx.
            await redis.RestartAsync();
            var restartedAt = clock.Elapsed;
            var (rounds, left) = await conscent.RedeliverAsync(acrossPending.Concat(duringPending).Concat(repeatsPending).ToList(), instances, MaxRounds, TimeSpan.FromMilliseconds(250));
            clock.Stop();

            var logs = instances.SelectMany(i => i.Logs.GetSnapshot()).ToList();
            int Logged(int id) => logs.Count(r => r.Id.Id == id);
            Figures.Report(_output,
                $"Redis outage: 3 Kestrel instances, own redis-server {redis.Configuration} (AOF, fsync always), lease {Lease.TotalSeconds:0} s",
                $"  before: {Before} deliveries x {Copies} copies -> {answersBefore}",
                $"  across the kill: {Across} deliveries x {Copies} copies, Redis killed once {Across / 4} of them were answered ({stoppedAt.TotalSeconds:0.0} s into the run) -> {answersAcross}",
                $"  during the outage: {During} new deliveries + 50 copies of handled ones -> {answersDuring}; handler runs during the outage: {runsDuringOutage}",
                $"  Redis down for {(restartedAt - stoppedAt).TotalSeconds:0.0} s (kill to restart); after restart: {acrossPending.Count + duringPending.Count + repeatsPending.Count} copies redelivered in {rounds} rounds -> {conscent.DescribeAnswers()}; still pending {left.Count}",
                $"  guard log events: 2112 fail-closed 503 {Logged(2112)}, 2111 in progress 503 {Logged(2111)}, 2114 not recorded {Logged(2114)}, 2115 recorded late {Logged(2115)}, 2116 never recorded {Logged(2116)}, 2117 lease lost {Logged(2117)}, 2118 release failed {Logged(2118)}",
                $"  deliveries handled exactly once: {all.Count(d => ledger.Of(d.PurchaseId).Successes == 1)} of {all.Count}; twice or more: {all.Count(d => ledger.Of(d.PurchaseId).Successes > 1)}; lost: {all.Count(d => ledger.Of(d.PurchaseId).Successes == 0)}",
                $"  handler runs {ledger.TotalRuns} = successes {ledger.TotalSuccesses} + injected failures {ledger.TotalFailures}; 2xx before any success: {conscent.Violations}; total {clock.Elapsed.TotalSeconds:0.0} s");

            left.Should().BeEmpty("every copy is answered 2xx once Redis is back");
            conscent.Violations.Should().Be(0);
            foreach (var delivery in all)
            {
                var counts = ledger.Of(delivery.PurchaseId);
                counts.Successes.Should().Be(1, $"delivery {delivery.Index} is neither lost nor doubled");
                counts.Runs.Should().Be(counts.Successes + counts.Failures);
            }
            Logged(2112).Should().BeGreaterThanOrEqualTo(During + 50);
            logs.Should().NotContain(r => r.Message.Contains(run) || r.Message.Contains("@example.com") || r.Message.Contains(redis.Configuration));
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }
}
