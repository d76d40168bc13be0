using System;
using Conscent.Sdk;
using Conscent.Sdk.AspNetCore;
using Conscent.Sdk.AspNetCore.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes Redis the duplicate-delivery guard of the ConsCent webhooks: <c>services.AddConscentWebhooks().AddRedisDeduplication(…)</c>.</summary>
public static class ConscentWebhooksBuilderRedisExtensions
{
    /// <summary>
    /// Uses <see cref="RedisWebhookDeduplicator"/> on a connection made from a StackExchange.Redis configuration string
    /// (<c>"localhost:6379"</c>, <c>"redis1:6379,redis2:6379,password=…,ssl=true"</c>). The connection is made when the
    /// webhooks are mapped, without waiting for Redis (<c>abortConnect=false</c>): the app starts while Redis is down and
    /// answers deliveries 503 until it is back. Commands fail at once while disconnected (<see cref="BacklogPolicy.FailFast"/>)
    /// rather than queueing. The connection is disposed with the app.
    /// </summary>
    /// <param name="builder">What <c>AddConscentWebhooks</c> returned.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string.</param>
    /// <param name="configure">Sets the key prefix or database.</param>
    public static IConscentWebhooksBuilder AddRedisDeduplication(this IConscentWebhooksBuilder builder, string configuration, Action<RedisWebhookDeduplicatorOptions>? configure = null)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (string.IsNullOrWhiteSpace(configuration)) throw new ArgumentException("A Redis configuration string is required, e.g. \"localhost:6379\".", nameof(configuration));
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return AddRedisDeduplication(builder, options, configure);
    }

    /// <summary>
    /// Uses <see cref="RedisWebhookDeduplicator"/> on a connection made from <paramref name="configuration"/> as given
    /// (set <see cref="ConfigurationOptions.AbortOnConnectFail"/> false so the app starts while Redis is down). The
    /// connection is made when the webhooks are mapped and disposed with the app.
    /// </summary>
    /// <param name="builder">What <c>AddConscentWebhooks</c> returned.</param>
    /// <param name="configuration">The connection's configuration.</param>
    /// <param name="configure">Sets the key prefix or database.</param>
    public static IConscentWebhooksBuilder AddRedisDeduplication(this IConscentWebhooksBuilder builder, ConfigurationOptions configuration, Action<RedisWebhookDeduplicatorOptions>? configure = null)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        var options = Options(configure);
        builder.Services.Replace(ServiceDescriptor.Singleton<IConscentWebhookDeduplicator>(_ =>
            new RedisWebhookDeduplicator(ConnectionMultiplexer.Connect(configuration), options, ownsConnection: true)));
        return builder;
    }

    /// <summary>Uses <see cref="RedisWebhookDeduplicator"/> on a connection you already have (it is not disposed by the guard).</summary>
    /// <param name="builder">What <c>AddConscentWebhooks</c> returned.</param>
    /// <param name="connection">The app's <see cref="IConnectionMultiplexer"/>.</param>
    /// <param name="configure">Sets the key prefix or database.</param>
    public static IConscentWebhooksBuilder AddRedisDeduplication(this IConscentWebhooksBuilder builder, IConnectionMultiplexer connection, Action<RedisWebhookDeduplicatorOptions>? configure = null)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        var options = Options(configure);
        builder.Services.Replace(ServiceDescriptor.Singleton<IConscentWebhookDeduplicator>(_ => new RedisWebhookDeduplicator(connection, options)));
        return builder;
    }

    /// <summary>
    /// Uses <see cref="RedisWebhookDeduplicator"/> on a connection taken from the services, e.g.
    /// <c>.AddRedisDeduplication(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c> (not disposed by the guard).
    /// </summary>
    /// <param name="builder">What <c>AddConscentWebhooks</c> returned.</param>
    /// <param name="connectionFactory">Returns the connection; called once.</param>
    /// <param name="configure">Sets the key prefix or database.</param>
    public static IConscentWebhooksBuilder AddRedisDeduplication(this IConscentWebhooksBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connectionFactory, Action<RedisWebhookDeduplicatorOptions>? configure = null)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (connectionFactory is null) throw new ArgumentNullException(nameof(connectionFactory));
        var options = Options(configure);
        builder.Services.Replace(ServiceDescriptor.Singleton<IConscentWebhookDeduplicator>(sp =>
            new RedisWebhookDeduplicator(connectionFactory(sp) ?? throw new InvalidOperationException("The Redis connection factory returned null."), options)));
        return builder;
    }

    private static RedisWebhookDeduplicatorOptions Options(Action<RedisWebhookDeduplicatorOptions>? configure)
    {
        var options = new RedisWebhookDeduplicatorOptions();
        configure?.Invoke(options);
        if (options.KeyPrefix is null) throw new ArgumentException("RedisWebhookDeduplicatorOptions.KeyPrefix must not be null.", nameof(configure));
        return options;
    }

    /// <summary>
    /// Makes each consumption id unlock content once across every instance sharing <paramref name="connection"/>
    /// (<see cref="RedisConsumptionReplayGuard"/>): <c>VerifyAsync</c> reports a reused id as <c>AlreadyUsed</c>.
    /// </summary>
    /// <param name="builder">What <c>AddConscent</c> returned.</param>
    /// <param name="connection">The Redis connection the instances share.</param>
    /// <param name="keyPrefix">The prefix of every key the guard writes.</param>
    public static IConscentBuilder AddRedisConsumptionReplayGuard(this IConscentBuilder builder, IConnectionMultiplexer connection, string keyPrefix = RedisConsumptionReplayGuard.DefaultKeyPrefix)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        return builder.AddConsumptionReplayGuard(new RedisConsumptionReplayGuard(connection, keyPrefix));
    }

    /// <summary>
    /// Makes each consumption id unlock content once across every instance, on a connection taken from the services,
    /// e.g. <c>.AddRedisConsumptionReplayGuard(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c>, so the
    /// webhook guard and this one can share the app's connection (not disposed by the guard).
    /// </summary>
    /// <param name="builder">What <c>AddConscent</c> returned.</param>
    /// <param name="connectionFactory">Returns the connection; called once.</param>
    /// <param name="keyPrefix">The prefix of every key the guard writes.</param>
    public static IConscentBuilder AddRedisConsumptionReplayGuard(this IConscentBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connectionFactory, string keyPrefix = RedisConsumptionReplayGuard.DefaultKeyPrefix)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (connectionFactory is null) throw new ArgumentNullException(nameof(connectionFactory));
        if (keyPrefix is null) throw new ArgumentNullException(nameof(keyPrefix));
        builder.Services.RemoveAll<IConsumptionReplayGuard>();
        builder.Services.AddSingleton<IConsumptionReplayGuard>(sp =>
            new RedisConsumptionReplayGuard(connectionFactory(sp) ?? throw new InvalidOperationException("The Redis connection factory returned null."), keyPrefix));
        return builder;
    }
}
