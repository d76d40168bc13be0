using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks.ConsoleModes;

/// <summary>
/// <c>--alloc-probe [calls] [--types] [--layers]</c>: a quick hot-path diagnostic, not a benchmark. For each call kind
/// (loopback list, in-memory list/create/get) prints the exact bytes allocated per call and the best time per call
/// over 12 interleaved rounds, baseline next to SDK. <c>--types</c> adds the most sampled allocated types
/// (GC AllocationTick events, one sample per ~100 KB); <c>--layers</c> instead times Content.Get with each
/// resilience strategy switched off in turn (in memory and over loopback), to show what each one costs.
/// </summary>
public static class AllocProbe
{
    private const int Rounds = 12;

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5000;
        var types = args.Contains("--types");
        var payloads = ContentPayloads.Load();

        await using var server = await LoopbackServer.StartAsync(payloads).ConfigureAwait(false);
        using var loopHttp = RawContentClient.Configure(new HttpClient(BenchSetup.SocketsHandler(), disposeHandler: true));
        var loopRaw = new RawContentClient(loopHttp, server.BaseAddress);
        using var loopSdk = new ConscentClient(BenchSetup.SdkOptions(server.BaseAddress));
        using var rawHttp = RawContentClient.Configure(new HttpClient(new SampleHandler(payloads), disposeHandler: true));
        var raw = new RawContentClient(rawHttp, BenchSetup.InMemoryBaseAddress);
        using var sdk = Sdk(payloads, _ => { });

        (string Name, Func<Task> Call)[] sides;
        if (args.Contains("--layers"))
        {
            var none = Timeout.InfiniteTimeSpan;
            sides = new (string, Func<Task>)[]
            {
                ("get raw", () => raw.GetAsync(ContentPayloads.SampleContentId)),
                ("get sdk", () => sdk.Content.GetAsync(ContentPayloads.SampleContentId)),
                Get("sdk, no breaker", Sdk(payloads, o => o.CircuitBreaker.Enabled = false)),
                Get("sdk, no retry", Sdk(payloads, o => o.Retry.MaxRetryAttempts = 0)),
                Get("sdk, no total timeout", Sdk(payloads, o => o.TotalTimeout = none)),
                Get("sdk, no timeouts", Sdk(payloads, o => { o.AttemptTimeout = none; o.TotalTimeout = none; })),
                Get("sdk, no resilience", Sdk(payloads, o => { o.CircuitBreaker.Enabled = false; o.Retry.MaxRetryAttempts = 0; o.AttemptTimeout = none; o.TotalTimeout = none; })),
                ("loopback list raw", () => loopRaw.ListAsync()),
                ("loopback list sdk", () => loopSdk.Content.ListAsync().GetPageAsync()),
                List("loopback, no breaker", Net(server, o => o.CircuitBreaker.Enabled = false)),
                List("loopback, no retry", Net(server, o => o.Retry.MaxRetryAttempts = 0)),
                List("loopback, no timeouts", Net(server, o => { o.AttemptTimeout = none; o.TotalTimeout = none; })),
                List("loopback, no resilience", Net(server, o => { o.CircuitBreaker.Enabled = false; o.Retry.MaxRetryAttempts = 0; o.AttemptTimeout = none; o.TotalTimeout = none; })),
            };
        }
        else
        {
            sides = new (string, Func<Task>)[]
            {
                ("loopback list raw", () => loopRaw.ListAsync()),
                ("loopback list sdk", () => loopSdk.Content.ListAsync().GetPageAsync()),
                ("list raw", () => raw.ListAsync()),
                ("list sdk", () => sdk.Content.ListAsync().GetPageAsync()),
                ("create raw", () => raw.CreateAsync(payloads.RawCreateRequest)),
                ("create sdk", () => sdk.Content.CreateAsync(payloads.SdkCreateRequest)),
                ("get raw", () => raw.GetAsync(ContentPayloads.SampleContentId)),
                ("get sdk", () => sdk.Content.GetAsync(ContentPayloads.SampleContentId)),
            };
        }

        var bytes = new double[sides.Length];
        var best = Enumerable.Repeat(double.MaxValue, sides.Length).ToArray();
        for (var s = 0; s < sides.Length; s++)
        {
            for (var i = 0; i < 1000; i++) await sides[s].Call().ConfigureAwait(false);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++) await sides[s].Call().ConfigureAwait(false);
            bytes[s] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
        }
        for (var round = 0; round < Rounds; round++)
        {
            for (var s = 0; s < sides.Length; s++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++) await sides[s].Call().ConfigureAwait(false);
                best[s] = Math.Min(best[s], clock.Elapsed.TotalMilliseconds * 1000 / calls);
            }
        }
        Console.WriteLine($"{calls} calls per side and round; time = best of {Rounds} interleaved rounds (the loopback server runs in this process).");
        for (var s = 0; s < sides.Length; s++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sides[s].Name,-24} {bytes[s],8:0} B/call {best[s],9:0.00} us/call"));

        if (types)
        {
            foreach (var (name, call) in sides)
            {
                using var listener = new AllocationSampler();
                for (var i = 0; i < calls * 4; i++) await call().ConfigureAwait(false);
                Console.WriteLine($"  {name}: most sampled allocated types");
                foreach (var (type, samples) in listener.Samples.OrderByDescending(k => k.Value).Take(20))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {samples,6} {type}"));
            }
        }
        return 0;

        (string, Func<Task>) Get(string name, ConscentClient client) => (name, () => client.Content.GetAsync(ContentPayloads.SampleContentId));
        (string, Func<Task>) List(string name, ConscentClient client) => (name, () => client.Content.ListAsync().GetPageAsync());
    }

    private static ConscentClient Net(LoopbackServer server, Action<ConscentOptions> change)
    {
        var options = BenchSetup.SdkOptions(server.BaseAddress);
        change(options);
        return new ConscentClient(options);
    }

    private static ConscentClient Sdk(ContentPayloads payloads, Action<ConscentOptions> change)
    {
        var options = BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress);
        change(options);
        return new ConscentClient(options, new SampleHandler(payloads));
    }

    /// <summary>Counts the runtime's allocation-tick samples by type name.</summary>
    private sealed class AllocationSampler : EventListener
    {
        public ConcurrentDictionary<string, long> Samples { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null) return;
            var index = eventData.PayloadNames.IndexOf("TypeName");
            if (index < 0) return;
            Samples.AddOrUpdate(eventData.Payload[index]?.ToString() ?? "?", 1, (_, count) => count + 1);
        }
    }
}
