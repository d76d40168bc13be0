// docs/unlocking.md
using System;
using System.Threading;
using Conscent.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Unlocking;

public static class UnlockEndpoint
{
    // docs/unlocking.md
    static readonly ConscentRequestOptions UnlockBudget = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(2), MaxRetryAttempts = 1,
    };

    // docs/unlocking.md
    public static void Map(WebApplication app)
    {
        app.MapPost("/articles/{contentId}/unlock", async (string contentId, UnlockRequest body, IConscentClient conscent, CancellationToken ct) =>
        {
            try
            {
                var result = await conscent.WithRequestOptions(UnlockBudget).Consumption
                    .VerifyAsync(body.ConsumptionId, contentId, cancellationToken: ct);
                return result.IsValid ? Results.Ok(LoadArticle(contentId)) : Results.StatusCode(403);
            }
            catch (ConscentException ex) when (ex.IsTransient)
            {
                return Results.StatusCode(503); // ConsCent is unavailable: ask the reader to retry, do not refuse a paying reader
            }
        });
    }

    // docs/unlocking.md
    public static void RegisterReplayGuard(WebApplicationBuilder builder)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent"))
            .AddConsumptionReplayGuard();   // in memory: protects one instance
    }

    // docs/unlocking.md
    public static void RegisterRedisReplayGuard(WebApplicationBuilder builder, StackExchange.Redis.IConnectionMultiplexer redisConnection)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent"))
            .AddRedisConsumptionReplayGuard(redisConnection);   // an IConnectionMultiplexer every instance shares
    }

    /// <summary>Stub: the publisher's own article store.</summary>
    private static string LoadArticle(string contentId) => "The full text of " + contentId;
}

/// <summary>Stub: what the publisher's page posts.</summary>
public sealed record UnlockRequest(string ConsumptionId);
