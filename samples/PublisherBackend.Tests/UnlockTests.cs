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
    public async Task Unlock_ReturnsTheArticle_ForAConsumptionOfThatArticle()
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
    public async Task Unlock_Is403_ForAnotherArticlesConsumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(OtherArticle);

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Body", "the premium body must not leak");
    }

    [Fact]
    public async Task Unlock_Is403_ForAnUnknownConsumptionId()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await UnlockAsync(backend, Article, Guid.NewGuid().ToString());

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_Is403_WhenASingleUseConsumptionIsReused()
    {
        await using var backend = await BackendUnderTest.StartAsync(new ConscentSimulatorOptions { SingleUseConsumptions = true });
        var consumptionId = backend.Simulator.IssueConsumption(Article);

        using var first = await UnlockAsync(backend, Article, consumptionId);
        using var second = await UnlockAsync(backend, Article, consumptionId);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_Is403_WhenAnIdConsCentWouldConfirmAgainIsReplayed()
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
    public async Task Unlock_Is403_ForAnotherPublishersConsumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article, clientId: "someone-else");

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_Is403_ForAnOldConsumption()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article, createdAt: DateTimeOffset.UtcNow - ConscentOptions.DefaultConsumptionMaxAge - TimeSpan.FromMinutes(1));

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unlock_Is400_WithoutAConsumptionId_AndAsksConsCentNothing()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await UnlockAsync(backend, Article, consumptionId: null);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("consumptionId", out _).Should().BeTrue();
        backend.Simulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Unlock_Is404_ForAnArticleWeDoNotHave()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption("no-such-article");

        using var response = await UnlockAsync(backend, "no-such-article", consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unlock_Is503_WhenConsCentIsFailing()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var consumptionId = backend.Simulator.IssueConsumption(Article);
        backend.Simulator.Faults.Enqueue(SimulatedFault.Status(503), times: 10);

        using var response = await UnlockAsync(backend, Article, consumptionId);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
