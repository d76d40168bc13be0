using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>The simulator is an HttpMessageHandler: it answers raw requests to the endpoints it knows as it answers typed calls.</summary>
public sealed class RawRequestSimulatorTests : IDisposable
{
    private readonly ConscentSimulator _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task A_raw_get_of_a_known_endpoint_answers_the_same_content_as_the_typed_call()
    {
        _sim.SeedContent("Client Content Id 6", "Tesla Tequila", "https://news.example/tesla", 5);
        using var client = _sim.CreateClient();

        var raw = await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v1/content/client/{contentId}").WithPathParameter("contentId", "Client Content Id 6"));
        var typed = await client.Content.GetAsync("Client Content Id 6");

        raw.StatusCode.Should().Be(HttpStatusCode.OK);
        raw.ContentType.Should().Be("application/json");
        raw.ReadJson().GetProperty("title").GetString().Should().Be(typed.Title).And.Be("Tesla Tequila");
        _sim.Requests.Select(r => r.Path).Should().AllBe("/api/v1/content/client/Client%20Content%20Id%206");
        _sim.Requests.Should().AllSatisfy(r => r.Auth.Should().Be(SimulatedAuth.ValidBasic));
    }

    [Fact]
    public async Task A_raw_request_without_credentials_to_an_authenticated_endpoint_is_refused_with_the_typed_exception()
    {
        using var client = _sim.CreateClient();

        await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v1/content/client") { Auth = ConscentRawAuth.None }))
            .Should().ThrowAsync<ConscentAuthenticationException>();

        _sim.Requests.Single().Auth.Should().Be(SimulatedAuth.None);
    }

    [Fact]
    public async Task A_raw_loyalty_event_with_the_loyalty_key_is_accepted()
    {
        using var client = _sim.CreateClient();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/reward/{partnerId}/api/user_event")
        {
            Auth = ConscentRawAuth.LoyaltyKey,
        }.WithPathParameter("partnerId", _sim.Settings.ClientId).WithJsonBody("{\"eventType\":\"order_placed\",\"userId\":\"u1\"}"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _sim.Requests.Single().Auth.Should().Be(SimulatedAuth.ValidApiKey);
    }

    [Fact]
    public async Task An_endpoint_the_simulator_does_not_know_is_a_not_found_exception()
    {
        using var client = _sim.CreateClient();

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/loyalty/balance")))
            .Should().ThrowAsync<ConscentNotFoundException>()).Which;

        ex.PathTemplate.Should().Be("/api/v2/loyalty/balance");
        ex.Operation.Should().Be("Raw GET");
    }
}
