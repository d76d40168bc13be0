// docs/webhooks.md
using System;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.AspNetCore;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Webhooks;

public static class Endpoints
{
    // docs/webhooks.md
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent")); // ApiKey + ApiSecret (+ ClientId)
        builder.Services.AddConscentWebhooks();                                     // verifier, options, duplicate guard

        var app = builder.Build();
        return app;
    }

    // docs/webhooks.md
    public static void Map(WebApplication app)
    {
        app.MapConscentWebhook("/conscent/micro-payment",
            async (MicroPaymentWebhook p, MyDb db, CancellationToken ct) => await db.UnlockAsync(p.UserId, p.ClientContentId, ct));
    }

    // docs/webhooks.md (Conscent.Sdk.AspNetCore.Redis)
    public static void SharedGuard(WebApplicationBuilder builder)
    {
        builder.Services.AddConscentWebhooks().AddRedisDeduplication(builder.Configuration.GetConnectionString("Redis")!);
    }

    // docs/webhooks.md: webhooks without a contract (raw)
    public static void MapRaw(WebApplication app)
    {
        app.MapConscentRawWebhook("/conscent/loyalty/points-earned",
            async (ConscentRawWebhook hook, MyDb db, CancellationToken ct) =>
                await db.UnlockAsync(hook.Body.GetProperty("userId").GetString(), null, ct),
            new ConscentRawWebhookOptions
            {
                // Optional: an id for the duplicate guard; null (or no option) handles every copy.
                DeduplicationKey = body => body.TryGetProperty("eventId", out var id) ? id.GetString() : null,
            });
    }

    // docs/webhooks.md: without ASP.NET Core
    public static void VerifyByHand(ConscentOptions options, string? authorizationHeader, byte[] rawBodyBytes)
    {
        var verifier = new ConscentWebhookVerifier(options);           // or new(apiKey, apiSecret); thread-safe, share it
        try
        {
            var payment = verifier.VerifyAndParse<MicroPaymentWebhook>(authorizationHeader, rawBodyBytes);
        }
        catch (ConscentWebhookVerificationException ex) { /* 401; ex.Failure says why */ }
        catch (ConscentWebhookPayloadException ex)      { /* 400; ex.Error, ex.Path (never a value) */ }
    }
}

/// <summary>Stub: the publisher's own database, a registered service.</summary>
public sealed class MyDb
{
    public Task UnlockAsync(string? userId, string? contentId, CancellationToken ct) => Task.CompletedTask;
}
