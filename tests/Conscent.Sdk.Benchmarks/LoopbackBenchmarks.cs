using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks;

/// <summary>
/// The content-list call over real HTTP/1.1 to a Kestrel server on 127.0.0.1 started in [GlobalSetup]:
/// <c>Latency</c> is one call at a time; <c>Throughput</c> is <see cref="Callers"/> concurrent callers each making
/// <see cref="CallsPerCaller"/> calls (time per call = total / all calls; throughput ratio = baseline mean / SDK mean).
/// Both sides use the same SocketsHttpHandler settings (the SDK's defaults) and send the same headers.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoopbackBenchmarks
{
    public const int Callers = 64;
    public const int CallsPerCaller = 16;
    private const int Calls = Callers * CallsPerCaller;

    private LoopbackServer _server = null!;
    private HttpClient _rawHttp = null!;
    private RawContentClient _raw = null!;
    private ConscentClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        var payloads = ContentPayloads.Load();
        _server = LoopbackServer.StartAsync(payloads).GetAwaiter().GetResult();
        _rawHttp = RawContentClient.Configure(new HttpClient(BenchSetup.SocketsHandler(), disposeHandler: true));
        _raw = new RawContentClient(_rawHttp, _server.BaseAddress);
        // The SDK's own connection pool (its default SocketsHttpHandler), as `new ConscentClient(options)` builds it.
        _sdk = new ConscentClient(BenchSetup.SdkOptions(_server.BaseAddress));
        Verify.List(_raw, null, _sdk).GetAwaiter().GetResult();
        // Open the same number of pooled connections on both sides before measuring.
        Throughput_Raw().GetAwaiter().GetResult();
        Throughput_Sdk().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _rawHttp.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Latency")]
    public Task<RawContentListResponse> Latency_Raw() => _raw.ListAsync();

    [Benchmark, BenchmarkCategory("Latency")]
    public Task<ConscentPage<ContentItem>> Latency_Sdk() => _sdk.Content.ListAsync().GetPageAsync();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Throughput")]
    public Task Throughput_Raw() => Concurrently(async () =>
    {
        for (var i = 0; i < CallsPerCaller; i++) await _raw.ListAsync().ConfigureAwait(false);
    });

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Throughput")]
    public Task Throughput_Sdk() => Concurrently(async () =>
    {
        for (var i = 0; i < CallsPerCaller; i++) await _sdk.Content.ListAsync().GetPageAsync().ConfigureAwait(false);
    });

    private static Task Concurrently(System.Func<Task> caller)
    {
        var callers = new Task[Callers];
        for (var c = 0; c < Callers; c++) callers[c] = Task.Run(caller);
        return Task.WhenAll(callers);
    }
}
