using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks.ConsoleModes;

/// <summary>
/// <c>--paging-memory</c>: walks the 1,000-page list with the SDK's ListAsync (then with the hand-written loop, for
/// reference) and, after every 100 pages, prints the live managed heap (after a full GC), the working set and the
/// peak working set. Auto-paging holds one page at a time, so the live heap must stay flat: exit code 0 when it does
/// (live heap grows by less than 1 MiB and peak working set by less than 16 MiB from the first checkpoint to the
/// last), 1 otherwise.
/// </summary>
public static class PagingMemory
{
    private const long LiveHeapTolerance = 1L << 20;
    private const long PeakWorkingSetTolerance = 16L << 20;

    public static async Task<int> RunAsync()
    {
        const int pages = AutoPagingBenchmarks.Pages;
        const int pageSize = AutoPagingBenchmarks.PageSize;
        var list = Samples.Bytes("content-list.response.json");

        var sdkHandler = new PagingHandler(list, pages, pageSize);
        using var sdk = new ConscentClient(BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress), sdkHandler);
        var sdkFlat = await Walk("SDK Content.ListAsync", pageSize, sdk.Content.ListAsync(new ListOptions { PageSize = pageSize }), static i => i.ContentId).ConfigureAwait(false);

        using var rawHttp = RawContentClient.Configure(new HttpClient(new PagingHandler(list, pages, pageSize), disposeHandler: true));
        var raw = new RawContentClient(rawHttp, BenchSetup.InMemoryBaseAddress);
        var rawFlat = await Walk("Baseline (hand-written page loop)", pageSize, raw.ListAllAsync(pageSize), static i => i.ContentId).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine(sdkFlat
            ? "RESULT: flat - the SDK's live heap and peak working set do not grow with the number of pages walked."
            : "RESULT: GROWING - the SDK's memory grows with the number of pages walked (see the table above).");
        if (!rawFlat) Console.WriteLine("note: the baseline's memory grew too; the measurement may be disturbed (other load on the machine).");
        return sdkFlat ? 0 : 1;
    }

    private static async Task<bool> Walk<T>(string title, int pageSize, IAsyncEnumerable<T> items, Func<T, string?> touch)
    {
        Console.WriteLine();
        Console.WriteLine($"{title}: {AutoPagingBenchmarks.Pages} pages x {pageSize} items");
        Console.WriteLine("  pages | live heap (MiB) | working set (MiB) | peak working set (MiB) | allocated (MiB) | bytes/item");
        FullGc();
        using var process = Process.GetCurrentProcess();
        var allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        var checkpoints = new List<(long Live, long Peak)>();
        var count = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (touch(item) is not null) count++;
            if (count % (100 * pageSize) != 0) continue;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedAtStart;
            FullGc();
            var live = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            checkpoints.Add((live, process.PeakWorkingSet64));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {count / pageSize,5} | {Mib(live),15:0.00} | {Mib(process.WorkingSet64),17:0.0} | {Mib(process.PeakWorkingSet64),22:0.0} | {Mib(allocated),15:0.0} | {allocated / (double)count,10:0}"));
        }
        clock.Stop();
        if (checkpoints.Count < 2)
        {
            Console.WriteLine($"  only {count} items were walked: nothing to compare.");
            return false;
        }
        var liveGrowth = checkpoints[^1].Live - checkpoints[0].Live;
        var peakGrowth = checkpoints[^1].Peak - checkpoints[0].Peak;
        var flat = liveGrowth < LiveHeapTolerance && peakGrowth < PeakWorkingSetTolerance;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {count} items in {clock.Elapsed.TotalSeconds:0.00} s; live heap {(liveGrowth >= 0 ? "+" : "")}{liveGrowth / 1024.0:0} KiB and peak working set +{Mib(peakGrowth):0.0} MiB from page 100 to page {count / pageSize}: {(flat ? "flat" : "GROWING")}"));
        return flat;
    }

    private static void FullGc()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
