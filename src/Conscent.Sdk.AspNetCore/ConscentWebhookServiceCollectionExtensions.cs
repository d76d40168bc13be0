using System;
using Conscent.Sdk;
using Conscent.Sdk.AspNetCore;
using Conscent.Sdk.Webhooks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ConsCent webhook services.</summary>
public static class ConscentWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapConscentWebhook</c> needs: <see cref="ConscentWebhookVerifier"/> (API key and secret from
    /// <see cref="ConscentWebhookOptions"/>, else from <see cref="ConscentOptions"/> as <c>AddConscent</c> registers them),
    /// <see cref="ConscentWebhookOptions"/>, and the in-memory <see cref="IConscentWebhookDeduplicator"/> unless one is registered.
    /// Returns a builder to choose another duplicate guard on, e.g. <c>.AddRedisDeduplication(…)</c> for several instances.
    /// </summary>
    public static IConscentWebhooksBuilder AddConscentWebhooks(this IServiceCollection services, Action<ConscentWebhookOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        var options = services.AddOptions<ConscentWebhookOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => o.MaxBodyBytes > 0, "ConscentWebhookOptions.MaxBodyBytes must be positive.")
            .Validate(o => o.DeduplicationWindow > TimeSpan.Zero, "ConscentWebhookOptions.DeduplicationWindow must be positive.")
            .Validate(o => o.DeduplicationLease > TimeSpan.Zero, "ConscentWebhookOptions.DeduplicationLease must be positive.")
            .Validate(o => o.RetryAfter >= TimeSpan.Zero, "ConscentWebhookOptions.RetryAfter must not be negative.")
            .Validate(o => Enum.IsDefined(typeof(WebhookDeduplicationFailureMode), o.DeduplicationFailureMode), "ConscentWebhookOptions.DeduplicationFailureMode must be FailClosed or FailOpen.")
            .Validate(o => o.InMemoryDeduplicationCapacity > 0, "ConscentWebhookOptions.InMemoryDeduplicationCapacity must be positive.")
            .Validate(o => o.SuccessStatusCode is >= 200 and <= 299, "ConscentWebhookOptions.SuccessStatusCode must be a 2xx status.");
        services.AddOptions<ConscentOptions>();

        services.TryAddSingleton<ConscentWebhookServicesMarker>();
        services.TryAddSingleton(sp =>
        {
            var webhook = sp.GetRequiredService<IOptions<ConscentWebhookOptions>>().Value;
            var sdk = sp.GetRequiredService<IOptions<ConscentOptions>>().Value;
            var key = string.IsNullOrEmpty(webhook.ApiKey) ? sdk.ApiKey : webhook.ApiKey;
            var secret = string.IsNullOrEmpty(webhook.ApiSecret) ? sdk.ApiSecret : webhook.ApiSecret;
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
                throw new InvalidOperationException("ConsCent webhooks need the API key and secret: set Conscent:ApiKey and Conscent:ApiSecret (AddConscent) or ConscentWebhookOptions.ApiKey/ApiSecret.");
            return new ConscentWebhookVerifier(key!, secret!);
        });
        services.TryAddSingleton<IConscentWebhookDeduplicator>(sp =>
            new InMemoryWebhookDeduplicator(sp.GetRequiredService<IOptions<ConscentWebhookOptions>>().Value.InMemoryDeduplicationCapacity, sp.GetService<TimeProvider>()));
        return new ConscentWebhooksBuilder(services);
    }

    /// <summary>
    /// Uses <see cref="DistributedCacheWebhookDeduplicator"/> over the registered <see cref="IDistributedCache"/> as the
    /// duplicate-delivery guard, shared by every instance. Best effort: two copies reaching two instances at the same moment
    /// can both run; for exactly once across instances use <c>AddRedisDeduplication</c> (Conscent.Sdk.AspNetCore.Redis).
    /// </summary>
    public static IConscentWebhooksBuilder AddDistributedCacheDeduplication(this IConscentWebhooksBuilder builder)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        builder.Services.AddConscentWebhookDistributedDeduplication();
        return builder;
    }

    /// <summary>
    /// Uses <see cref="DistributedCacheWebhookDeduplicator"/> over the registered <see cref="IDistributedCache"/> (SQL Server,
    /// Redis, …) as the duplicate-delivery guard, so every instance of a scaled-out app shares it. Best effort: see
    /// <see cref="DistributedCacheWebhookDeduplicator"/>.
    /// </summary>
    public static IServiceCollection AddConscentWebhookDistributedDeduplication(this IServiceCollection services)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        services.Replace(ServiceDescriptor.Singleton<IConscentWebhookDeduplicator>(sp => new DistributedCacheWebhookDeduplicator(sp.GetRequiredService<IDistributedCache>())));
        return services;
    }
}
