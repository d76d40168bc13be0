using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing.Tests.Infrastructure;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>E01–E07 through raw HTTP: statuses, the docs' JSON shapes, validation and auth answers.</summary>
public sealed class RawContentEndpointTests : IDisposable
{
    private readonly ConscentSimulator _sim = new();
    private readonly Raw _raw;

    public RawContentEndpointTests() => _raw = new Raw(_sim);

    public void Dispose()
    {
        _raw.Dispose();
        _sim.Dispose();
    }

    /// <summary>The docs' create sample with an id the documented rule accepts (the sample's own id has spaces, which that rule forbids).</summary>
    private static JsonObject CreateSample(string id = "testingID_For_Client_Content")
    {
        var body = Samples.Node("content-create.request.json").AsObject();
        body["contentId"] = id;
        return body;
    }

    [Fact]
    public async Task E01_create_content_answers_the_docs_shape_and_stores_it()
    {
        var (status, json, _) = await _raw.Post("/api/v1/content", CreateSample());

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("content-create.response.json");
        json!["message"]!.GetValue<string>().Should().Be("New Content Created!");
        json["content"]!["contentId"]!.GetValue<string>().Should().Be("testingID_For_Client_Content");
        json["content"]!["priceOverrides"]!["country"]!.AsArray().Select(c => c!["_id"]!.GetValue<string>()).Should().OnlyContain(id => id.Length == 24);
        json["content"]!["download"]!["s3Key"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        _sim.ContentIds.Should().Equal("testingID_For_Client_Content");
        _sim.Requests.Single().EndpointId.Should().Be("E01");
    }

    [Fact]
    public async Task E01_create_content_accepts_the_samples_trailing_slash()
    {
        var (status, _, _) = await _raw.Post("/api/v1/content/", CreateSample());
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task E01_create_content_rejects_the_docs_own_id_with_spaces()
    {
        var (status, json, _) = await _raw.Post("/api/v1/content", Samples.Node("content-create.request.json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("contentId");
        _sim.ContentIds.Should().BeEmpty();
    }

    [Theory]
    [InlineData("title", "title is required")]
    [InlineData("url", "url is required")]
    [InlineData("contentId", "contentId is required")]
    public async Task E01_create_content_required_field_missing_answers_400_naming_it(string field, string message)
    {
        var body = CreateSample();
        body.Remove(field);

        var (status, json, _) = await _raw.Post("/api/v1/content", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain(message);
    }

    [Theory]
    [InlineData("currency", "\"rupees\"", "currency")]
    [InlineData("price", "-1", "price")]
    [InlineData("contentType", "\"ARTICLE\"", "contentType")]
    [InlineData("authorName", "\"Someone\"", "authorId")]
    [InlineData("download", "{\"url\":\"https://x\",\"fileName\":\"a\",\"fileType\":\"DOCX\"}", "download.fileType")]
    [InlineData("priceOverrides", "{\"country\":[{\"name\":\"XX\",\"price\":1}]}", "priceOverrides.country[0].name")]
    [InlineData("pixels", "{\"facebook\":{\"pixelId\":\"1\",\"events\":[{\"eventType\":\"CLICK\",\"name\":\"x\"}]}}", "eventType")]
    [InlineData("pixels", "{\"google\":{}}", "pixels.google.trackingId")]
    public async Task E01_create_content_documented_constraint_broken_answers_400_naming_the_field(string field, string json, string named)
    {
        var body = CreateSample();
        if (field == "authorName") body.Remove("authorId");
        body[field] = JsonNode.Parse(json);

        var (status, answer, _) = await _raw.Post("/api/v1/content", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        answer!["message"]!.GetValue<string>().Should().Contain(named);
        _sim.ContentIds.Should().BeEmpty();
    }

    [Fact]
    public async Task E01_create_content_duplicate_id_answers_400()
    {
        (await _raw.Post("/api/v1/content", CreateSample())).Status.Should().Be(HttpStatusCode.OK);

        var (status, json, _) = await _raw.Post("/api/v1/content", CreateSample());

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("already exists");
    }

    [Theory]
    [InlineData(Auth.None)]
    [InlineData(Auth.WrongBasic)]
    [InlineData(Auth.ApiKey)]
    public async Task E01_create_content_without_the_right_basic_credentials_answers_401(Auth auth)
    {
        var (status, json, _) = await _raw.Post("/api/v1/content", CreateSample(), auth);

        status.Should().Be(HttpStatusCode.Unauthorized);
        json!["message"]!.GetValue<string>().Should().Contain("Unauthorized");
        _sim.ContentIds.Should().BeEmpty();
    }

    [Fact]
    public async Task E01_create_content_not_json_answers_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/content") { Content = new StringContent("not json") };
        request.Headers.TryAddWithoutValidation("Authorization", Raw.BasicValue(_sim.Settings.ApiKey, _sim.Settings.ApiSecret));
        using var http = new HttpClient(_sim.Handler, false) { BaseAddress = ConscentSimulator.InProcessBaseAddress };

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task E02_edit_content_answers_the_docs_shape_and_changes_the_item()
    {
        var create = CreateSample();
        create["authorName"] = "author";
        await _raw.Post("/api/v1/content", create);
        var edit = Samples.Node("content-edit.request.json").AsObject();
        edit.Remove("contentId");

        var (status, json, _) = await _raw.Patch("/api/v1/content/testingID_For_Client_Content", edit);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("content-edit.response.json");
        json!["message"]!.GetValue<string>().Should().Be("Content Edited Successfully");
        json["editedContent"]!["title"]!.GetValue<string>().Should().Be(edit["title"]!.GetValue<string>());
        _sim.FindContent("testingID_For_Client_Content")!["title"]!.GetValue<string>().Should().Be(edit["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task E02_edit_content_changing_the_id_in_the_body_answers_400()
    {
        await _raw.Post("/api/v1/content", CreateSample());
        var (status, json, _) = await _raw.Patch("/api/v1/content/testingID_For_Client_Content", new JsonObject { ["contentId"] = "other" });
        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("contentId cannot be edited");
    }

    [Fact]
    public async Task E02_edit_content_unknown_id_answers_404()
    {
        var (status, _, _) = await _raw.Patch("/api/v1/content/nope", new JsonObject { ["title"] = "x" });
        status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E03_list_content_answers_the_docs_shape_with_pagination()
    {
        var a = new JsonObject { ["contentId"] = "a1", ["title"] = "A", ["url"] = "https://x/a", ["price"] = 1, ["duration"] = 2, ["categories"] = new JsonArray("c1"), ["priceOverrides"] = JsonNode.Parse("{\"country\":[{\"name\":\"GL\",\"price\":2}]}") };
        var b = new JsonObject { ["contentId"] = "b2", ["title"] = "B", ["url"] = "https://x/b", ["price"] = 1, ["categories"] = new JsonArray("c2"), ["download"] = JsonNode.Parse("{\"url\":\"https://d\",\"fileName\":\"f\",\"fileType\":\"PDF\"}") };
        await _raw.Post("/api/v1/content", a);
        await _raw.Post("/api/v1/content", b);

        var (status, json, _) = await _raw.Get("/api/v1/content/client");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("content-list.response.json");
        json!["pagination"]!.ToJsonString().Should().Be("{\"pageNumber\":1,\"pageSize\":20,\"totalRecords\":2,\"totalPages\":1}");
    }

    [Fact]
    public async Task E03_list_content_pages_by_page_number_and_page_size()
    {
        for (var i = 0; i < 5; i++) _sim.SeedContent("c" + i, "T" + i, "https://x/" + i, 1);

        var (_, json, _) = await _raw.Get("/api/v1/content/client?pageNumber=3&pageSize=2");

        json!["content"]!.AsArray().Select(c => c!["contentId"]!.GetValue<string>()).Should().Equal("c4");
        json["pagination"]!["totalPages"]!.GetValue<int>().Should().Be(3);
        (await _raw.Get("/api/v1/content/client?pageSize=0")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task E04_get_content_decodes_the_path_and_answers_the_docs_shape()
    {
        _sim.SeedContent("Client Content Id 6", "Tesla Tequila", "https://www.yoursite.com/yourcontent", 1);
        await _raw.Patch("/api/v1/content/Client%20Content%20Id%206", new JsonObject
        {
            ["categories"] = new JsonArray("category3"),
            ["priceOverrides"] = JsonNode.Parse("{\"country\":[{\"name\":\"GL\",\"price\":2}]}"),
        });

        var (status, json, _) = await _raw.Get("/api/v1/content/client/Client%20Content%20Id%206");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("content-get.response.json");
        json!["contentId"]!.GetValue<string>().Should().Be("Client Content Id 6");
        _sim.Requests[^1].Path.Should().Be("/api/v1/content/client/Client%20Content%20Id%206");
    }

    [Fact]
    public async Task E04_get_content_unknown_id_answers_404_with_message()
    {
        var (status, json, _) = await _raw.Get("/api/v1/content/client/missing");
        status.Should().Be(HttpStatusCode.NotFound);
        json!["message"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    private void SeedBundleMembers()
    {
        foreach (var id in new[] { "Content Id 1", "Content Id 2", "Content Id 3" }) _sim.SeedContent(id, id, "https://x/" + id.Replace(' ', '-'), 1);
    }

    [Fact]
    public async Task E05_create_bundle_answers_the_docs_shape()
    {
        SeedBundleMembers();

        var (status, json, _) = await _raw.Post("/api/v1/content/bundle", Samples.Node("bundle-create.request.json"));

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("bundle-create.response.json");
        json!["content"]!["bundleContentIds"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Content Id 1", "Content Id 2", "Content Id 3");
        _sim.BundleIds.Should().Equal("Client Content Bundle 1");
    }

    [Fact]
    public async Task E05_create_bundle_with_unregistered_content_ids_answers_400_naming_them()
    {
        var (status, json, _) = await _raw.Post("/api/v1/content/bundle", Samples.Node("bundle-create.request.json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("bundleContentIds").And.Contain("Content Id 1");
        _sim.BundleIds.Should().BeEmpty();
    }

    [Fact]
    public async Task E06_edit_bundle_encoded_id_answers_the_docs_shape()
    {
        SeedBundleMembers();
        await _raw.Post("/api/v1/content/bundle", Samples.Node("bundle-create.request.json"));
        var edit = Samples.Node("bundle-edit.request.json").AsObject();

        var (status, json, _) = await _raw.Patch("/api/v1/content/bundle/Client%20Content%20Bundle%201", edit);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("bundle-edit.response.json");
        json!["editedContent"]!["title"]!.GetValue<string>().Should().Be(edit["title"]!.GetValue<string>());
        (await _raw.Patch("/api/v1/content/bundle/unknown", edit)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E07_list_bundles_answers_the_docs_shape()
    {
        SeedBundleMembers();
        await _raw.Post("/api/v1/content/bundle", Samples.Node("bundle-create.request.json"));
        var second = new JsonObject { ["contentId"] = "Bundle 2", ["bundleContentIds"] = new JsonArray("Content Id 1"), ["title"] = "B2", ["url"] = "https://x/b2", ["price"] = 10 };
        (await _raw.Post("/api/v1/content/bundle", second)).Status.Should().Be(HttpStatusCode.OK);

        var (status, json, _) = await _raw.Get("/api/v1/content/bundles");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("bundle-list.response.json");
        json!["pagination"]!["totalRecords"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Unknown_path_answers_404_and_wrong_method_answers_405_with_allow()
    {
        (await _raw.Get("/api/v1/nothing")).Status.Should().Be(HttpStatusCode.NotFound);

        var (status, _, response) = await _raw.Send(HttpMethod.Delete, "/api/v1/content/client");

        status.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var v) ? v : Array.Empty<string>())
            .Should().Contain(s => s.Contains("GET"));
    }
}
