// docs/getting-started.md
using System.Net.Http;
using System.Threading;
using Conscent.Sdk;
using Conscent.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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

    // docs/getting-started.md: your app's tests. Program is this project's entry point here, the user's app in theirs.
    public static void TestYourApp()
    {
        using var simulator = new ConscentSimulator();
        using var factory = new WebApplicationFactory<Program>();
        using HttpClient app = factory
            .WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddConscentSimulator(simulator)))
            .CreateClient();   // your app, talking to the simulator: seed it, call your endpoints, assert
    }
}
