using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks;

/// <summary>
/// Walks a 1,000-page content list (100 items a page, generated in memory by <see cref="PagingHandler"/>) with
/// <c>Content.ListAsync</c> against a hand-written page loop. OperationsPerInvoke is the item count, so
/// Mean and Allocated are per item. Peak memory over the walk: <c>--paging-memory</c> (see docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class AutoPagingBenchmarks
{
    public const int Pages = 1000;
    public const int PageSize = 100;
    public const int Items = Pages * PageSize;

    private HttpClient _rawHttp = null!;
    private RawContentClient _raw = null!;
    private ConscentClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var list = Samples.Bytes("content-list.response.json");
        _rawHttp = RawContentClient.Configure(new HttpClient(new PagingHandler(list, Pages, PageSize), disposeHandler: true));
        _raw = new RawContentClient(_rawHttp, BenchSetup.InMemoryBaseAddress);
        _sdk = new ConscentClient(BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress), new PagingHandler(list, Pages, PageSize));
        Verify.Check(ListAll_Raw().GetAwaiter().GetResult() == Items, "the baseline did not walk every item");
        Verify.Check(ListAll_Sdk().GetAwaiter().GetResult() == Items, "the SDK did not walk every item");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _rawHttp.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public async Task<int> ListAll_Raw()
    {
        var count = 0;
        await foreach (var item in _raw.ListAllAsync(PageSize).ConfigureAwait(false))
            if (item.ContentId is not null) count++;
        return count;
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public async Task<int> ListAll_Sdk()
    {
        var count = 0;
        await foreach (var item in _sdk.Content.ListAsync(new ListOptions { PageSize = PageSize }).ConfigureAwait(false))
            if (item.ContentId is not null) count++;
        return count;
    }
}
