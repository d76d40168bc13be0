using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Benchmarks.ConsoleModes;

/// <summary>
/// <c>--concurrent [--requests N] [--rounds R] [--callers C] [--only raw|resilient|sdk] [--ops get|post|both]</c>
/// (<c>--only</c> runs one contender alone, for profiling):
/// client cost under load. Starts this program again as a child with <c>--serve</c> (a minimal Kestrel server on
/// 127.0.0.1, the docs' list and create answers), so the server's CPU is not counted in this process. Then, for R
/// interleaved rounds (default 5) and each operation (GET list, POST create), each contender makes N requests
/// (default 20,000) from C concurrent callers (default 64) over keep-alive connections. Per contender and operation it
/// records throughput (requests ÷ wall time), client CPU per request (<see cref="Process.TotalProcessorTime"/> delta ÷
/// requests) and bytes allocated per request (<see cref="GC.GetTotalAllocatedBytes(bool)"/> delta ÷ requests), and
/// prints the medians over the rounds and the ratios to the raw baseline.
/// </summary>
public static class ConcurrentLoad
{
    private const string ListeningPrefix = "listening=";

    private sealed record Contender(string Name, Func<Task> Get, Func<Task> Post);

    private sealed class Sample
    {
        public List<double> RequestsPerSecond { get; } = new();
        public List<double> CpuMicrosPerRequest { get; } = new();
        public List<double> BytesPerRequest { get; } = new();
        public List<double> ServerCpuMicrosPerRequest { get; } = new();
    }

    /// <summary><c>--serve</c>: the server child. Prints its URL, then serves until its standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        var payloads = ContentPayloads.Load();
        await using var server = await LoopbackServer.StartAsync(payloads).ConfigureAwait(false);
        Console.WriteLine(ListeningPrefix + server.BaseAddress.AbsoluteUri);
        Console.Out.Flush();
        // The parent closes our standard input (or writes a line) when it is done.
        await Task.Run(Console.In.ReadLine).ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = IntArg(args, "--requests", 20_000);
        var rounds = IntArg(args, "--rounds", 5);
        var callers = IntArg(args, "--callers", 64);
        var only = StringArg(args, "--only");
        var ops = StringArg(args, "--ops") ?? "both";
        var payloads = ContentPayloads.Load();

        using var server = StartServer(out var baseAddress);
        try
        {
            using var rawHttp = RawContentClient.Configure(new HttpClient(BenchSetup.SocketsHandler(), disposeHandler: true));
            var raw = new RawContentClient(rawHttp, baseAddress);

            var services = new ServiceCollection();
            services.AddHttpClient("raw-resilient", http => RawContentClient.Configure(http))
                .ConfigurePrimaryHttpMessageHandler(BenchSetup.SocketsHandler)
                .AddStandardResilienceHandler();
            await using var provider = services.BuildServiceProvider();
            var resilient = new RawContentClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient("raw-resilient"), baseAddress);

            using var sdk = new ConscentClient(BenchSetup.SdkOptions(baseAddress));
            await Verify.ListAndCreate(raw, resilient, sdk, payloads).ConfigureAwait(false);

            var contenders = new List<Contender>
            {
                new("raw HttpClient + STJ", () => raw.ListAsync(), () => raw.CreateAsync(payloads.RawCreateRequest)),
                new("raw + standard resilience", () => resilient.ListAsync(), () => resilient.CreateAsync(payloads.RawCreateRequest)),
                new("Conscent.Sdk (defaults)", () => sdk.Content.ListAsync().GetPageAsync(), () => sdk.Content.CreateAsync(payloads.SdkCreateRequest)),
            };
            if (only is not null)
                contenders = contenders.Where((c, i) => (only == "raw" && i == 0) || (only == "resilient" && i == 1) || (only == "sdk" && i == 2)).ToList();
            var opNames = ops switch { "get" => new[] { "GET list" }, "post" => new[] { "POST create" }, _ => new[] { "GET list", "POST create" } };

            // Warm-up, unmeasured: every contender's connection pool at full width, and tiered JIT settled. On 2 busy
            // cores the background tier-1 compiles take seconds; a round measured before they finish counts JIT time
            // as client CPU. So batches run until a whole pass over every contender compiles (almost) nothing (bounded).
            var warmupBatch = Math.Max(callers * 50, requests / 4);
            for (var pass = 0; pass < 20; pass++)
            {
                var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                foreach (var contender in contenders)
                    foreach (var op in opNames)
                        await RunLoad(warmupBatch, callers, op == "GET list" ? contender.Get : contender.Post).ConfigureAwait(false);
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up pass {pass + 1}: {compiled} methods compiled"));
                if (pass >= 1 && compiled < 20) break;
            }

