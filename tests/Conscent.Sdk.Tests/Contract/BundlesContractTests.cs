using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E05–E07: the bundle endpoints, pinned against the docs' samples.</summary>
public sealed class BundlesContractTests : ContractTestBase
{
    /// <summary>The docs' (repaired) create sample, as a publisher would build it in C#.</summary>
    private static CreateBundleRequest SampleCreateRequest()
    {
        var sample = Samples.Node("bundle-create.request.json");
        return new CreateBundleRequest
        {
            // No character rule is documented for bundle ids, so the docs' id with spaces is used as is.
            ContentId = sample["contentId"]!.GetValue<string>(),
            BundleContentIds = new List<string> { "Content Id 1", "Content Id 2", "Content Id 3" },
            Duration = 30,
            Title = "Test content bundle for API functionality",
            Price = 10,
            Currency = "INR",
            Categories = new List<string> { "category4", "category5" },
            ContentType = ContentType.Story,
            Url = "www.google.com",
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 3), new("IN", 5), new("US", 7) } },
        };
    }

    private static EditBundleRequest SampleEditRequest() => new()
    {
        BundleContentIds = new List<string> { "Content Id 1", "Content Id 2", "Content Id 3" },
        Duration = 30,
        Title = "Test content bundle for API functionality Edited",
        Price = 15,
        Currency = "INR",
        Categories = new List<string> { "category7" },
        Url = "www.google.com",
        ContentType = ContentType.PremiumContent,
        PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 2), new("IN", 1), new("US", 0) } },
    };

    // ---- E05 · Create content bundle ----

    [Fact]
    public async Task E05_create_bundle_posts_the_docs_sample_with_basic_auth()
    {
        Respond("POST", "/api/v1/content/bundle", Samples.Text("bundle-create.response.json"));
        using var client = Client();

        var response = await client.Bundles.CreateAsync(SampleCreateRequest());

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("POST");
        sent.Uri.Should().Be(Base + "/api/v1/content/bundle");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.ContentType.Should().Be("application/json");
        JsonNode.DeepEquals(sent.BodyJson, Samples.Node("bundle-create.request.json")).Should().BeTrue(sent.BodyText);

        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;
        log.Method.Should().Be("POST");
        log.Path.Should().Be("/api/v1/content/bundle");
        log.Headers!["Authorization"].Should().ContainSingle().Which.Should().Be(MockServer.ExpectedAuthorization);

        response.Message.Should().Be("New Content Created!");
        var b = response.Content!;
        b.Title.Should().Be("Test content bundle for API functionality");
        b.Price.Should().Be(10m);
        b.Currency.Should().Be("INR");
        b.ContentId.Should().Be("Client Content Bundle 1");
        b.BundleContentIds.Should().Equal("Content Id 1", "Content Id 2", "Content Id 3");
        b.Categories.Should().Equal("category4", "category5");
        b.Duration.Should().Be(30m);
        b.Url.Should().Be("www.google.com");
        b.ContentType.Should().Be(ContentType.Story);
        b.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 3m), ("605b25824646e9233aef61b5", "IN", 5m), ("605b25824646e9233aef61b6", "US", 7m));
        b.AdditionalProperties.Should().BeNullOrEmpty();
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E05_create_bundle_requires_id_content_ids_title_and_url_and_sends_nothing()
    {
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(new CreateBundleRequest()))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo("contentId", "bundleContentIds", "title", "url");
        ex.Operation.Should().Be("Bundles.Create");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E05_create_bundle_rejects_an_empty_bundle_or_blank_content_ids()
    {
        using var client = Client();
        var empty = SampleCreateRequest();
        empty.BundleContentIds = new List<string>();
        var blank = SampleCreateRequest();
        blank.BundleContentIds = new List<string> { "Content Id 1", " " };

        (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(empty)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("bundleContentIds");
        (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(blank)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("bundleContentIds[1]");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E05_create_bundle_applies_the_content_rules_to_price_currency_type_and_overrides()
    {
        using var client = Client();
        var request = SampleCreateRequest();
        request.Price = -1;
        request.Currency = "rupees";
        request.Duration = -2;
        request.ContentType = new ContentType("ARTICLE");
        request.PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("XX", 1), new("IN", -2) } };

        var ex = (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            "price", "currency", "duration", "priceOverrides.country[0].name", "priceOverrides.country[1].price");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E05_create_bundle_null_request_is_a_validation_error()
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(null!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("request");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E05_create_bundle_unregistered_content_ids_are_a_bad_request_with_the_servers_message()
    {
        Respond("POST", "/api/v1/content/bundle", ErrorBody("Content Id 3 is not registered"), 400);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Bundles.CreateAsync(SampleCreateRequest()))
            .Should().ThrowAsync<ConscentBadRequestException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ex.ServerMessage.Should().Be("Content Id 3 is not registered");
        Mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task E05_create_bundle_is_not_retried_after_a_500_the_server_may_have_processed()
    {
        Respond("POST", "/api/v1/content/bundle", ErrorBody("boom"), 500);
        using var client = Client();

        await FluentActions.Awaiting(() => client.Bundles.CreateAsync(SampleCreateRequest())).Should().ThrowAsync<ConscentServerException>();

        Mock.Server.LogEntries.Should().ContainSingle("a POST the server may have processed is never repeated");
    }

    [Fact]
    public async Task E05_create_bundle_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Respond("pOST", "/api/v1/content/bundle", WithExtraField("bundle-create.response.json", n => n["content"]!.AsObject()));
        using var client = Client();

        var response = await client.Bundles.CreateAsync(SampleCreateRequest());

        response.Content!.AdditionalProperties!["futureField"].GetString().Should().Be("kept");
        response.Content.Title.Should().Be("Test content bundle for API functionality");

        Mock.Server.Reset();
        var sparse = Samples.Node("bundle-create.response.json");
        var content = sparse["content"]!.AsObject();
        foreach (var key in new[] { "title", "price", "currency", "bundleContentIds", "categories", "duration", "url", "contentType", "priceOverrides" })
            content.Remove(key);
        Respond("POST", "/api/v1/content/bundle", sparse.ToJsonString());

        var minimal = await client.Bundles.CreateAsync(SampleCreateRequest());

        minimal.Content!.ContentId.Should().Be("Client Content Bundle 1");
        minimal.Content.Price.Should().BeNull();
        minimal.Content.BundleContentIds.Should().BeNull();
        minimal.Content.ContentType.Should().BeNull();
    }

    // ---- E06 · Edit content bundle ----

    [Fact]
    public async Task E06_edit_bundle_patches_the_encoded_id_and_leaves_the_id_out_of_the_body()
    {
        RespondToAnything(Samples.Text("bundle-edit.response.json"));
        using var client = Client();

        var response = await client.Bundles.EditAsync("Client Content Bundle 11", SampleEditRequest());

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("PATCH");
        sent.Uri.Should().Be(Base + "/api/v1/content/bundle/Client%20Content%20Bundle%2011", "the docs' own PHP edit sample encodes the id this way");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.ContentType.Should().Be("application/json");

        // The docs' edit sample sends "contentId" although the id "CANNOT be edited": the SDK leaves it out.
        var expected = Samples.Node("bundle-edit.request.json").AsObject();
        expected.Remove("contentId").Should().BeTrue();
        JsonNode.DeepEquals(sent.BodyJson, expected).Should().BeTrue(sent.BodyText);
        sent.BodyJson!.AsObject().ContainsKey("contentId").Should().BeFalse();

        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;
        log.Method.Should().Be("PATCH");
        log.AbsolutePath.Should().BeOneOf("/api/v1/content/bundle/Client%20Content%20Bundle%2011", "/api/v1/content/bundle/Client Content Bundle 11");

        response.Message.Should().Be("Content Edited Successfully");
        var b = response.EditedContent!;
        b.Title.Should().Be("Test content bundle for API functionality Edited");
        b.ContentId.Should().Be("Client Content Bundle 1");
        b.BundleContentIds.Should().Equal("Content Id 1", "Content Id 2", "Content Id 3");
        b.Price.Should().Be(15m);
        b.Currency.Should().Be("INR");
        b.Duration.Should().Be(30m);
        b.Categories.Should().Equal("category7");
        b.Url.Should().Be("https://www.yoursite.com/yournewcontent");
        b.ContentType.Should().Be(ContentType.PremiumContent);
        b.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 2m), ("605b25824646e9233aef61b5", "IN", 1m), ("605b25824646e9233aef61b6", "US", 0m));
        b.AdditionalProperties.Should().BeNullOrEmpty();
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("a/b?c#d%e", "a%2Fb%3Fc%23d%25e")]
    [InlineData("Bündel 1", "B%C3%BCndel%201")]
    public async Task E06_edit_bundle_encodes_every_id_as_one_path_segment(string id, string encoded)
    {
        RespondToAnything(Samples.Text("bundle-edit.response.json"));
        using var client = Client();

        await client.Bundles.EditAsync(id, new EditBundleRequest { Title = "t" });

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + "/api/v1/content/bundle/" + encoded);
    }

    [Fact]
    public async Task E06_edit_bundle_sends_only_the_fields_set()
    {
        RespondToAnything(Samples.Text("bundle-edit.response.json"));
        using var client = Client();

        await client.Bundles.EditAsync("Client Content Bundle 1", new EditBundleRequest { Price = 15 });

        JsonNode.DeepEquals(Recorder.Sent.Single().BodyJson, new JsonObject { ["price"] = 15 }).Should().BeTrue(Recorder.Sent.Single().BodyText);
    }

    [Fact]
    public async Task E06_edit_bundle_validates_id_request_and_fields_before_sending()
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Bundles.EditAsync(" ", new EditBundleRequest())).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("bundleId");
        (await FluentActions.Awaiting(() => client.Bundles.EditAsync("b1", null!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("request");
        var bad = new EditBundleRequest { BundleContentIds = new List<string>(), Currency = "inr", Price = -5, ContentType = new ContentType("ARTICLE") };
        (await FluentActions.Awaiting(() => client.Bundles.EditAsync("b1", bad)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("bundleContentIds", "currency", "price");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E06_edit_bundle_unknown_bundle_is_not_found()
    {
        RespondToAnything(ErrorBody("Content not found"), 404);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Bundles.EditAsync("nope", new EditBundleRequest { Title = "t" }))
            .Should().ThrowAsync<ConscentNotFoundException>()).Which;

        ex.ServerMessage.Should().Be("Content not found");
    }

    // ---- E07 · List content bundles ----

    [Fact]
    public async Task E07_list_bundles_gets_the_plural_path_with_paging_query()
    {
        Respond("GET", "/api/v1/content/bundles", Samples.Text("bundle-list.response.json"));
        using var client = Client();

        var page = await client.Bundles.ListAsync(new ListOptions { PageNumber = 2, PageSize = 50 }).GetPageAsync();

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("GET");
        sent.Uri.Should().Be(Base + "/api/v1/content/bundles?pageNumber=2&pageSize=50");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.Body.Should().BeNull();
        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;
        log.Path.Should().Be("/api/v1/content/bundles");
        log.Query!["pageNumber"].Should().Equal("2");
        log.Query["pageSize"].Should().Equal("50");

        page.Items.Should().HaveCount(2);
        var first = page.Items![0];
        first.Title.Should().Be("Client Content Bundle Edit 2");
        first.ContentId.Should().Be("Client Content Bundle 2");
        first.BundleContentIds.Should().Equal("Content Id 4", "Content Id 5");
        first.Price.Should().Be(10m);
        first.Currency.Should().Be("INR");
        first.Duration.Should().Be(2m);
        first.Categories.Should().Equal("category7");
        first.Url.Should().Be("https://www.yoursite.com/yourcontent");
        first.ContentType.Should().Be(ContentType.Story);
        first.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(("605b25824646e9233aef61b4", "GL", 2m));

        var second = page.Items[1];
        second.Title.Should().Be("Test content bundle for API functionality");
        second.BundleContentIds.Should().Equal("Content Id 1", "Content Id 2", "Content Id 3");
        second.ContentId.Should().Be("Client Content Bundle 1");
        second.Price.Should().Be(15m);
        second.Currency.Should().Be("INR");
        second.Duration.Should().Be(30m);
        second.Url.Should().Be("https://www.yoursite.com/yourcontent");
        second.ContentType.Should().Be(ContentType.Story);
        second.Categories.Should().BeNull("the second sample item has no categories");
        second.PriceOverrides.Should().BeNull("the second sample item has no overrides");

        page.PageNumber.Should().Be(2, "the page asked for");
        page.PageSize.Should().Be(50);
        page.TotalRecords.Should().Be(2);
        page.TotalPages.Should().Be(1);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E07_list_bundles_without_options_starts_at_page_one_with_the_default_page_size()
    {
        Respond("GET", "/api/v1/content/bundles", Samples.Text("bundle-list.response.json"));
        using var client = Client();

        await client.Bundles.ListAsync().GetPageAsync();

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + "/api/v1/content/bundles?pageNumber=1&pageSize=100");
    }

    [Theory]
    [InlineData(0, 20, "pageNumber")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 1001, "pageSize")]
    public async Task E07_list_bundles_rejects_bad_paging_before_sending(int pageNumber, int pageSize, string field)
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Bundles.ListAsync(new ListOptions { PageNumber = pageNumber, PageSize = pageSize }).GetPageAsync())
            .Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E07_list_bundles_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var node = Samples.Node("bundle-list.response.json");
        node["content"]![0]!["futureField"] = "kept";
        node["futureTop"] = 1;
        node["content"]!.AsArray().Add(new JsonObject());
        node.AsObject().Remove("pagination");
        Respond("GET", "/api/v1/content/bundles", node.ToJsonString());
        using var client = Client();

        var page = await client.Bundles.ListAsync().GetPageAsync();

        page.Items![0].AdditionalProperties!["futureField"].GetString().Should().Be("kept");
        page.AdditionalProperties!["futureTop"].GetInt32().Should().Be(1);
        page.Items.Should().HaveCount(3);
        page.Items[2].ContentId.Should().BeNull();
        page.TotalPages.Should().BeNull("the answer has no pagination block");
        page.TotalRecords.Should().BeNull();
    }

    [Fact]
    public async Task E07_list_bundles_bad_credentials_are_an_authentication_error()
    {
        Respond("GET", "/api/v1/content/bundles", ErrorBody("Invalid API Key & API Secret"), 401);
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Bundles.ListAsync().GetPageAsync()).Should().ThrowAsync<ConscentAuthenticationException>())
            .Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task E07_list_all_bundles_walks_pages_until_total_pages()
    {
        for (var pageNumber = 1; pageNumber <= 2; pageNumber++)
        {
            var node = Samples.Node("bundle-list.response.json");
            node["pagination"]!["pageNumber"] = pageNumber;
            node["pagination"]!["pageSize"] = 2;
            node["pagination"]!["totalRecords"] = 4;
            node["pagination"]!["totalPages"] = 2;
            Mock.Server.Given(Request.Create().WithPath("/api/v1/content/bundles").UsingGet().WithParam("pageNumber", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(node.ToJsonString()));
        }
        using var client = Client();

        var all = new List<BundleItem>();
        await foreach (var bundle in client.Bundles.ListAsync(new ListOptions { PageSize = 2 })) all.Add(bundle);

        all.Select(b => b.ContentId).Should().Equal("Client Content Bundle 2", "Client Content Bundle 1", "Client Content Bundle 2", "Client Content Bundle 1");
        Recorder.Sent.Select(s => s.Uri).Should().Equal(
            Base + "/api/v1/content/bundles?pageNumber=1&pageSize=2",
            Base + "/api/v1/content/bundles?pageNumber=2&pageSize=2");
    }

    [Fact]
    public void E07_list_all_bundles_rejects_a_bad_page_size_at_once()
    {
        using var client = Client();

        var act = () => client.Bundles.ListAsync(new ListOptions { PageSize = 0 });

        act.Should().Throw<ConscentValidationException>().Which.Errors.Should().ContainSingle().Which.Field.Should().Be("pageSize");
        Mock.Server.LogEntries.Should().BeEmpty();
    }
}
