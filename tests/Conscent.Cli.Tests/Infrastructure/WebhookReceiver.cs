using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conscent.Cli.Tests.Infrastructure;

/// <summary>
/// A publisher's webhook receiver on 127.0.0.1 and a free port: the eight endpoints mapped with
/// <c>MapConscentWebhook</c> (verification and deduplication as shipped) at <c>/webhooks/conscent/{event}</c>, plus
/// <c>/open</c>, which accepts anything (a receiver that does not check).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string ApiKey = "receiver-test-key";
    public const string ApiSecret = "receiver-test-secret-5c1d0e8a";

    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>How many times each endpoint's handler ran (after verification and deduplication).</summary>
    public ConcurrentDictionary<string, int> Handled { get; } = new(StringComparer.Ordinal);

    /// <summary>The user ids the handlers saw.</summary>
    public ConcurrentQueue<string?> UserIds { get; } = new();

    public Uri Url(string name) => new(Address, "webhooks/conscent/" + name);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddConscent(o =>
        {
            o.ApiKey = ApiKey;
            o.ApiSecret = ApiSecret;
            o.ClientId = "601a8ea4f2149f089782814f";
        });
        builder.Services.AddConscentWebhooks();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        Task Count(string name, string? userId)
        {
            receiver!.Handled.AddOrUpdate(name, 1, (_, n) => n + 1);
            receiver.UserIds.Enqueue(userId);
            return Task.CompletedTask;
        }
        const string prefix = "/webhooks/conscent/";
        app.MapConscentWebhook<SignUpWebhook>(prefix + "sign-up", (p, _) => Count("sign-up", p.UserId));
        app.MapConscentWebhook<LoginWebhook>(prefix + "login", (p, _) => Count("login", p.UserId));
        app.MapConscentWebhook<SubscriptionPaymentWebhook>(prefix + "subscription-payment", (p, _) => Count("subscription-payment", p.UserId));
        app.MapConscentWebhook<SubscriptionCancelledWebhook>(prefix + "subscription-cancelled", (p, _) => Count("subscription-cancelled", p.UserId));
        app.MapConscentWebhook<PassPaymentWebhook>(prefix + "pass-payment", (p, _) => Count("pass-payment", p.UserId));
        app.MapConscentWebhook<SubscriptionBundlePaymentWebhook>(prefix + "subscription-bundle-payment", (p, _) => Count("subscription-bundle-payment", p.UserId));
        app.MapConscentWebhook<ReviewSubscriptionWebhook>(prefix + "review-subscription", (p, _) => Count("review-subscription", p.UserId));
        app.MapConscentWebhook<MicroPaymentWebhook>(prefix + "micro-payment", (p, _) => Count("micro-payment", p.UserId));
        app.MapPost("/open", () => Results.Ok());
        app.MapPost("/broken", () => Results.StatusCode(500));
        await app.StartAsync();
        receiver = new WebhookReceiver(app, new Uri(app.Urls.Single() + "/"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
