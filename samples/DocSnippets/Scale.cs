// docs/scale.md
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Scale;

public static class SharedGuard
{
    // docs/scale.md (Conscent.Sdk.AspNetCore.Redis)
    public static void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddConscentWebhooks()
            .AddRedisDeduplication(builder.Configuration.GetConnectionString("Redis")!); // "redis:6379,password=…"
        // or, with the app's own connection:      .AddRedisDeduplication(multiplexer)
        // or, from the services:                   .AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>())
    }
}
