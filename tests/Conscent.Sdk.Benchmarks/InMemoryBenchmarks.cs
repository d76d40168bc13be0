using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Conscent.Sdk.Benchmarks.Baseline;
using Conscent.Sdk.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Benchmarks;

/// <summary>
/// Pure client overhead: the transport is an in-memory handler answering with the docs' sample bytes, so the time and
/// allocations are the client's own (build the request, headers, run the pipeline, read and deserialize the answer).
/// Per category: the hand-written raw HttpClient (baseline), the same raw client behind Microsoft's standard
/// resilience handler, and the SDK with its default pipeline (retry, circuit breaker, timeouts, telemetry hooks).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InMemoryBenchmarks
{
    private ContentPayloads _payloads = null!;
    private HttpClient _rawHttp = null!;
    private RawContentClient _raw = null!;
    private ServiceProvider _services = null!;
    private RawContentClient _rawResilient = null!;
    private ConscentClient _sdk = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payloads = ContentPayloads.Load();

        _rawHttp = RawContentClient.Configure(new HttpClient(new SampleHandler(_payloads), disposeHandler: true));
        _raw = new RawContentClient(_rawHttp, BenchSetup.InMemoryBaseAddress);

        var services = new ServiceCollection();
        services.AddHttpClient("raw-resilient", http => RawContentClient.Configure(http))
            .ConfigurePrimaryHttpMessageHandler(() => new SampleHandler(_payloads))
            .AddStandardResilienceHandler();
        _services = services.BuildServiceProvider();
        _rawResilient = new RawContentClient(_services.GetRequiredService<IHttpClientFactory>().CreateClient("raw-resilient"), BenchSetup.InMemoryBaseAddress);

        _sdk = new ConscentClient(BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress), new SampleHandler(_payloads));

        Verify.ListAndCreate(_raw, _rawResilient, _sdk, _payloads).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _services.Dispose();
        _rawHttp.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("List")]
    public Task<RawContentListResponse> List_Raw() => _raw.ListAsync();

    [Benchmark, BenchmarkCategory("List")]
    public Task<RawContentListResponse> List_RawWithStandardResilience() => _rawResilient.ListAsync();

    [Benchmark, BenchmarkCategory("List")]
    public Task<ConscentPage<ContentItem>> List_Sdk() => _sdk.Content.ListAsync().GetPageAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("Create")]
    public Task<RawCreateContentResponse> Create_Raw() => _raw.CreateAsync(_payloads.RawCreateRequest);

    [Benchmark, BenchmarkCategory("Create")]
    public Task<RawCreateContentResponse> Create_RawWithStandardResilience() => _rawResilient.CreateAsync(_payloads.RawCreateRequest);

    [Benchmark, BenchmarkCategory("Create")]
    public Task<CreateContentResponse> Create_Sdk() => _sdk.Content.CreateAsync(_payloads.SdkCreateRequest);
}
