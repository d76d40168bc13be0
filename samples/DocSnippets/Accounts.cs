// docs/accounts.md
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Accounts;

public static class Registration
{
    // docs/accounts.md
    public static void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent"));                 // the default account
        builder.Services.AddConscent("brand-a", builder.Configuration.GetSection("Brands:brand-a")); // named accounts
        builder.Services.AddConscent("brand-b", o =>
        {
            o.ApiKey = builder.Configuration["Brands:brand-b:ApiKey"];
            o.ApiSecret = builder.Configuration["Brands:brand-b:ApiSecret"];
            o.ClientId = builder.Configuration["Brands:brand-b:ClientId"];
        });
    }

    // docs/accounts.md: webhooks per account
    public static void MapWebhooks(WebApplication app)
    {
        app.MapConscentWebhook<MicroPaymentWebhook>("/conscent/brand-a/micro-payment",
            (p, ct) => Task.CompletedTask).ForConscentAccount("brand-a");
        app.MapConscentWebhook<MicroPaymentWebhook>("/conscent/brand-b/micro-payment",
            (p, ct) => Task.CompletedTask).ForConscentAccount("brand-b");
        app.MapConscentWebhook<MicroPaymentWebhook>("/conscent/micro-payment",
            (p, ct) => Task.CompletedTask);                                                 // the default account
    }
}

// docs/accounts.md: keyed services
public sealed class BrandAArticles([FromKeyedServices("brand-a")] IContentClient content)
{
    public Task<ContentItem> GetAsync(string id, CancellationToken ct) => content.GetAsync(id, ct);
}

// docs/accounts.md: the factory
public sealed class Unlocker(IConscentClientFactory conscent)
{
    public async Task<bool> CanReadAsync(string brand, string consumptionId, string articleId, CancellationToken ct)
    {
        var client = conscent.GetClient(brand);               // "" gives the default account
        var verification = await client.Consumption.VerifyAsync(consumptionId, articleId, cancellationToken: ct);
        return verification.IsValid;
    }
}
