using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing.Tests.Infrastructure;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>The deprecated story API (E22–E26) through raw HTTP.</summary>
public sealed class RawStoryEndpointTests : IDisposable
{
    private readonly ConscentSimulator _sim = new();
    private readonly Raw _raw;

    public RawStoryEndpointTests() => _raw = new Raw(_sim);

    public void Dispose()
    {
        _raw.Dispose();
        _sim.Dispose();
    }

    [Fact]
    public async Task E22_create_story_the_docs_sample_answers_the_docs_shape()
    {
        var (status, json, _) = await _raw.Post("/api/v1/story/", Samples.Node("story-create.request.json"));

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("story-create.response.json");
        json!["story"]!["duration"]!.GetValue<decimal>().Should().Be(1, "duration defaults to one day");
        _sim.StoryIds.Should().Equal("testingID For Client");
    }

    [Theory]
    [InlineData("price", "4")]
    [InlineData("priceOverrides", "{\"country\":[{\"name\":\"IN\",\"price\":4}]}")]
    public async Task E22_create_story_price_outside_the_allowed_set_answers_400(string field, string value)
    {
        var body = Samples.Node("story-create.request.json").AsObject();
        body[field] = JsonNode.Parse(value);

        var (status, json, _) = await _raw.Post("/api/v1/story", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("0, 0.01, 1, 2, 3, 5, 7, 10");
    }

    [Fact]
    public async Task E23_edit_story_answers_the_docs_shape()
    {
        var create = Samples.Node("story-create.request.json").AsObject();
        create["authorId"] = "a1";
        create["authorName"] = "Author";
        await _raw.Post("/api/v1/story", create);

        var (status, json, _) = await _raw.Patch("/api/v1/story/testingID%20For%20Client", Samples.Node("story-edit.request.json"));

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("story-edit.response.json");
        json!["editedStory"]!["priceOverrides"]!["country"]!.AsArray().Select(c => c!["price"]!.GetValue<decimal>()).Should().Equal(2, 1, 0);
        (await _raw.Patch("/api/v1/story/unknown", new JsonObject { ["title"] = "x" })).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E24_E25_list_and_get_stories_answer_the_docs_shapes()
    {
        await _raw.Post("/api/v1/story", Samples.Node("story-create.request.json"));
        await _raw.Post("/api/v1/story", new JsonObject { ["storyId"] = "Client Story Id 6", ["title"] = "Tesla Tequila", ["price"] = 1, ["url"] = "https://x" });

        var list = await _raw.Get("/api/v1/story/client");
        var get = await _raw.Get("/api/v1/story/client/testingID%20For%20Client");

        list.Json.ShouldMatchSample("story-list.response.json");
        list.Json!["pagination"]!["totalRecords"]!.GetValue<int>().Should().Be(2);
        get.Json.ShouldMatchSample("story-get.response.json");
        (await _raw.Get("/api/v1/story/client/unknown")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E26_validate_story_read_without_auth_answers_the_docs_array()
    {
        var readId = _sim.IssueStoryRead("Client Story Id");

        var (status, json, _) = await _raw.Post("/api/v1/story/read/" + readId, auth: Auth.None);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("story-read-validate.response.json");
        json![0]!["readId"]!.GetValue<string>().Should().Be(readId);
        json[0]!["payload"]!["storyId"]!.GetValue<string>().Should().Be("Client Story Id");
        (await _raw.Post("/api/v1/story/read/unknown", auth: Auth.None)).Json!.AsArray().Should().BeEmpty();
    }
}
