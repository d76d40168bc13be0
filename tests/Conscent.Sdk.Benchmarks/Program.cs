using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Conscent.Sdk.Benchmarks.ConsoleModes;

namespace Conscent.Sdk.Benchmarks;

/// <summary>
/// BenchmarkDotNet's switcher (pass its usual arguments: <c>--filter '*' --memory</c>, <c>--job dry</c>, ...) plus
/// console modes: <c>--cold-start [runs]</c>, <c>--paging-memory</c>, <c>--concurrent</c> (and its server child <c>--serve</c>), and the cold-start children
/// <c>--first-call</c>, <c>--first-call-raw</c>, <c>--noop</c>. See docs/performance.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : null)
        {
            case "--noop":
                return 0;
            case "--first-call":
                return await ColdStart.FirstCallSdkAsync().ConfigureAwait(false);
            case "--first-call-raw":
                return await ColdStart.FirstCallRawAsync().ConfigureAwait(false);
            case "--cold-start":
                return ColdStart.Run(args);
            case "--alloc-probe":
                return await AllocProbe.RunAsync(args).ConfigureAwait(false);
            case "--concurrent":
                return await ConcurrentLoad.RunAsync(args).ConfigureAwait(false);
            case "--serve":
                return await ConcurrentLoad.ServeAsync().ConfigureAwait(false);
            case "--paging-memory":
                return await PagingMemory.RunAsync().ConfigureAwait(false);
            default:
                return RunBenchmarks(args);
        }
    }

    // Kept out of Main so the cold-start children never load BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBenchmarks(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        foreach (var summary in summaries)
            if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0 || summary.Reports.Any(r => !r.Success))
                return 1;
        return 0;
    }
}
