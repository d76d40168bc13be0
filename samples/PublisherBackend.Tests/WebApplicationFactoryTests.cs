using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherBackend.Tests;

/// <summary>
/// The public way to test an app on the simulator, as docs/getting-started.md and docs/testing-with-the-simulator.md show
/// it: the app's own Program under WebApplicationFactory, its AddConscent(...) untouched, one line in ConfigureTestServices.
/// </summary>
public sealed class WebApplicationFactoryTests : IDisposable
{
    private readonly ConscentSimulator _simulator = new();
    private readonly WebApplicationFactory<Program> _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        _simulator.Dispose();
    }

    [Fact]
    public async Task The_app_under_WebApplicationFactory_unlocks_through_the_simulator_with_AddConscentSimulator()
    {
        using HttpClient app = _factory
            .WithWebHostBuilder(web => web
                .UseEnvironment("Testing")
                .ConfigureTestServices(services => services.AddConscentSimulator(_simulator)))
            .CreateClient();
        var consumptionId = _simulator.IssueConsumption("budget-2026");

        using var response = await app.PostAsJsonAsync("/articles/budget-2026/unlock", new { consumptionId });

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the simulator, not the appsettings' placeholder account, confirmed the consumption");
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        article.GetProperty("contentId").GetString().Should().Be("budget-2026");
        _simulator.Requests.Should().ContainSingle(r => r.EndpointId == "E08", "the app's SDK called the simulator");
    }
}
