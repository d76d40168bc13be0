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

    /// <summary>
    /// Adds one named ConsCent account, bound to a configuration section (e.g. <c>configuration.GetSection("Brands:brand-a")</c>),
    /// for a backend that serves several ConsCent client accounts. Each account has its own options (validated when the
    /// app starts, messages naming the account), HttpClient, circuit breaker and <c>conscent.account</c> telemetry tag.
    /// Resolve its client with <c>[FromKeyedServices("brand-a")] IConscentClient</c> (also each area's interface) or
    /// <see cref="IConscentClientFactory.GetClient"/>. The unnamed <c>AddConscent</c> stays the default account; use both or either.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="accountName">The account's name (not empty; compared ordinally).</param>
    /// <param name="configuration">The account's configuration section.</param>
    public static IConscentBuilder AddConscent(this IServiceCollection services, string accountName, IConfiguration configuration)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        CheckAccountName(accountName);
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        services.AddOptions<ConscentOptions>(accountName).Bind(configuration);
        return AddAccount(services, accountName, (configuration as IConfigurationSection)?.Path);
    }

    /// <summary>Adds one named ConsCent account configured in code. See the configuration overload.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="accountName">The account's name (not empty; compared ordinally).</param>
    /// <param name="configure">Sets the account's options.</param>
    public static IConscentBuilder AddConscent(this IServiceCollection services, string accountName, Action<ConscentOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        CheckAccountName(accountName);
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<ConscentOptions>(accountName).Configure(configure);
        return AddAccount(services, accountName, null);
    }

    private static void CheckAccountName(string accountName)
    {
        if (accountName is null) throw new ArgumentNullException(nameof(accountName));
        if (string.IsNullOrWhiteSpace(accountName))
            throw new ArgumentException("A ConsCent account name must not be empty; the unnamed AddConscent registers the default account.", nameof(accountName));
    }

    private static ConscentBuilder AddAccount(IServiceCollection services, string name, string? section)
    {
        AddFactory(services);
        IHttpClientBuilder http;
        var registered = false;
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(ConscentAccountRegistration) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is ConscentAccountRegistration existing
                && string.Equals(existing.Name, name, StringComparison.Ordinal))
            {
                registered = true;
                break;
            }
        }
        if (registered)
        {
            // A second call for the same name adds its configuration to the account, as the unnamed AddConscent does.
            http = services.AddHttpClient(ConscentAccountRegistration.HttpClientNameOf(name));
            return new ConscentBuilder(services, http);
        }

        var account = new ConscentAccountRegistration(name, section);
        services.AddSingleton(account);
        services.AddSingleton<IValidateOptions<ConscentOptions>>(new ConscentAccountOptionsValidator(account));
        services.AddOptions<ConscentOptions>(name).ValidateOnStart();
        http = ConfigureHttpClient(services.AddHttpClient(ConscentAccountRegistration.HttpClientNameOf(name), client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan));

        // Keyed like the unnamed registration: the root client (transient, fresh HttpClient each time) and each area.
        services.TryAddKeyedTransient<IConscentClient>(name, (sp, _) => sp.GetRequiredService<IConscentClientFactory>().GetClient(name));
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Content);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Bundles);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Consumption);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Stats);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Subscriptions);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Purchases);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Users);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).AutoLogin);
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Loyalty);
#pragma warning disable CS0618 // Registered so publishers still on the story API can inject it.
        services.TryAddKeyedTransient(name, (sp, key) => sp.GetRequiredKeyedService<IConscentClient>(key).Stories);
#pragma warning restore CS0618
        return new ConscentBuilder(services, http);
    }

    private static void AddFactory(IServiceCollection services) =>
        services.TryAddSingleton<IConscentClientFactory>(sp => new ConscentClientFactory(sp, sp.GetServices<ConscentAccountRegistration>()));

    private static IHttpClientBuilder ConfigureHttpClient(IHttpClientBuilder http)
    {
        // IHttpClientFactory's own loggers write full request URIs, and some ConsCent queries carry readers' emails and
        // phone numbers. The SDK logs every call itself, from an allow-list (docs/telemetry.md).
        http.RemoveAllLoggers();
        // The same primary handler as new ConscentClient(options): compressed answers on every build, and on net8.0+
        // pooled connections recycled so DNS changes are seen.
        http.ConfigurePrimaryHttpMessageHandler(ConscentClient.CreateDefaultHandler);
        return http;
    }

    private static ConscentBuilder AddCore(IServiceCollection services)
    {
        AddFactory(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConscentOptions>, ConscentOptionsValidator>());
        services.AddOptions<ConscentOptions>().ValidateOnStart();

        // One runtime per container: the circuit breaker and learnt endpoint methods are shared by every client.
        // One clock per client: the app's TimeProvider when it registers one (tests register a fake), for deadlines,
        // retry waits, Retry-After dates and consumption ages alike.
        services.TryAddSingleton(sp => new ConscentRuntime(sp.GetRequiredService<IOptions<ConscentOptions>>().Value, sp.GetService<TimeProvider>())
        {
            ReplayGuard = sp.GetService<IConsumptionReplayGuard>(),
        });

        var http = ConfigureHttpClient(services.AddHttpClient(HttpClientName, client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan));

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

/// <summary>Returned by <c>AddConscent</c>: add your own handlers to the SDK's HttpClient (the account's, for a named account), or configure it further.</summary>
public interface IConscentBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The SDK's named HttpClient (<see cref="ConscentServiceCollectionExtensions.HttpClientName"/>; for a named account
    /// <c>Conscent.Sdk:{account name}</c>). Handlers added
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
