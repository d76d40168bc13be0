using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace PublisherBackend;

/// <summary>Builds the publisher backend. Program.cs runs it; the tests start it on a loopback port.</summary>
public static class PublisherApp
{
    /// <summary>Builds the app. <paramref name="overrides"/> runs last, so tests can replace services and options.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // ConsCent: ApiKey, ApiSecret, ClientId and Environment from the "Conscent" section (appsettings.json, user
        // secrets, or environment variables such as Conscent__ApiSecret). Checked at startup: a missing secret fails fast.
        // Each consumption id unlocks once: a shared or replayed id is refused.
        var conscent = builder.Services.AddConscent(builder.Configuration.GetSection("Conscent")).AddConsumptionReplayGuard();
        // Webhook verification (Basic auth + signed identifiers) and the duplicate-delivery guard.
        var webhooks = builder.Services.AddConscentWebhooks();

        // One instance: both guards live in memory. Several instances behind a load balancer: set ConnectionStrings:Redis
        // (or Conscent:Redis), e.g. "localhost:6379", and every instance shares one Redis, so each webhook delivery is
        // handled once and each consumption id unlocks once across all of them (docs/scale.md).
        var redis = builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } named ? named : builder.Configuration["Conscent:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // One connection for both guards, disposed with the app. It does not wait for Redis: the app starts while
            // Redis is down, and both guards fail closed (503) until it is back.
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            webhooks.AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>());
            conscent.AddRedisConsumptionReplayGuard(sp => sp.GetRequiredService<IConnectionMultiplexer>());
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<EntitlementStore>();

        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapArticleEndpoints();
        app.MapAdminContentEndpoints();
        app.MapConscentWebhookEndpoints();
        return app;
    }
}
