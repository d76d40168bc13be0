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
/// Three real Kestrel instances share one Redis. Every delivery is sent three times at the same moment, one copy to
/// each instance; some handlers fail on their first try; ConsCent redelivers whatever was not answered 2xx.
/// </summary>
public sealed class ExactlyOnceTests
{
    private const int Instances = 3;
    private const int Deliveries = 500;
    private const int Copies = 3;
    private const int MaxRounds = 20;
    private readonly ITestOutputHelper _output;

    public ExactlyOnceTests(ITestOutputHelper output) => _output = output;

    [RedisFact]
    public async Task Every_delivery_is_handled_exactly_once_across_three_instances()
    {
        var server = await RedisServer.Shared;
        var run = "once-" + Guid.NewGuid().ToString("N")[..12];
        var prefix = $"test:{run}:";
        var ledger = new Ledger
        {
            // Every fifth delivery's handler fails on its first run; handlers take 0-9 ms, so copies overlap.
            Behaviour = async (purchaseId, attempt) =>
            {
                var index = int.Parse(purchaseId[(purchaseId.LastIndexOf('p') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                if (index % 5 == 0 && attempt == 1) throw new InvalidOperationException("injected failure");
                if (index % 4 != 0) await Task.Delay(index % 4 * 3);
            },
        };

        // Each instance has its own connection, as separate processes would; one per wiring overload.
        await using var shared = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        static void Options(ConscentWebhookOptions o) => o.RetryAfter = TimeSpan.FromSeconds(1);
        var instances = new List<WebhookInstance>
        {
            await WebhookInstance.StartAsync(0, ledger, b => b.AddRedisDeduplication(server.Configuration, o => o.KeyPrefix = prefix), Options),
            await WebhookInstance.StartAsync(1, ledger, b => b.AddRedisDeduplication(ConfigurationOptions.Parse(server.Configuration), o => o.KeyPrefix = prefix), Options),
            await WebhookInstance.StartAsync(2, ledger, b =>
            {
                b.Services.AddSingleton<IConnectionMultiplexer>(shared);
                b.AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>(), o => o.KeyPrefix = prefix);
            }, Options),
        };
        try
        {
            using var conscent = new Deliverer(ledger);
            var deliveries = Enumerable.Range(0, Deliveries).Select(i => Delivery.Create(run, i)).ToList();
            var clock = Stopwatch.StartNew();

            var pending = await conscent.SendCopiesAsync(deliveries, Copies, instances, parallelDeliveries: 16);
            var firstWave = conscent.DescribeAnswers();
            var notAnsweredFirst = pending.Count;
            var (rounds, left) = await conscent.RedeliverAsync(pending, instances, MaxRounds, TimeSpan.FromMilliseconds(100));
            clock.Stop();

            var sent = conscent.Answers.Values.Sum();
            var injected = deliveries.Count(d => d.Index % 5 == 0);
            Figures.Report(_output,
                $"Exactly once: {Instances} Kestrel instances, one Redis ({server.Configuration}{(server.IsOwn ? ", started by the tests" : ", CONSCENT_REDIS")})",
                $"  deliveries {Deliveries}, copies each {Copies} (sent together, one per instance), requests in all {sent}, in {clock.ElapsedMilliseconds} ms",
                $"  first wave answers: {firstWave}",
                $"  copies not answered 2xx in the first wave: {notAnsweredFirst}; redelivery rounds used: {rounds} of {MaxRounds}; still pending: {left.Count}",
                $"  all answers: {conscent.DescribeAnswers()}",
                $"  handler runs {ledger.TotalRuns} = successes {ledger.TotalSuccesses} + injected failures {ledger.TotalFailures} (expected {injected})",
                $"  successes by instance: {string.Join(", ", ledger.SuccessesByInstance.OrderBy(p => p.Key).Select(p => $"#{p.Key}: {p.Value}"))}",
                $"  deliveries handled exactly once: {deliveries.Count(d => ledger.Of(d.PurchaseId).Successes == 1)} of {Deliveries}; twice or more: {deliveries.Count(d => ledger.Of(d.PurchaseId).Successes > 1)}; never: {deliveries.Count(d => ledger.Of(d.PurchaseId).Successes == 0)}",
                $"  2xx answers before any handler succeeded for that delivery: {conscent.Violations}");

            left.Should().BeEmpty("every copy is eventually answered 2xx");
            conscent.Violations.Should().Be(0, "no delivery is answered 2xx before a handler succeeded");
            foreach (var delivery in deliveries)
            {
                var counts = ledger.Of(delivery.PurchaseId);
                counts.Successes.Should().Be(1, $"delivery {delivery.Index} succeeds exactly once");
                counts.Failures.Should().Be(delivery.Index % 5 == 0 ? 1 : 0);
                counts.Runs.Should().Be(counts.Successes + counts.Failures, "no handler runs besides these");
            }
            ledger.TotalFailures.Should().Be(injected);
            conscent.Answers.GetValueOrDefault("500").Should().Be(injected, "each injected failure is answered 500 once");
            conscent.Answers.Keys.Should().BeSubsetOf(new[] { "200", "500", "503" });

            var logs = instances.SelectMany(i => i.Logs.GetSnapshot()).ToList();
            logs.Should().NotContain(r => r.Message.Contains(run) || r.Message.Contains("@example.com"), "logs carry no delivery or reader ids");
            logs.Count(r => r.Id.Id == 2100).Should().Be(Deliveries);
        }
        finally
        {
            foreach (var instance in instances) await instance.DisposeAsync();
        }
    }
}