            var samples = new Dictionary<(string, string), Sample>();
            foreach (var contender in contenders)
                foreach (var op in opNames)
                    samples[(contender.Name, op)] = new Sample();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Concurrent load: {callers} callers, {requests:N0} requests per contender per operation per round, {rounds} interleaved rounds, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, server pid {server.Id}"));
            for (var round = 0; round < rounds; round++)
            {
                foreach (var op in opNames)
                {
                    // Rotate the order each round so no contender always runs first (or right after a GC-heavy one).
                    for (var k = 0; k < contenders.Count; k++)
                    {
                        var contender = contenders[(k + round) % contenders.Count];
                        var result = await Measure(requests, callers, op == "GET list" ? contender.Get : contender.Post, server).ConfigureAwait(false);
                        var sample = samples[(contender.Name, op)];
                        sample.RequestsPerSecond.Add(result.RequestsPerSecond);
                        sample.CpuMicrosPerRequest.Add(result.CpuMicros);
                        sample.BytesPerRequest.Add(result.Bytes);
                        sample.ServerCpuMicrosPerRequest.Add(result.ServerCpuMicros);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  round {round + 1} {op,-11} {contender.Name,-26} {result.RequestsPerSecond,9:0} req/s {result.CpuMicros,7:0.0} us CPU/req {result.Bytes,8:0} B/req (server {result.ServerCpuMicros,5:0.0} us CPU/req; JIT {result.JitMethods} methods, {result.JitMs:0} ms)"));
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine("Medians over the rounds (ratio = contender / the first row, raw unless --only; throughput ratio >= 1 is better, CPU and bytes ratio <= 1 is better):");
            Console.WriteLine("| Operation | Contender | Throughput (req/s) | vs raw | Client CPU / req (µs) | vs raw | Allocated / req (B) | vs raw | CPU spread (min–max µs) | Server CPU / req (µs) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            foreach (var op in opNames)
            {
                var baseline = samples[(contenders[0].Name, op)];
                foreach (var contender in contenders)
                {
                    var s = samples[(contender.Name, op)];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {op} | {contender.Name} | {Median(s.RequestsPerSecond):N0} | {Median(s.RequestsPerSecond) / Median(baseline.RequestsPerSecond):0.00}× | {Median(s.CpuMicrosPerRequest):0.0} | {Median(s.CpuMicrosPerRequest) / Median(baseline.CpuMicrosPerRequest):0.00}× | {Median(s.BytesPerRequest):N0} | {Median(s.BytesPerRequest) / Median(baseline.BytesPerRequest):0.00}× | {s.CpuMicrosPerRequest.Min():0.0}–{s.CpuMicrosPerRequest.Max():0.0} | {Median(s.ServerCpuMicrosPerRequest):0.0} |"));
                }
            }
            return 0;
        }
        finally
        {
            StopServer(server);
        }
    }

    private static async Task<(double RequestsPerSecond, double CpuMicros, double Bytes, double ServerCpuMicros, long JitMethods, double JitMs)> Measure(int requests, int callers, Func<Task> call, Process server)
    {
        // Start every measured run from the same heap state.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        server.Refresh();
        var serverCpu = server.TotalProcessorTime;
        self.Refresh();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        await RunLoad(requests, callers, call).ConfigureAwait(false);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        self.Refresh();
        var usedCpu = self.TotalProcessorTime - cpu;
        server.Refresh();
        var usedServerCpu = server.TotalProcessorTime - serverCpu;
        return (requests / clock.Elapsed.TotalSeconds, usedCpu.TotalMilliseconds * 1000 / requests, (double)allocated / requests, usedServerCpu.TotalMilliseconds * 1000 / requests,
            System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods, (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds);
    }

    /// <summary><paramref name="requests"/> calls shared by <paramref name="callers"/> concurrent callers (each takes the next one).</summary>
    private static Task RunLoad(int requests, int callers, Func<Task> call)
    {
        var left = requests;
        var tasks = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            tasks[c] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref left) >= 0) await call().ConfigureAwait(false);
            });
        }
        return Task.WhenAll(tasks);
    }

    private static Process StartServer(out Uri baseAddress)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.FileName = host;
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        start.ArgumentList.Add("--serve");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the --serve child.");
        // Bounded: the child prints its URL first, or exits.
        for (var i = 0; i < 100; i++)
        {
            var line = process.StandardOutput.ReadLine();
            if (line is null) break;
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                baseAddress = new Uri(line.Substring(ListeningPrefix.Length));
                return process;
            }
        }
        StopServer(process);
        throw new InvalidOperationException("The --serve child did not print its address.");
    }

    private static void StopServer(Process server)
    {
        try
        {
            if (server.HasExited) return;
            server.StandardInput.Close();
            if (!server.WaitForExit(10_000)) server.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
    }

    private static string? StringArg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
