// README.md: the snippets, verbatim, in enough context to compile.
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Readme;

public static class Configure
{
    // README.md
    public static void InProgram(WebApplicationBuilder builder)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent"));
        // or in code:
        builder.Services.AddConscent(o => { o.ApiKey = "your-api-key"; o.ApiSecret = "your-api-secret"; o.ClientId = "your-client-id"; o.Environment = ConscentEnvironment.Production; });
    }

    // README.md
    public static void WithoutDependencyInjection()
    {
        using var conscent = new ConscentClient(new ConscentOptions { ApiKey = "your-api-key", ApiSecret = "your-api-secret", ClientId = "your-client-id" });
    }
}

public static class Webhooks
{
    private static readonly Entitlements entitlements = new();

    // README.md
    public static void Map(WebApplicationBuilder builder, WebApplication app)
    {
        builder.Services.AddConscentWebhooks();   // Conscent.Sdk.AspNetCore
        app.MapConscentWebhook<SubscriptionPaymentWebhook>("/webhooks/conscent/subscription-payment",
            (payment, ct) => entitlements.GrantAsync(payment, ct));
    }

    /// <summary>Stub: the publisher's own entitlement store.</summary>
    private sealed class Entitlements
    {
        private int _granted;

        public Task GrantAsync(SubscriptionPaymentWebhook payment, CancellationToken ct)
        {
            Interlocked.Increment(ref _granted);
            return Task.CompletedTask;
        }
    }
}
