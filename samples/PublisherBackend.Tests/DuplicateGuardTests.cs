using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.AspNetCore;
using Conscent.Sdk.AspNetCore.Redis;
using Conscent.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherBackend.Tests;

/// <summary>One instance keeps both guards (webhook duplicates, consumption replays) in memory; a Redis setting shares them between instances.</summary>
public sealed class DuplicateGuardTests
{
    [Theory]
    [InlineData(null, typeof(InMemoryWebhookDeduplicator), typeof(InMemoryConsumptionReplayGuard))]
    [InlineData("--ConnectionStrings:Redis=127.0.0.1:1,connectTimeout=500", typeof(RedisWebhookDeduplicator), typeof(RedisConsumptionReplayGuard))]
    [InlineData("--Conscent:Redis=127.0.0.1:1,connectTimeout=500", typeof(RedisWebhookDeduplicator), typeof(RedisConsumptionReplayGuard))]
    public async Task The_guards_are_on_Redis_only_when_a_Redis_is_configured(string? setting, Type webhookGuard, Type replayGuard)
    {
        await using var simulator = new ConscentSimulator();
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--environment", "Testing" };
        if (setting is not null) args.Add(setting);

        // Nothing listens on port 1: the app is built all the same (the guard would answer 503 until Redis is there).
        await using var app = PublisherApp.Build([.. args], services =>
            services.AddConscent(simulator.ApplyTo).HttpClient.ConfigurePrimaryHttpMessageHandler(() => simulator.Handler));

        app.Services.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType(webhookGuard);
        app.Services.GetRequiredService<IConsumptionReplayGuard>().Should().BeOfType(replayGuard);
    }
}
