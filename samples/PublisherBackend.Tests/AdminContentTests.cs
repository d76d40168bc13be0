using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

namespace PublisherBackend.Tests;

public sealed class AdminContentTests
{
    [Fact]
    public async Task Register_is_201_and_the_content_is_registered_with_ConsCent()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await backend.Http.PostAsJsonAsync("/admin/content", new
        {
            contentId = "election-night-live",
            title = "Election night, live",
            url = "https://news.example/politics/election-night",
            price = 2,
            currency = "INR",
            contentType = "STORY",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.ToString().Should().Be("/admin/content/election-night-live");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("contentId").GetString().Should().Be("election-night-live");
        backend.Simulator.ContentIds.Should().Equal("election-night-live");
        backend.Simulator.FindContent("election-night-live")!["price"]!.GetValue<decimal>().Should().Be(2);
    }

    [Fact]
    public async Task Register_is_400_with_every_field_error_and_nothing_is_sent()
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await backend.Http.PostAsJsonAsync("/admin/content", new
        {
            contentId = "has spaces",
            url = "https://news.example/x",
            price = -1,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.Should().Contain(["contentId", "title", "price"]);
        backend.Simulator.Requests.Should().BeEmpty("the SDK validates before sending");
    }

    [Fact]
    public async Task Register_is_400_when_ConsCent_rejects_a_duplicate_id()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        backend.Simulator.SeedContent("budget-2026", "Budget 2026", "https://news.example/budget", price: 5);

        using var response = await backend.Http.PostAsJsonAsync("/admin/content", new
        {
            contentId = "budget-2026",
            title = "Budget 2026 (again)",
            url = "https://news.example/budget",
            price = 5,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Contain("already exists");
    }
}
