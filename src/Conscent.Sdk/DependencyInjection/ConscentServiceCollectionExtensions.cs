using System;
using System.Net.Http;
using Conscent.Sdk;
using Conscent.Sdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In Microsoft.Extensions.DependencyInjection so AddConscent shows up without another using, as ASP.NET's own do.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Conscent.Sdk with dependency injection.</summary>
public static class ConscentServiceCollectionExtensions
{
    /// <summary>The name of the SDK's HttpClient in IHttpClientFactory.</summary>
    public const string HttpClientName = "Conscent.Sdk";

    /// <summary>
    /// Adds <see cref="IConscentClient"/> and every area client, bound to a configuration section
    /// (usually <c>configuration.GetSection("Conscent")</c>). Options are validated when the app starts.
    /// </summary>
    public static IConscentBuilder AddConscent(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        services.AddOptions<ConscentOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Adds <see cref="IConscentClient"/> and every area client, configured in code.</summary>
    public static IConscentBuilder AddConscent(this IServiceCollection services, Action<ConscentOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<ConscentOptions>().Configure(configure);
        return AddCore(services);
    }

    private static ConscentBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConscentOptions>, ConscentOptionsValidator>());
        services.AddOptions<ConscentOptions>().ValidateOnStart();

        // One runtime per container: the circuit breaker and learnt endpoint methods are shared by every client.
        // One clock per client: the app's TimeProvider when it registers one (tests register a fake), for deadlines,
        // retry waits, Retry-After dates and consumption ages alike.
        services.TryAddSingleton(sp => new ConscentRuntime(sp.GetRequiredService<IOptions<ConscentOptions>>().Value, sp.GetService<TimeProvider>())
        {
            ReplayGuard = sp.GetService<IConsumptionReplayGuard>(),
        });

        var http = services.AddHttpClient(HttpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        // IHttpClientFactory's own loggers write full request URIs, and some ConsCent queries carry readers' emails and
        // phone numbers. The SDK logs every call itself, from an allow-list (docs/telemetry.md).
        http.RemoveAllLoggers();
#if NET8_0_OR_GREATER
        http.ConfigurePrimaryHttpMessageHandler(ConscentClient.CreateDefaultHandler);
#endif

        // Transient: each resolution takes a fresh HttpClient from the factory (handlers are pooled and rotated by it).
        services.TryAddTransient<IConscentClient>(sp => new ConscentClient(new ConscentHttpPipeline(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<ConscentRuntime>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("Conscent.Sdk"))));
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Content);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Bundles);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Consumption);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Stats);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Subscriptions);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Purchases);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Users);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().AutoLogin);
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Loyalty);
#pragma warning disable CS0618 // Registered so publishers still on the story API can inject it.
        services.TryAddTransient(sp => sp.GetRequiredService<IConscentClient>().Stories);
#pragma warning restore CS0618
        return new ConscentBuilder(services, http);
    }

    /// <summary>
    /// Makes each consumption id unlock content once: <see cref="IConsumptionClient.VerifyAsync"/> then reports a reused
    /// id as <see cref="ConsumptionMismatch.AlreadyUsed"/>. Without <paramref name="guard"/>, an
    /// <see cref="InMemoryConsumptionReplayGuard"/> (one process); with several instances pass a guard over a store they
    /// share, which claims atomically.
    /// </summary>
    public static IConscentBuilder AddConsumptionReplayGuard(this IConscentBuilder builder, IConsumptionReplayGuard? guard = null)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        builder.Services.RemoveAll<IConsumptionReplayGuard>();
        if (guard is null) builder.Services.AddSingleton<IConsumptionReplayGuard>(_ => new InMemoryConsumptionReplayGuard());
        else builder.Services.AddSingleton(guard);
        return builder;
    }
}

/// <summary>Returned by <c>AddConscent</c>: add your own handlers to the SDK's HttpClient, or configure it further.</summary>
public interface IConscentBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The SDK's named HttpClient (<see cref="ConscentServiceCollectionExtensions.HttpClientName"/>). Handlers added
    /// here run inside each attempt. Do not add another retry handler: the SDK's pipeline is the only retry layer.
    /// </summary>
    IHttpClientBuilder HttpClient { get; }
}

internal sealed class ConscentBuilder : IConscentBuilder
{
    public ConscentBuilder(IServiceCollection services, IHttpClientBuilder httpClient)
    {
        Services = services;
        HttpClient = httpClient;
    }

    public IServiceCollection Services { get; }

    public IHttpClientBuilder HttpClient { get; }
}
