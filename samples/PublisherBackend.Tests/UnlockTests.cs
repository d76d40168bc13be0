using System;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Testing;

namespace PublisherBackend.Tests;

public sealed class UnlockTests
{
    private const string Article = "budget-2026";
    private const string OtherArticle = "monsoon-markets";

    private static Task<System.Net.Http.HttpResponseMessage> UnlockAsync(BackendUnderTest backend, string contentId, string? consumptionId) =>
        backend.Http.PostAsJsonAsync($"/articles/{contentId}/unlock", new { consumptionId });

    [Fact]
    public async Task Unlock_returns_the_article_for_a_consumption_of_that_article()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article);

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        article.GetProperty("contentId").GetString().Should().Be(Article);
        article.GetProperty("body").GetString().Should().NotBeNullOrEmpty();
        backend.Simulator.Requests.Should().ContainSingle(r => r.EndpointId == "E08");
    }

    [Fact]
    public async Task Unlock_is_403_for_another_articles_consumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(OtherArticle);

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Body", "the premium body must not leak");
    }

    [Fact]
    public async Task Unlock_is_403_for_an_unknown_consumption_id()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await UnlockAsync(backend, Article, Guid.NewGuid().ToString());

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_is_403_when_a_single_use_consumption_is_reused()
    {
        await using var backend = await BackendUnderTest.StartAsync(new ConscentSimulatorOptions { SingleUseConsumptions = true });
        var consumptionId = backend.Simulator.IssueConsumption(Article);

        using var first = await UnlockAsync(backend, Article, consumptionId);
        using var second = await UnlockAsync(backend, Article, consumptionId);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_is_403_when_an_id_ConsCent_would_confirm_again_is_replayed()
    {
        // ConsCent confirms an id as often as it is asked; the app's replay guard makes it unlock once.
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article);

        using var reader = await UnlockAsync(backend, Article, consumptionId);
        using var friend = await UnlockAsync(backend, Article, consumptionId);

        reader.StatusCode.Should().Be(HttpStatusCode.OK);
        friend.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        backend.Simulator.Requests.Should().HaveCount(2, "ConsCent confirmed both times; the guard refused the second");
    }

    [Fact]
    public async Task Unlock_is_403_for_another_publishers_consumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article, clientId: "someone-else");

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_is_403_for_an_old_consumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article, createdAt: DateTimeOffset.UtcNow - ConscentOptions.DefaultConsumptionMaxAge - TimeSpan.FromMinutes(1));

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_is_400_without_a_consumption_id_and_asks_ConsCent_nothing()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await UnlockAsync(backend, Article, consumptionId: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("consumptionId", out _).Should().BeTrue();
        backend.Simulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Unlock_is_404_for_an_article_we_do_not_have()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption("no-such-article");

        using var response = await UnlockAsync(backend, "no-such-article", consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unlock_is_503_when_ConsCent_is_failing()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article);
        backend.Simulator.Faults.Enqueue(SimulatedFault.Status(503), times: 10);

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
