using System;
using System.Net.Http;
using Conscent.Sdk;
using Conscent.Sdk.Testing;
using Microsoft.Extensions.Http;

// In Microsoft.Extensions.DependencyInjection, beside AddConscent, so tests find it without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an app's Conscent.Sdk registration at a <see cref="ConscentSimulator"/>, for tests.</summary>
public static class ConscentSimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Swaps the SDK's transport for <paramref name="simulator"/>: the SDK's HttpClient sends to the simulator in process,
    /// and the options take the simulator's key, secret, client id and addresses (so webhook verification uses them too).
    /// Call it in <c>WebApplicationFactory</c>'s <c>ConfigureTestServices</c>; it wins over the app's own settings
    /// whatever the order of registration. The app still calls <c>AddConscent</c> as in production.
    /// </summary>
    public static IServiceCollection AddConscentSimulator(this IServiceCollection services, ConscentSimulator simulator)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (simulator is null) throw new ArgumentNullException(nameof(simulator));
        // Post-configure runs after every Configure, so the app's appsettings and AddConscent(...) cannot undo it.
        services.PostConfigure<ConscentOptions>(simulator.ApplyTo);
        services.PostConfigure<HttpClientFactoryOptions>(ConscentServiceCollectionExtensions.HttpClientName, options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = simulator.Handler));
        return services;
    }
}
