using System;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="ConscentWebhookServiceCollectionExtensions.AddConscentWebhooks"/> returns: chain the choice of
/// duplicate guard onto it, e.g. <c>services.AddConscentWebhooks().AddRedisDeduplication("localhost:6379")</c>
/// (package Conscent.Sdk.AspNetCore.Redis).
/// </summary>
public interface IConscentWebhooksBuilder
{
    /// <summary>The services the webhooks were added to.</summary>
    IServiceCollection Services { get; }
}

internal sealed class ConscentWebhooksBuilder : IConscentWebhooksBuilder
{
    public ConscentWebhooksBuilder(IServiceCollection services) => Services = services ?? throw new ArgumentNullException(nameof(services));

    public IServiceCollection Services { get; }
}
