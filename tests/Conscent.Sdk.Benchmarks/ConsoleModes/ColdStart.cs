using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks.ConsoleModes;

/// <summary>
/// <c>--cold-start [runs]</c>: starts this program as a child process <c>runs</c> times (default 10) for each side,
/// alternating, and prints the median wall-clock time from starting the process to its exit: <c>--first-call</c>
/// builds a ConscentClient over an in-memory handler and does one Content.Get; <c>--first-call-raw</c> does the same
/// with the hand-written HttpClient baseline; <c>--noop</c> only starts and exits (the runtime's own floor). Each
/// child also reports, measured inside the process, the time to build the client and make the one call, and of that
/// the time to build the client.
/// </summary>
public static class ColdStart
{
    private const string ChildTimePrefix = "first-call-ms=";
    private const string ChildBuildPrefix = "build-ms=";

    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10;
        var sides = new[] { ("--noop", "process start + exit only"), ("--first-call-raw", "raw HttpClient + STJ source gen"), ("--first-call", "ConscentClient (SDK)") };
        var wall = sides.ToDictionary(s => s.Item1, _ => new List<double>());
        var inside = sides.ToDictionary(s => s.Item1, _ => new List<double>());
        var build = sides.ToDictionary(s => s.Item1, _ => new List<double>());

        // One unmeasured run of each warms the disk cache, so every measured run starts from the same state.
        foreach (var (mode, _) in sides) RunChild(mode);
        for (var i = 0; i < runs; i++)
        {
            foreach (var (mode, _) in sides)
            {
                var (elapsed, reported, built) = RunChild(mode);
                wall[mode].Add(elapsed);
                if (reported is { } r) inside[mode].Add(r);
                if (built is { } b) build[mode].Add(b);
            }
        }

        Console.WriteLine($"Cold start: median of {runs} child processes each ({Environment.ProcessorCount} cores, {RuntimeInformationText()})");
        Console.WriteLine("  child              | what                              | process start->exit (ms) | first call in-process (ms) | of which: build client (ms)");
        foreach (var (mode, what) in sides)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-18} | {what,-33} | {Median(wall[mode]),24:0.0} | {MedianText(inside[mode]),26} | {MedianText(build[mode]),27}"));
        }
        var sdk = Median(wall["--first-call"]);
        var raw = Median(wall["--first-call-raw"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SDK / raw (process start->exit): {sdk / raw:0.00}x; SDK - raw: {sdk - raw:+0.0;-0.0} ms"));
        if (inside["--first-call"].Count > 0 && inside["--first-call-raw"].Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  SDK - raw (first call in-process): {Median(inside["--first-call"]) - Median(inside["--first-call-raw"]):+0.0;-0.0} ms"));
        return 0;
    }

    /// <summary><c>--first-call</c>: the SDK's first call in a fresh process.</summary>
    public static async Task<int> FirstCallSdkAsync()
    {
        var clock = Stopwatch.StartNew();
        var payloads = LoadGetOnly();
        using var client = new ConscentClient(BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress), new SampleHandler(payloads));
        var built = clock.Elapsed;
        var item = await client.Content.GetAsync(ContentPayloads.SampleContentId).ConfigureAwait(false);
        clock.Stop();
        return Report(item.ContentId, clock, built);
    }

    /// <summary><c>--first-call-raw</c>: the hand-written baseline's first call in a fresh process.</summary>
    public static async Task<int> FirstCallRawAsync()
    {
        var clock = Stopwatch.StartNew();
        var payloads = LoadGetOnly();
        using var http = RawContentClient.Configure(new HttpClient(new SampleHandler(payloads), disposeHandler: true));
        var client = new RawContentClient(http, BenchSetup.InMemoryBaseAddress);
        var built = clock.Elapsed;
        var item = await client.GetAsync(ContentPayloads.SampleContentId).ConfigureAwait(false);
        clock.Stop();
        return Report(item.ContentId, clock, built);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ContentPayloads LoadGetOnly()
    {
        // Only the one sample the call needs; the others are not read, so file I/O is the same small cost for both.
        var get = Samples.Bytes("content-get.response.json");
        return new ContentPayloads
        {
            ListResponse = Array.Empty<byte>(),
            CreateResponse = Array.Empty<byte>(),
            GetResponse = get,
            SdkCreateRequest = null!,
            RawCreateRequest = null!,
        };
    }

    private static int Report(string? contentId, Stopwatch clock, TimeSpan built)
    {
        if (contentId is null) return 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ChildTimePrefix}{clock.Elapsed.TotalMilliseconds:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ChildBuildPrefix}{built.TotalMilliseconds:0.00}"));
        return 0;
    }

    private static (double ElapsedMs, double? ReportedMs, double? BuildMs) RunChild(string mode)
    {
        var start = ChildStartInfo(mode);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The {mode} child failed with exit code {process.ExitCode}: {output} {process.StandardError.ReadToEnd()}");
        var reported = Field(output, ChildTimePrefix);
        if (mode != "--noop" && reported is null) throw new InvalidOperationException($"The {mode} child did not report its first call: {output}");
        return (clock.Elapsed.TotalMilliseconds, reported, Field(output, ChildBuildPrefix));
    }

    private static double? Field(string output, string prefix)
    {
        foreach (var line in output.Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && double.TryParse(text.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                return ms;
        }
        return null;
    }

    private static ProcessStartInfo ChildStartInfo(string mode)
    {
        // Run the same executable: the apphost when started by `dotnet run` or directly, else `dotnet <this dll>`.
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.FileName = host;
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }
        else
        {
            start.FileName = host;
        }
        start.ArgumentList.Add(mode);
        return start;
    }

    private static string MedianText(List<double> values) =>
        values.Count > 0 ? Median(values).ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
}
