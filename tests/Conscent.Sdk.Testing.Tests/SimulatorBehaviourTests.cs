using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>Recording, options, seeding guards, the server's lifecycle and thread safety.</summary>
public sealed class SimulatorBehaviourTests
{
    [Fact]
    public void Options_point_at_the_simulator_with_its_credentials()
    {
        using var sim = new ConscentSimulator(new ConscentSimulatorOptions { ApiKey = "k", ApiSecret = "s", ClientId = "client-1" });

        var options = sim.CreateOptions();

        options.ApiKey.Should().Be("k");
        options.ApiSecret.Should().Be("s");
        options.ClientId.Should().Be("client-1");
        options.BaseAddress.Should().Be(ConscentSimulator.InProcessBaseAddress);
        options.Loyalty.BaseAddress.Should().Be(ConscentSimulator.InProcessLoyaltyBaseAddress);
        options.CircuitBreaker.Enabled.Should().BeFalse();
        sim.CreateOptions().Should().NotBeSameAs(options, "every read is a fresh copy");
    }

    [Fact]
    public async Task Server_has_a_free_loopback_port_and_options_follow_it()
    {
        await using var sim = new ConscentSimulator();

        var address = await sim.StartServerAsync();

        address.Host.Should().Be("127.0.0.1");
        address.Port.Should().BeGreaterThan(0);
        sim.ServerAddress.Should().Be(address);
        (await sim.StartServerAsync()).Should().Be(address, "starting twice is harmless");
        sim.CreateOptions().BaseAddress.Should().Be(address);
        sim.CreateOptions().Loyalty.BaseAddress.Should().Be(address);
        using var raw = new Raw(sim, overServer: true);
        (await raw.Get("/api/v1/content/client")).Status.Should().Be(HttpStatusCode.OK);
        sim.Requests.Single().Transport.Should().Be(SimulatorTransport.Server);
    }

    [Fact]
    public async Task Server_stops_on_dispose()
    {
        var sim = new ConscentSimulator();
        var address = await sim.StartServerAsync();
        sim.Dispose();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var act = () => http.GetAsync("/api/v1/content/client");

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Requests_record_method_path_query_and_body_never_the_secret()
    {
        using var sim = new ConscentSimulator();
        using var raw = new Raw(sim);

        await raw.Post("/api/v1/content?x=1", new JsonObject { ["contentId"] = "a", ["title"] = "t", ["url"] = "https://u" });

        var r = sim.Requests.Single();
        r.Method.Should().Be("POST");
        r.Path.Should().Be("/api/v1/content");
        r.Query.Should().Be("x=1");
        r.QueryValue("x").Should().Be("1");
        r.Body.Should().Contain("\"contentId\":\"a\"");
        r.StatusCode.Should().Be(200);
        r.EndpointId.Should().Be("E01");
        r.ToString().Should().Be("POST /api/v1/content?x=1 → 200");
        string.Join("|", r.Headers.Values).Should().NotContain(sim.Settings.ApiSecret).And.NotContain(Raw.BasicValue(sim.Settings.ApiKey, sim.Settings.ApiSecret).Substring(6));
        sim.ClearRequests();
        sim.Requests.Should().BeEmpty();
        sim.ContentIds.Should().Equal("a");
    }

    [Fact]
    public void Seeding_requires_a_known_user_and_rejects_duplicates()
    {
        using var sim = new ConscentSimulator();
        FluentActions.Invoking(() => sim.SeedSubscription(new SimulatedSubscription { UserId = "nobody" })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => sim.SeedPurchase(new SimulatedPurchase { UserId = "nobody" })).Should().Throw<ArgumentException>();
        var user = sim.SeedUser(new SimulatedUser());
        user.Id.Should().MatchRegex("^[0-9a-f]{24}$");
        FluentActions.Invoking(() => sim.SeedUser(new SimulatedUser { Id = user.Id })).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = "SUBSCRIPTION" })).Should().Throw<ArgumentException>();
        sim.SeedContent("c", "t", "https://u");
        FluentActions.Invoking(() => sim.SeedContent("c", "t", "https://u")).Should().Throw<ArgumentException>().WithMessage("*already exists*");
    }

    [Fact]
    public async Task Concurrent_creates_are_all_stored_and_recorded()
    {
        using var sim = new ConscentSimulator();
        using var client = sim.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => client.Content.CreateAsync(new Sdk.CreateContentRequest
        {
            ContentId = "c" + i, Title = "t", Url = "https://u/" + i,
        })));

        sim.ContentIds.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        sim.Requests.Should().HaveCount(40);
    }
    [Fact]
    public async Task Dependency_injection_with_ApplyTo_and_the_handler_talks_to_the_simulator()
    {
        using var sim = new ConscentSimulator();
        var services = new ServiceCollection();
        services.AddConscent(sim.ApplyTo).HttpClient.ConfigurePrimaryHttpMessageHandler(() => sim.Handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IConscentClient>();

        await client.Content.CreateAsync(new Sdk.CreateContentRequest { ContentId = "di-1", Title = "t", Url = "https://u" });

        sim.ContentIds.Should().Equal("di-1");
        sim.Requests.Single().Auth.Should().Be(SimulatedAuth.ValidBasic);
    }

    [Fact]
    public async Task Server_mode_accepts_chunked_bodies_and_keep_alive()
    {
        await using var sim = new ConscentSimulator();
        await sim.StartServerAsync();
        using var http = new HttpClient { BaseAddress = sim.ServerAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Raw.BasicValue(sim.Settings.ApiKey, sim.Settings.ApiSecret));

        for (var i = 0; i < 3; i++)
        {
            var json = "{\"contentId\":\"k" + i + "\",\"title\":\"t\",\"url\":\"https://u\"}";
            using var content = new StreamContent(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/content") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            using var response = await http.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        sim.ContentIds.Should().Equal("k0", "k1", "k2");
        sim.Requests[0].Header("Transfer-Encoding").Should().Be("chunked");
    }
}
