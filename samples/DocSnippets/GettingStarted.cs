// docs/getting-started.md
extern alias PublisherBackendSample;
using System.Threading;
using Conscent.Sdk;
using Conscent.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PublisherBackendSample::PublisherBackend;

namespace DocSnippets.GettingStarted;

public static class Steps
{
    // docs/getting-started.md
    public static void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddConscent(builder.Configuration.GetSection("Conscent"));
    }

    // docs/getting-started.md
    public static void ListContent(WebApplication app)
    {
        app.MapGet("/admin/conscent/content", async (IContentClient content, CancellationToken ct) =>
        {
            var page = await content.ListAsync(new ListOptions { PageNumber = 1, PageSize = 20 }, ct).GetPageAsync(ct);
            return page.Items;
        });
    }

    // docs/getting-started.md: the sample backend's own PublisherApp, pointed at the simulator.
    public static WebApplication StartSample(ConscentSimulator simulator)
    {
        var app = PublisherApp.Build(["--urls", "http://127.0.0.1:0"], services =>
            services.AddConscentSimulator(simulator));
        return app;
    }
}
