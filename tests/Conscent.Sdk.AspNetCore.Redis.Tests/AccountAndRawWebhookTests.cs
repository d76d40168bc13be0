using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>Raw webhooks and named accounts over the Redis guard shared by two Kestrel instances.</summary>
public sealed class AccountAndRawWebhookTests
{
    private const string BrandAKey = "BRANDA1-KEY0000-0000000-0000001";
    private const string BrandASecret = "brand-a-secret-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private sealed class Instance(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Url(string path) => new(address, path);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<Instance> StartAsync(string redis, string prefix, ConcurrentQueue<string> calls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddConscent(o =>
        {
            o.ApiKey = WebhookInstance.ApiKey;
            o.ApiSecret = WebhookInstance.ApiSecret;
            o.ClientId = "601a8ea4f2149f089782814f";
        });
        builder.Services.AddConscent("brand-a", o =>
        {
            o.ApiKey = BrandAKey;
            o.ApiSecret = BrandASecret;
            o.ClientId = "brand-a-client";
        });
        builder.Services.AddConscentWebhooks().AddRedisDeduplication(redis, o => o.KeyPrefix = prefix);
        var app = builder.Build();
        var byEventId = new ConscentRawWebhookOptions { DeduplicationKey = b => b.GetProperty("eventId").GetString() };
        app.MapConscentRawWebhook("/hooks/points", (w, _) => { calls.Enqueue("raw:" + w.DeduplicationKey); return Task.CompletedTask; }, byEventId);
        app.MapConscentRawWebhook("/hooks/a/points", (w, _) => { calls.Enqueue("a-raw:" + w.DeduplicationKey); return Task.CompletedTask; }, byEventId).ForConscentAccount("brand-a");
        app.MapConscentWebhook<SubscriptionPaymentWebhook>("/hooks/payment", (p, _) => { calls.Enqueue("payment:" + p.PurchaseId); return Task.CompletedTask; });
        app.MapConscentWebhook<SubscriptionPaymentWebhook>("/hooks/a/payment", (p, _) => { calls.Enqueue("a-payment:" + p.PurchaseId); return Task.CompletedTask; }).ForConscentAccount("brand-a");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Instance(app, new Uri(address));
    }

    [RedisFact]
    public async Task Raw_and_per_account_deliveries_are_handled_once_across_instances_with_keys_kept_apart_per_account()
    {
        var server = await RedisServer.Shared;
        var run = "acct-" + Guid.NewGuid().ToString("N")[..12];
        var prefix = $"test:{run}:";
        var calls = new ConcurrentQueue<string>();
        await using var first = await StartAsync(server.Configuration, prefix, calls);
        await using var second = await StartAsync(server.Configuration, prefix, calls);
        using var defaultAccount = new ConscentWebhookSender(WebhookInstance.ApiKey, WebhookInstance.ApiSecret);
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);
        var points = "{\"eventId\":\"" + run + "-e1\",\"points\":5}";
        var payment = Delivery.Create(run, 1);

        // Each delivery twice, one copy per instance; the same ids at the default account and at brand A.
        foreach (var instance in new[] { first, second })
        {
            (await defaultAccount.SendAsync(instance.Url("/hooks/points"), points)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await brandA.SendAsync(instance.Url("/hooks/a/points"), points)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await defaultAccount.SendAsync(instance.Url("/hooks/payment"), payment.Json)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await brandA.SendAsync(instance.Url("/hooks/a/payment"), payment.Json)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        calls.OrderBy(c => c, StringComparer.Ordinal).Should().Equal(
            $"a-payment:{payment.PurchaseId}", $"a-raw:{run}-e1", $"payment:{payment.PurchaseId}", $"raw:{run}-e1");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var db = redis.GetDatabase();
        (await db.KeyExistsAsync($"{prefix}raw:/hooks/points:{run}-e1")).Should().BeTrue();
        (await db.KeyExistsAsync($"{prefix}brand-a:raw:/hooks/a/points:{run}-e1")).Should().BeTrue();
        (await db.KeyExistsAsync($"{prefix}SubscriptionPaymentWebhook:{payment.PurchaseId}")).Should().BeTrue("the default account's keys are as before");
        (await db.KeyExistsAsync($"{prefix}brand-a:SubscriptionPaymentWebhook:{payment.PurchaseId}")).Should().BeTrue();
    }
}
