using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using Xunit.Abstractions;

namespace Conscent.Sdk.Tests.Reliability;

/// <summary>
/// A bounded load run: thousands of calls at 128 concurrency against a loopback server failing ~10% of requests.
/// Set CONSCENT_SOAK_CALLS for a longer soak (figures in docs/reliability.md).
/// </summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class LoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    private static int Calls => int.TryParse(Environment.GetEnvironmentVariable("CONSCENT_SOAK_CALLS"), out var n) && n > 0 ? n : 2000;

    [Fact]
    public async Task Every_call_under_load_with_injected_faults_ends_classified_without_leaks()
    {
        var body = Samples.Text("content-get.response.json");
        var served = 0;
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(_ =>
        {
            var n = Interlocked.Increment(ref served);
            var fault = n % 10 == 0; // ~10% of requests fail: alternately 503 and 500.
            return new ResponseMessage
            {
                StatusCode = fault ? (n % 20 == 0 ? 500 : 503) : 200,
                BodyData = new BodyData { BodyAsString = fault ? "{\"message\":\"injected\"}" : body, DetectedBodyType = BodyType.String },
            };
        }));
        var unobserved = 0;
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, _) => Interlocked.Increment(ref unobserved);
        TaskScheduler.UnobservedTaskException += onUnobserved;
        using var client = _mock.Client(o => o.Retry.MaxRetryAttempts = 3);
        var outcomes = new ConcurrentDictionary<string, int>();
        var calls = Calls;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, 128).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                string outcome;
                try
                {
                    var item = await client.Content.GetAsync("Client Content Id 6");
                    outcome = item.Title == "Tesla Tequila" ? "ok" : "wrong-body";
                }
                catch (ConscentException ex)
                {
                    outcome = ex.GetType().Name;
                }
                catch (Exception ex)
                {
                    outcome = "UNCLASSIFIED:" + ex.GetType().Name;
                }
                outcomes.AddOrUpdate(outcome, 1, (_, c) => c + 1);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();

        var port = _mock.BaseAddress.Port;
        var connections = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Count(c => c.RemoteEndPoint.Port == port && IPAddress.IsLoopback(c.RemoteEndPoint.Address));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        TaskScheduler.UnobservedTaskException -= onUnobserved;

        output.WriteLine($"{calls} calls at 128 concurrency in {stopwatch.Elapsed.TotalSeconds:0.0} s ({calls / stopwatch.Elapsed.TotalSeconds:0} calls/s); " +
            $"server requests {served}; outcomes {string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"))}; client connections open {connections}");
        outcomes.Values.Sum().Should().Be(calls);
        outcomes.Keys.Should().NotContain(k => k.StartsWith("UNCLASSIFIED", StringComparison.Ordinal) || k == "wrong-body");
        outcomes.GetOrAdd("ok", 0).Should().BeGreaterThan(calls * 99 / 100, "with 3 retries a 10% fault rate almost never fails a call");
        served.Should().BeGreaterThan(calls).And.BeLessThan(calls * 2, "faulted requests were retried, no more");
        connections.Should().BeLessThanOrEqualTo(256, "connections are pooled, not one per call");
        unobserved.Should().Be(0);
    }

    [Fact]
    public async Task Circuit_breaker_opens_under_failure_and_recovers_when_the_server_does()
    {
        var healthy = 0;
        var body = Samples.Text("content-get.response.json");
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(_ => new ResponseMessage
        {
            StatusCode = Volatile.Read(ref healthy) == 1 ? 200 : 500,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        }));
        using var client = _mock.Client(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = true, FailureRatio = 0.5, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromMilliseconds(500) };
        });

        var opened = false;
        for (var i = 0; i < 50 && !opened; i++)
        {
            try { await client.Content.GetAsync("x"); }
            catch (ConscentCircuitOpenException) { opened = true; }
            catch (ConscentServerException) { }
        }
        opened.Should().BeTrue("ten failures out of ten open the circuit");
        var sentWhileOpen = _mock.Server.LogEntries.Count;
        await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentCircuitOpenException>();
        _mock.Server.LogEntries.Count.Should().Be(sentWhileOpen, "an open circuit sends nothing");

        Volatile.Write(ref healthy, 1);
        var recovered = false;
        for (var i = 0; i < 40 && !recovered; i++)
        {
            await Task.Delay(100);
            try
            {
                recovered = (await client.Content.GetAsync("x")).Title == "Tesla Tequila";
            }
            catch (ConscentCircuitOpenException)
            {
            }
        }
        recovered.Should().BeTrue("after the break a trial call succeeds and closes the circuit");
        (await client.Content.GetAsync("x")).Title.Should().Be("Tesla Tequila");
    }
}
