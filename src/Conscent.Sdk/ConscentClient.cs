using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk;

/// <summary>
/// The ConsCent API client. With dependency injection use <c>services.AddConscent(...)</c> and inject
/// <see cref="IConscentClient"/>; in scripts and consoles, <c>new ConscentClient(options)</c>. Every form runs the
/// same pipeline: auth where the endpoint needs it, User-Agent, retries, timeouts, circuit breaker, typed errors.
/// </summary>
/// <remarks>Thread-safe. Build one and reuse it: it owns a connection pool.</remarks>
public class ConscentClient : IConscentClient, IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private int _disposed;

#pragma warning disable CS0618 // The deprecated story client is still built, for the publishers that use it.
    /// <summary>Creates a client with its own connection pool. Throws <see cref="ConscentConfigurationException"/> for unusable options.</summary>
    public ConscentClient(ConscentOptions options)
        : this(options, CreateDefaultHandler(), disposeHandler: true, loggerFactory: null)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/> (a test handler, the simulator, a proxy-aware
    /// handler). The SDK's pipeline runs in front of it. The handler is not disposed with the client.
    /// </summary>
    public ConscentClient(ConscentOptions options, HttpMessageHandler handler, ILoggerFactory? loggerFactory = null)
        : this(options, handler ?? throw new ArgumentNullException(nameof(handler)), disposeHandler: false, loggerFactory)
    {
    }

    /// <summary>
    /// Creates a client that sends through an <see cref="HttpClient"/> you own (not disposed with the client). Its
    /// <see cref="HttpClient.BaseAddress"/> and default headers are not used; set a long or infinite
    /// <see cref="HttpClient.Timeout"/>: the SDK's own timeouts apply.
    /// </summary>
    public ConscentClient(ConscentOptions options, HttpClient httpClient, ILoggerFactory? loggerFactory = null)
        : this(new ConscentHttpPipeline(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), new ConscentRuntime(options ?? throw new ArgumentNullException(nameof(options))), loggerFactory?.CreateLogger("Conscent.Sdk")))
    {
    }

    private ConscentClient(ConscentOptions options, HttpMessageHandler handler, bool disposeHandler, ILoggerFactory? loggerFactory)
        : this(CreateOwnedPipeline(options, handler, disposeHandler, loggerFactory, out var owned))
    {
        _ownedHttpClient = owned;
    }

    /// <summary>Used by dependency injection: the pipeline holds an HttpClient from IHttpClientFactory.</summary>
    internal ConscentClient(ConscentHttpPipeline pipeline)
    {
        Pipeline = pipeline;
        Content = new ContentClient(pipeline);
        Bundles = new BundlesClient(pipeline);
        Consumption = new ConsumptionClient(pipeline);
        Stats = new StatsClient(pipeline);
        Subscriptions = new SubscriptionsClient(pipeline);
        Purchases = new PurchasesClient(pipeline);
        Users = new UsersClient(pipeline);
        AutoLogin = new AutoLoginClient(pipeline);
        Loyalty = new LoyaltyClient(pipeline);
        Stories = new StoriesClient(pipeline);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ConscentClient()
    {
        Pipeline = null!;
        Content = null!;
        Bundles = null!;
        Consumption = null!;
        Stats = null!;
        Subscriptions = null!;
        Purchases = null!;
        Users = null!;
        AutoLogin = null!;
        Loyalty = null!;
        Stories = null!;
    }
#pragma warning restore CS0618

    internal ConscentHttpPipeline Pipeline { get; }

    /// <inheritdoc />
    public virtual IConscentClient WithRequestOptions(ConscentRequestOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        options.Validate();
        return new ConscentClient(Pipeline.With(options));
    }

    /// <inheritdoc />
    public virtual Task<ConscentRawResponse> SendAsync(ConscentRawRequest request, CancellationToken cancellationToken = default) =>
        RawRequestSender.SendAsync(Pipeline, request, cancellationToken);

    /// <inheritdoc />
    public virtual IContentClient Content { get; }

    /// <inheritdoc />
    public virtual IBundlesClient Bundles { get; }

    /// <inheritdoc />
    public virtual IConsumptionClient Consumption { get; }

    /// <inheritdoc />
    public virtual IStatsClient Stats { get; }

    /// <inheritdoc />
    public virtual ISubscriptionsClient Subscriptions { get; }

    /// <inheritdoc />
    public virtual IPurchasesClient Purchases { get; }

    /// <inheritdoc />
    public virtual IUsersClient Users { get; }

    /// <inheritdoc />
    public virtual IAutoLoginClient AutoLogin { get; }

    /// <inheritdoc />
    public virtual ILoyaltyClient Loyalty { get; }

    /// <inheritdoc />
    [Obsolete("The story API is deprecated by ConsCent. Use Content (and Stats) instead.")]
    public virtual IStoriesClient Stories { get; }

    /// <summary>Releases the connection pool this client created (none when you passed your own handler or HttpClient).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases owned resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0) _ownedHttpClient?.Dispose();
    }

    private static ConscentHttpPipeline CreateOwnedPipeline(ConscentOptions options, HttpMessageHandler handler, bool disposeHandler, ILoggerFactory? loggerFactory, out HttpClient owned)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var runtime = new ConscentRuntime(options);
        owned = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        return new ConscentHttpPipeline(owned, runtime, loggerFactory?.CreateLogger("Conscent.Sdk"));
    }

    internal static HttpMessageHandler CreateDefaultHandler()
    {
#if NET8_0_OR_GREATER
        // Recycle pooled connections so DNS changes are seen by long-lived clients.
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
#else
        return new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate };
#endif
    }
}
