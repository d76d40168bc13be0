using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E01–E04: the content endpoints, pinned against the docs' samples.</summary>
public sealed class ContentContractTests : ContractTestBase
{
    /// <summary>The docs' create sample, as a publisher would build it in C# (the id differs: see the next test).</summary>
    internal static CreateContentRequest SampleCreateRequest(string contentId) => new()
    {
        ContentId = contentId,
        Duration = 30,
        Title = "Test content for API functionality",
        Price = 1,
        Currency = "INR",
        Categories = new List<string> { "category1", "category2" },
        Tags = new List<string> { "entertainment", "sports" },
        Sections = new List<string> { "EDITORIAL" },
        AuthorId = "7589",
        ContentType = ContentType.Story,
        Url = "www.google.com",
        PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 3), new("IN", 5), new("US", 7) } },
        Download = new ContentDownload { Url = "https://yourdownloadurl.com", FileName = "Download File - Name", FileType = "PDF" },
        Pixels = new ContentPixels
        {
            Facebook = new FacebookPixel
            {
                PixelId = "98357934724994",
                Events = new List<FacebookPixelEvent>
                {
                    new() { EventType = PixelEventTypes.View, Name = "PageView" },
                    new() { EventType = PixelEventTypes.Conversion, Name = "Purchase", Data = JsonDocument.Parse("{\"value\":\"dataValue\"}").RootElement },
                },
            },
            Google = new GooglePixel { TrackingId = "G-RJDY8493" },
        },
    };

    [Fact]
    public async Task E01_create_content_posts_the_docs_sample_with_basic_auth()
    {
        RespondWithSample("POST", "/api/v1/content", "content-create.response.json");
        using var client = Client();

        var response = await client.Content.CreateAsync(SampleCreateRequest("testingID_For_Client_Content"));

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("POST");
        sent.AbsoluteUri.Should().Be(Base + "/api/v1/content", "no trailing slash, as in the HTTP Request line");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.ContentType.Should().Be("application/json");
        sent.Headers["User-Agent"].Should().StartWith("Conscent.Sdk/");

        var expected = Samples.Node("content-create.request.json");
        expected["contentId"] = "testingID_For_Client_Content";
        JsonNode.DeepEquals(JsonNode.Parse(sent.Body!), expected).Should().BeTrue(Encoding.UTF8.GetString(sent.Body!));

        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage;
        log!.Method.Should().Be("POST");
        log.Path.Should().Be("/api/v1/content");

        response.Message.Should().Be("New Content Created!");
        var c = response.Content!;
        c.Title.Should().Be("Test content for API functionality");
        c.Price.Should().Be(1m);
        c.Currency.Should().Be("INR");
        c.ContentId.Should().Be("testingID For Client Content");
        c.Duration.Should().Be(30m);
        c.Url.Should().Be("www.google.com");
        c.ContentType.Should().Be(ContentType.Story);
        c.Categories.Should().Equal("category1", "category2");
        c.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 3m), ("605b25824646e9233aef61b5", "IN", 5m), ("605b25824646e9233aef61b6", "US", 7m));
        c.Download!.Url.Should().Be("https://yourdownloadurl.com");
        c.Download.FileName.Should().Be("Download File - Name");
        c.Download.FileType.Should().Be("PDF");
        c.Download.S3Key.Should().Be("KeyForDownloadedFileOnS3");
        c.Pixels!.Facebook!.PixelId.Should().Be("98357934724994");
        c.Pixels.Facebook.Events!.Select(e => (e.EventType, e.Name)).Should().Equal((PixelEventTypes.View, "PageView"), (PixelEventTypes.Conversion, "Purchase"));
        c.Pixels.Facebook.Events![0].Data.Should().BeNull();
        c.Pixels.Facebook.Events![1].Data!.Value.GetProperty("value").GetString().Should().Be("dataValue");
        c.Pixels.Google!.TrackingId.Should().Be("G-RJDY8493");
        c.AdditionalProperties.Should().BeNullOrEmpty();
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E01_create_content_rejects_the_docs_own_sample_id_before_sending()
    {
        // The docs' sample id has spaces, which its own rule (letters, digits, '_' and '-') forbids.
        using var client = Client();
        var id = Samples.Node("content-create.request.json")["contentId"]!.GetValue<string>();

        var act = () => client.Content.CreateAsync(SampleCreateRequest(id));

        (await act.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "contentId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E01_create_content_lists_every_problem_in_one_exception_and_sends_nothing()
    {
        using var client = Client();
        var request = new CreateContentRequest
        {
            ContentId = new string('a', 33),
            Price = -1,
            Currency = "rupees",
            AuthorName = "Someone",
            ContentType = new ContentType("ARTICLE"),
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("XX", 1), new("IN", -2) } },
            Download = new ContentDownload { Url = "https://x", FileType = "DOCX" },
            Pixels = new ContentPixels { Facebook = new FacebookPixel { Events = new List<FacebookPixelEvent> { new() { EventType = "CLICK" } } }, Google = new GooglePixel() },
        };

        var ex = (await FluentActions.Awaiting(() => client.Content.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            "contentId", "title", "url", "price", "currency", "authorId",
            "priceOverrides.country[0].name", "priceOverrides.country[1].price",
            "download.fileName", "download.fileType",
            "pixels.facebook.pixelId", "pixels.facebook.events[0].eventType", "pixels.facebook.events[0].name", "pixels.google.trackingId");
        ex.Message.Should().Contain("nothing was sent").And.Contain("contentId");
        ex.Operation.Should().Be("Content.Create");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E01_create_content_null_request_is_a_validation_error()
    {
        using var client = Client();
        await FluentActions.Awaiting(() => client.Content.CreateAsync(null!)).Should().ThrowAsync<ConscentValidationException>();
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E02_edit_content_patches_encoded_id_without_id_in_body()
    {
        RespondWithSample("PATCH", AnyPath, "content-edit.response.json");
        using var client = Client();
        var request = new EditContentRequest
        {
            Duration = 30,
            Title = "Test content for API functionality Edited",
            Price = 1,
            Currency = "INR",
            Categories = new List<string> { "category3" },
            Url = "www.google.com",
            ContentType = ContentType.PremiumContent,
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 2), new("IN", 1), new("US", 0) } },
            Download = new ContentDownload { Url = "https://yourdownloadurl.com", FileName = "Download File - Edited Name", FileType = "PDF" },
            Pixels = SampleCreateRequest("x").Pixels,
        };

        var response = await client.Content.EditAsync("Client Content Id 11", request);

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("PATCH");
        sent.AbsoluteUri.Should().EndWith("/api/v1/content/Client%20Content%20Id%2011");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.ContentType.Should().Be("application/json");
        var expected = Samples.Node("content-edit.request.json").AsObject();
        expected.Remove("contentId"); // The id cannot be edited: it travels in the path only.
        JsonNode.DeepEquals(JsonNode.Parse(sent.Body!), expected).Should().BeTrue(Encoding.UTF8.GetString(sent.Body!));
        Mock.Server.LogEntries.Single().RequestMessage!.Path.Should().Be("/api/v1/content/Client Content Id 11");

        response.Message.Should().Be("Content Edited Successfully");
        var e = response.EditedContent!;
        e.Title.Should().Be("Client Content Id Test Edited");
        e.ContentId.Should().Be("testingID For Client Content");
        e.Price.Should().Be(1m);
        e.Currency.Should().Be("INR");
        e.Duration.Should().Be(30m);
        e.Categories.Should().Equal("category3");
        e.Url.Should().Be("https://www.yoursite.com/yournewcontent");
        e.ContentType.Should().Be(ContentType.PremiumContent);
        e.AuthorName.Should().Be("changed-author-name");
        e.AuthorId.Should().Be("changed-unique-author-id");
        e.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 2m), ("605b25824646e9233aef61b5", "IN", 1m), ("605b25824646e9233aef61b6", "US", 0m));
        e.Download!.FileName.Should().Be("Download File - Edited Name");
        e.Download.Url.Should().Be("https://yourdownloadurl.com");
        e.Download.FileType.Should().Be("PDF");
        e.Download.S3Key.Should().Be("KeyForDownloadedFileOnS3");
        e.Pixels!.Facebook!.PixelId.Should().Be("98357934724994");
        e.Pixels.Facebook.Events!.Select(x => (x.EventType, x.Name)).Should().Equal(("VIEW", "PageView"), ("CONVERSION", "Purchase"));
        e.Pixels.Facebook.Events![1].Data!.Value.GetProperty("value").GetString().Should().Be("dataValue");
        e.Pixels.Google!.TrackingId.Should().Be("G-RJDY8493");
        e.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("100%", "100%25")]
    [InlineData("a+b c", "a%2Bb%20c")]
    [InlineData("café", "caf%C3%A9")]
    public async Task E04_get_content_encodes_the_id_as_one_path_segment(string id, string encoded)
    {
        RespondWithSample("GET", AnyPath, "content-get.response.json");
        using var client = Client();

        await client.Content.GetAsync(id);

        Recorder.Sent.Single().AbsoluteUri.Should().Be(Base + "/api/v1/content/client/" + encoded);
        Mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task E04_get_content_reads_the_bare_item()
    {
        RespondWithSample("GET", "/api/v1/content/client/Client Content Id 6", "content-get.response.json");
        using var client = Client();

        var item = await client.Content.GetAsync("Client Content Id 6");

        var sent = Recorder.Sent.Single();
        sent.Method.Should().Be("GET");
        sent.AbsoluteUri.Should().EndWith("/api/v1/content/client/Client%20Content%20Id%206");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.Body.Should().BeNull();
        item.Title.Should().Be("Tesla Tequila");
        item.ContentId.Should().Be("Client Content Id 6");
        item.Categories.Should().Equal("category3");
        item.Price.Should().Be(1m);
        item.Currency.Should().Be("INR");
        item.Url.Should().Be("https://www.yoursite.com/yourcontent");
        item.Duration.Should().Be(1m);
        item.ContentType.Should().Be(ContentType.Story);
        item.PriceOverrides!.Country!.Single().Should().BeEquivalentTo(new { Id = "605b25824646e9233aef61b4", Name = "GL", Price = 2m });
    }

    [Fact]
    public async Task E04_get_content_404_is_not_found_with_the_server_message()
    {
        Respond("GET", AnyPath, "{\"message\":\"Content not found\"}", 404);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("missing")).Should().ThrowAsync<ConscentNotFoundException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ex.ServerMessage.Should().Be("Content not found");
        ex.Method.Should().Be("GET");
        ex.PathTemplate.Should().Be("/api/v1/content/client/{contentId}");
        ex.Message.Should().NotContain("missing", "the concrete id is not repeated; the template is");
        Mock.Server.LogEntries.Should().ContainSingle("404 is not retried");
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(403, typeof(ConscentAuthenticationException))]
    [InlineData(405, typeof(ConscentApiException))]
    [InlineData(406, typeof(ConscentApiException))]
    [InlineData(410, typeof(ConscentNotFoundException))]
    [InlineData(418, typeof(ConscentApiException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E01_documented_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Mock.Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("{\"error\":\"nope\"}"));
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Content.CreateAsync(SampleCreateRequest("ok_id"))).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ((int)ex.StatusCode).Should().Be(status);
        ex.ServerMessage.Should().Be("nope");
        Mock.Server.LogEntries.Should().ContainSingle("a POST answered {0} may have been processed and is not retried", status);
    }

    [Fact]
    public async Task E03_list_sends_the_paging_query_and_maps_every_field()
    {
        RespondWithSample("gET", "/api/v1/content/client", "content-list.response.json");
        using var client = Client();

        var page = await client.Content.ListAsync(new ListOptions { PageNumber = 1, PageSize = 20 }).GetPageAsync();

        var sent = Recorder.Sent.Single();
        sent.Method.Should().Be("GET");
        sent.AbsoluteUri.Should().EndWith("/api/v1/content/client?pageNumber=1&pageSize=20");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        page.Items.Should().HaveCount(2);
        var first = page.Items![0];
        first.Title.Should().Be("Client Content Id Test Edit 1");
        first.ContentId.Should().Be("Client Content Id 11");
        first.Price.Should().Be(1m);
        first.Currency.Should().Be("INR");
        first.Duration.Should().Be(2m);
        first.Categories.Should().Equal("category1", "category2");
        first.Url.Should().Be("https://www.yoursite.com/yourcontent");
        first.ContentType.Should().Be(ContentType.Story);
        first.PriceOverrides!.Country!.Single().Price.Should().Be(2m);
        first.Download.Should().BeNull();
        var second = page.Items[1];
        second.Title.Should().Be("Test content for API functionality");
        second.ContentId.Should().Be("testingID for Client Content");
        second.Price.Should().Be(3m);
        second.Categories.Should().Equal("category3");
        second.PriceOverrides.Should().BeNull();
        second.Download!.S3Key.Should().Be("KeyForDownloadedFileOnS3");
        second.Download.FileName.Should().Be("Download File - Name");
        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(20);
        page.TotalRecords.Should().Be(2);
        page.TotalPages.Should().Be(1);
    }

    [Fact]
    public async Task E03_list_content_without_options_starts_at_page_one_with_the_default_page_size()
    {
        RespondWithSample("GET", "/api/v1/content/client", "content-list.response.json");
        using var client = Client();

        await client.Content.ListAsync().GetPageAsync();

        Recorder.Sent.Single().AbsoluteUri.Should().EndWith("/api/v1/content/client?pageNumber=1&pageSize=100");
    }

    [Theory]
    [InlineData(0, 20, "pageNumber")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 1001, "pageSize")]
    public async Task E03_list_content_rejects_bad_paging_before_sending(int number, int size, string field)
    {
        using var client = Client();
        var ex = (await FluentActions.Awaiting(() => client.Content.ListAsync(new ListOptions { PageNumber = number, PageSize = size }).GetPageAsync()).Should().ThrowAsync<ConscentValidationException>()).Which;
        ex.Errors.Should().ContainSingle(e => e.Field == field);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E03_list_all_content_pages_until_total_pages()
    {
        for (var page = 1; page <= 3; page++)
        {
            var items = new JsonArray(Enumerable.Range(0, page < 3 ? 2 : 1).Select(i => (JsonNode)new JsonObject { ["contentId"] = $"p{page}-{i}" }).ToArray());
            var body = new JsonObject { ["content"] = items, ["pagination"] = new JsonObject { ["pageNumber"] = page, ["pageSize"] = 2, ["totalRecords"] = 5, ["totalPages"] = 3 } };
            Mock.Server.Given(Request.Create().WithPath("/api/v1/content/client").WithParam("pageNumber", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));
        }
        using var client = Client();

        var ids = new List<string?>();
        await foreach (var item in client.Content.ListAsync(new ListOptions { PageSize = 2 })) ids.Add(item.ContentId);

        ids.Should().Equal("p1-0", "p1-1", "p2-0", "p2-1", "p3-0");
        Mock.Server.LogEntries.Should().HaveCount(3);
        Recorder.Sent.Select(s => s.AbsoluteUri[s.AbsoluteUri.IndexOf('?', StringComparison.Ordinal)..]).Should().Equal(
            "?pageNumber=1&pageSize=2", "?pageNumber=2&pageSize=2", "?pageNumber=3&pageSize=2");
    }

    [Fact]
    public async Task E03_list_all_content_stops_on_a_short_page_without_totals()
    {
        Mock.Server.Given(Request.Create().WithPath("/api/v1/content/client").UsingGet())
            .RespondWith(Response.Create().WithBody("{\"content\":[{\"contentId\":\"only\"}]}"));
        using var client = Client();

        var items = new List<ContentItem>();
        await foreach (var item in client.Content.ListAsync(new ListOptions { PageSize = 10 })) items.Add(item);

        items.Should().ContainSingle().Which.ContentId.Should().Be("only");
        Mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task E04_get_content_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Mock.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithBody("{\"contentId\":\"x\",\"priceCategory\":\"gold\",\"brandNewField\":{\"a\":1},\"price\":\"12.50\",\"contentType\":\"AUDIOBOOK\"}"));
        using var client = Client();

        var item = await client.Content.GetAsync("x");

        item.ContentId.Should().Be("x");
        item.Title.Should().BeNull();
        item.Price.Should().Be(12.50m, "numeric strings are read as money");
        item.PriceCategory.Should().Be("gold");
        item.ContentType!.Value.Value.Should().Be("AUDIOBOOK");
        item.ContentType.Value.IsKnown.Should().BeFalse();
        item.AdditionalProperties!["brandNewField"].GetProperty("a").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\nb")]
    public async Task E04_get_content_refuses_ids_that_would_change_the_endpoint(string id)
    {
        using var client = Client();
        (await FluentActions.Awaiting(() => client.Content.GetAsync(id)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle(e => e.Field == "contentId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E02_edit_content_requires_an_id_and_sends_nothing()
    {
        using var client = Client();
        var ex = (await FluentActions.Awaiting(() => client.Content.EditAsync(" ", new EditContentRequest())).Should().ThrowAsync<ConscentValidationException>()).Which;
        ex.Errors.Should().ContainSingle(e => e.Field == "contentId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }
}
