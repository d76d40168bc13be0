#pragma warning disable CS0618 // The story API is deprecated; these tests pin it for the publishers still on it.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E22–E27: the deprecated story API (003), pinned against the docs' samples.</summary>
public sealed class StoriesContractTests : ContractTestBase
{
    /// <summary>The docs' create sample (the story API's curl request), as a publisher would build it in C#.</summary>
    internal static CreateStoryRequest SampleCreateRequest() => new()
    {
        StoryId = "testingID For Client",
        Title = "Test story for API functionality",
        Price = 1,
        Url = "www.google.com",
        PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 3), new("IN", 5), new("US", 7) } },
    };

    // ---- E22 create ----

    [Fact]
    public async Task E22_create_story_posts_the_docs_sample_with_basic_auth()
    {
        RespondWithSample("POST", AnyPath, "story-create.response.json");
        using var client = Client();

        var response = await client.Stories.CreateAsync(SampleCreateRequest());

        var log = SingleRequest();
        log.Method.Should().Be("POST");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story", "no trailing slash, as in the HTTP Request line");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Headers["Content-Type"].Single().Should().StartWith("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(log.Body!), Samples.Node("story-create.request.json")).Should().BeTrue(log.Body);

        response.Message.Should().Be("New Story Created!");
        var s = response.Story!;
        s.Title.Should().Be("Test story for API functionality");
        s.Price.Should().Be(1m);
        s.StoryId.Should().Be("testingID For Client");
        s.Duration.Should().Be(1m);
        s.Url.Should().Be("www.google.com");
        s.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 3m), ("605b25824646e9233aef61b5", "IN", 5m), ("605b25824646e9233aef61b6", "US", 7m));
        s.AdditionalProperties.Should().BeNullOrEmpty();
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.01")]
    [InlineData("1")]
    [InlineData("1.00")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("5")]
    [InlineData("7")]
    [InlineData("10")]
    public async Task E22_create_story_accepts_every_price_on_the_list(string price)
    {
        RespondWithSample("POST", AnyPath, "story-create.response.json");
        using var client = Client();
        var request = SampleCreateRequest();
        request.Price = decimal.Parse(price, CultureInfo.InvariantCulture);
        request.PriceOverrides!.Country![0].Price = request.Price;

        await client.Stories.CreateAsync(request);

        var body = JsonNode.Parse(SingleRequest().Body!)!;
        body["price"]!.GetValue<decimal>().Should().Be(request.Price!.Value);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0.5")]
    [InlineData("-1")]
    [InlineData("100")]
    [InlineData("0.001")]
    public async Task E22_create_story_rejects_a_price_off_the_list_and_sends_nothing(string price)
    {
        using var client = Client();
        var request = SampleCreateRequest();
        request.Price = decimal.Parse(price, CultureInfo.InvariantCulture);

        var ex = (await FluentActions.Awaiting(() => client.Stories.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("price");
        ex.Message.Should().Contain("price").And.Contain("0, 0.01, 1, 2, 3, 5, 7, 10");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E22_create_story_rejects_an_override_price_off_the_list_and_sends_nothing()
    {
        using var client = Client();
        var request = SampleCreateRequest();
        request.PriceOverrides!.Country![1].Price = 4;

        var ex = (await FluentActions.Awaiting(() => client.Stories.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("priceOverrides.country[1].price");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E22_create_story_lists_every_missing_required_field_and_sends_nothing()
    {
        using var client = Client();
        var request = new CreateStoryRequest
        {
            AuthorName = "Someone",
            Duration = -1,
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("XX", 1), new() { Name = "IN" }, null! } },
        };

        var ex = (await FluentActions.Awaiting(() => client.Stories.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            "storyId", "title", "price", "url", "duration", "authorId",
            "priceOverrides.country[0].name", "priceOverrides.country[1].price", "priceOverrides.country[2]");
        ex.Operation.Should().Be("Stories.Create");
        ex.Message.Should().Contain("nothing was sent");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E22_create_story_duration_is_optional_and_sent_when_given()
    {
        RespondWithSample("POST", AnyPath, "story-create.response.json");
        using var client = Client();
        var request = SampleCreateRequest();
        request.Duration = 2;
        request.AuthorId = "a-1";
        request.AuthorName = "Author";

        await client.Stories.CreateAsync(request);

        var expected = Samples.Node("story-create.request.json").AsObject();
        expected["duration"] = 2;
        expected["authorId"] = "a-1";
        expected["authorName"] = "Author";
        JsonNode.DeepEquals(JsonNode.Parse(SingleRequest().Body!), expected).Should().BeTrue();
    }

    [Fact]
    public async Task E22_create_story_null_request_is_a_validation_error()
    {
        using var client = Client();
        await FluentActions.Awaiting(() => client.Stories.CreateAsync(null!)).Should().ThrowAsync<ConscentValidationException>();
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(403, typeof(ConscentAuthenticationException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(405, typeof(ConscentApiException))]
    [InlineData(406, typeof(ConscentApiException))]
    [InlineData(410, typeof(ConscentNotFoundException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E22_create_story_documented_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Respond("POST", AnyPath, "{\"message\":\"Invalid price\"}", status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stories.CreateAsync(SampleCreateRequest())).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ((int)ex.StatusCode).Should().Be(status);
        ex.ServerMessage.Should().Be("Invalid price");
        ex.PathTemplate.Should().Be("/api/v1/story");
        Mock.Server.LogEntries.Should().ContainSingle("a POST answered {0} may have been processed and is not retried", status);
    }

    // ---- E23 edit ----

    [Fact]
    public async Task E23_edit_story_patches_encoded_id_without_id_in_body()
    {
        RespondWithSample("PATCH", AnyPath, "story-edit.response.json");
        using var client = Client();
        var request = new EditStoryRequest
        {
            Title = "Test story for API functionality Edited",
            Price = 1,
            Url = "www.google.com",
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("GL", 2), new("IN", 1), new("US", 0) } },
        };

        var response = await client.Stories.EditAsync("Client Story Id 11", request);

        var log = SingleRequest();
        log.Method.Should().Be("PATCH");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/Client%20Story%20Id%2011", "as in the docs' PHP edit sample");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Headers["Content-Type"].Single().Should().StartWith("application/json");
        var expected = Samples.Node("story-edit.request.json").AsObject();
        expected.Remove("storyId"); // The id cannot be edited: it travels in the path only.
        JsonNode.DeepEquals(JsonNode.Parse(log.Body!), expected).Should().BeTrue(log.Body);

        response.Message.Should().Be("Story Edited Successfully");
        var e = response.EditedStory!;
        e.Title.Should().Be("Client Story Id Test Edited");
        e.StoryId.Should().Be("testingID For Client");
        e.Price.Should().Be(1m);
        e.Duration.Should().Be(2m);
        e.Url.Should().Be("https://www.yoursite.com/yournewstory");
        e.AuthorName.Should().Be("changed-author-name");
        e.AuthorId.Should().Be("changed-unique-author-id");
        e.PriceOverrides!.Country!.Select(o => (o.Id, o.Name, o.Price)).Should().Equal(
            ("605b25824646e9233aef61b4", "GL", 2m), ("605b25824646e9233aef61b5", "IN", 1m), ("605b25824646e9233aef61b6", "US", 0m));
        e.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E23_edit_story_sends_only_the_fields_set()
    {
        RespondWithSample("pATCH", AnyPath, "story-edit.response.json");
        using var client = Client();

        await client.Stories.EditAsync("s1", new EditStoryRequest { Duration = 2 });

        JsonNode.DeepEquals(JsonNode.Parse(SingleRequest().Body!), new JsonObject { ["duration"] = 2 }).Should().BeTrue();
    }

    [Fact]
    public async Task E23_edit_story_rejects_bad_id_prices_and_author_and_sends_nothing()
    {
        using var client = Client();
        var request = new EditStoryRequest
        {
            Price = 6,
            AuthorName = "x",
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("IN", 0.02m) } },
        };

        var ex = (await FluentActions.Awaiting(() => client.Stories.EditAsync(" ", request)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo("storyId", "price", "authorId", "priceOverrides.country[0].price");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E23_edit_story_null_request_is_a_validation_error()
    {
        using var client = Client();
        (await FluentActions.Awaiting(() => client.Stories.EditAsync("s1", null!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle(e => e.Field == "request");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    // ---- E24 list ----

    [Fact]
    public async Task E24_list_stories_sends_paging_query_and_maps_every_field()
    {
        RespondWithSample("gET", AnyPath, "story-list.response.json");
        using var client = Client();

        var page = await client.Stories.ListAsync(new ListOptions { PageNumber = 1, PageSize = 20 }).GetPageAsync();

        var log = SingleRequest();
        log.Method.Should().Be("GET");
        log.AbsolutePath.Should().Be("/api/v1/story/client");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/client?pageNumber=1&pageSize=20");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Body.Should().BeNullOrEmpty();

        page.Items.Should().HaveCount(2);
        var first = page.Items![0];
        first.Title.Should().Be("Client Story Id Test Edit 1");
        first.StoryId.Should().Be("Client Story Id 11");
        first.Price.Should().Be(1m);
        first.Duration.Should().Be(2m);
        first.Url.Should().Be("https://www.yoursite.com/yourstory");
        first.PriceOverrides!.Country!.Single().Should().BeEquivalentTo(new { Id = "605b25824646e9233aef61b4", Name = "GL", Price = 2m });
        var second = page.Items[1];
        second.Title.Should().Be("Test story for API functionality");
        second.StoryId.Should().Be("testingID31 - bhileknwlq");
        second.Price.Should().Be(3m);
        second.Duration.Should().Be(2m);
        second.Url.Should().Be("https://www.yoursite.com/yourstory");
        second.PriceOverrides.Should().BeNull();
        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(20);
        page.TotalRecords.Should().Be(2);
        page.TotalPages.Should().Be(1);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E24_list_stories_without_options_starts_at_page_one_with_the_default_page_size()
    {
        RespondWithSample("GET", AnyPath, "story-list.response.json");
        using var client = Client();

        await client.Stories.ListAsync().GetPageAsync();

        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/client?pageNumber=1&pageSize=100");
    }

    [Theory]
    [InlineData(0, 20, "pageNumber")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 1001, "pageSize")]
    public async Task E24_list_stories_rejects_bad_paging_before_sending(int number, int size, string field)
    {
        using var client = Client();
        var ex = (await FluentActions.Awaiting(() => client.Stories.ListAsync(new ListOptions { PageNumber = number, PageSize = size }).GetPageAsync()).Should().ThrowAsync<ConscentValidationException>()).Which;
        ex.Errors.Should().ContainSingle(e => e.Field == field);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E24_list_all_stories_pages_until_total_pages()
    {
        for (var page = 1; page <= 3; page++)
        {
            var items = new JsonArray(Enumerable.Range(0, page < 3 ? 2 : 1).Select(i => (JsonNode)new JsonObject { ["storyId"] = $"p{page}-{i}" }).ToArray());
            var body = new JsonObject { ["stories"] = items, ["pagination"] = new JsonObject { ["pageNumber"] = page, ["pageSize"] = 2, ["totalRecords"] = 5, ["totalPages"] = 3 } };
            Mock.Server.Given(Request.Create().WithPath("/api/v1/story/client").WithParam("pageNumber", page.ToString(CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));
        }
        using var client = Client();

        var ids = new List<string?>();
        await foreach (var story in client.Stories.ListAsync(new ListOptions { PageSize = 2 })) ids.Add(story.StoryId);

        ids.Should().Equal("p1-0", "p1-1", "p2-0", "p2-1", "p3-0");
        Recorder.Uris.Select(u => u[u.IndexOf('?', StringComparison.Ordinal)..]).Should().Equal(
            "?pageNumber=1&pageSize=2", "?pageNumber=2&pageSize=2", "?pageNumber=3&pageSize=2");
    }

    [Fact]
    public async Task E24_list_all_stories_stops_on_an_empty_page()
    {
        Respond("GET", AnyPath, "{\"stories\":[]}");
        using var client = Client();

        var stories = new List<Story>();
        await foreach (var story in client.Stories.ListAsync()) stories.Add(story);

        stories.Should().BeEmpty();
        Mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task E24_list_all_stories_rejects_a_bad_page_size_before_sending()
    {
        using var client = Client();
        FluentActions.Invoking(() => client.Stories.ListAsync(new ListOptions { PageSize = 0 })).Should().Throw<ConscentValidationException>()
            .Which.Errors.Should().ContainSingle(e => e.Field == "pageSize");
        Mock.Server.LogEntries.Should().BeEmpty();
        await Task.CompletedTask;
    }

    // ---- E25 get ----

    [Fact]
    public async Task E25_get_story_reads_the_bare_story_from_an_encoded_path()
    {
        RespondWithSample("GET", AnyPath, "story-get.response.json");
        using var client = Client();

        var story = await client.Stories.GetAsync("Client Story Id 6");

        var log = SingleRequest();
        log.Method.Should().Be("GET");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/client/Client%20Story%20Id%206", "as in the docs' get-story samples");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Body.Should().BeNullOrEmpty();
        story.Title.Should().Be("Tesla Tequila");
        story.StoryId.Should().Be("Client Story Id 6");
        story.Price.Should().Be(1m);
        story.Url.Should().Be("https://www.yoursite.com/yourstory");
        story.Duration.Should().Be(1m);
        story.PriceOverrides!.Country!.Single().Should().BeEquivalentTo(new { Id = "605b25824646e9233aef61b4", Name = "GL", Price = 2m });
        story.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("100%", "100%25")]
    [InlineData("a+b c", "a%2Bb%20c")]
    [InlineData("café", "caf%C3%A9")]
    public async Task E25_get_story_encodes_the_id_as_one_path_segment(string id, string encoded)
    {
        RespondWithSample("GET", AnyPath, "story-get.response.json");
        using var client = Client();

        await client.Stories.GetAsync(id);

        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/client/" + encoded);
    }

    [Fact]
    public async Task E25_get_story_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Respond("gET", AnyPath, "{\"storyId\":\"x\",\"price\":\"2.00\",\"isDeleted\":false}");
        using var client = Client();

        var story = await client.Stories.GetAsync("x");

        story.StoryId.Should().Be("x");
        story.Title.Should().BeNull();
        story.Price.Should().Be(2m);
        story.AdditionalProperties!["isDeleted"].GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task E25_get_story_404_is_not_found_without_the_id()
    {
        Respond("GET", AnyPath, "{\"message\":\"Story not found\"}", 404);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stories.GetAsync("secret-story")).Should().ThrowAsync<ConscentNotFoundException>()).Which;

        ex.ServerMessage.Should().Be("Story not found");
        ex.PathTemplate.Should().Be("/api/v1/story/client/{storyId}");
        ex.Message.Should().NotContain("secret-story");
        Mock.Server.LogEntries.Should().ContainSingle("404 is not retried");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\nb")]
    public async Task E25_get_story_refuses_unusable_ids_and_sends_nothing(string id)
    {
        using var client = Client();
        (await FluentActions.Awaiting(() => client.Stories.GetAsync(id)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle(e => e.Field == "storyId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    // ---- E26 validate read ----

    [Fact]
    public async Task E26_validate_story_read_posts_without_auth_and_reads_the_array_answer()
    {
        RespondWithSample("POST", AnyPath, "story-read-validate.response.json");
        using var client = Client();

        var read = await client.Stories.ValidateReadAsync("11c369df-2a30-4a0d-90dc-5a45797dacdd");

        var log = SingleRequest();
        log.Method.Should().Be("POST");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/read/11c369df-2a30-4a0d-90dc-5a45797dacdd");
        log.Headers!.Keys.Should().NotContain(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase), "the docs show no auth for read validation");
        log.Headers.Keys.Should().NotContain(k => string.Equals(k, "X-API-KEY", StringComparison.OrdinalIgnoreCase));
        log.Body.Should().BeNullOrEmpty();

        read.Should().NotBeNull();
        read!.Message.Should().Be("Story Read Confirmed");
        read.Payload!.ClientId.Should().Be("5fbb40b07dd98b0e89d90a25");
        read.Payload.StoryId.Should().Be("Client Story Id");
        read.Payload.CreatedAt.Should().Be(new DateTimeOffset(2020, 11, 15, 13, 55, 36, 659, TimeSpan.Zero));
        read.ReadId.Should().Be("11c369df-2a30-4a0d-90dc-5a45797dacdd");
        read.Signature.Should().Be("4379hrm47mo34m2340cny2rcn487cn209842cr474107nc409c4");
        read.AdditionalProperties.Should().BeNullOrEmpty();
        read.Payload.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E26_validate_story_read_accepts_a_bare_object_shaped_like_the_callback()
    {
        RespondWithSample("POST", AnyPath, "story-paywall-success-callback.json");
        using var client = Client();

        var read = await client.Stories.ValidateReadAsync("a0c433af-a413-49e1-9f40-ce1fbd63f568");

        read!.Message.Should().Be("Story Purchased Successfully");
        read.Payload!.ClientId.Should().Be("5fbb40b07dd98b0e89d90a25");
        read.Payload.StoryId.Should().Be("Client Story Id 5");
        read.Payload.CreatedAt.Should().Be(new DateTimeOffset(2020, 12, 29, 5, 51, 31, 116, TimeSpan.Zero));
        read.ReadId.Should().Be("a0c433af-a413-49e1-9f40-ce1fbd63f568");
        read.Signature.Should().Be("74h9xm2479m7x792nxx247998975393x08y9hubrufyfy3348oqpqqpyg78fhfurifr3");
    }

    [Fact]
    public async Task E26_validate_story_read_empty_array_means_no_such_read()
    {
        Respond("POST", AnyPath, " [ ] ");
        using var client = Client();

        var read = await client.Stories.ValidateReadAsync("unknown");

        read.Should().BeNull();
    }

    [Fact]
    public async Task E26_validate_story_read_keeps_unknown_fields_such_as_access_time_left()
    {
        Respond("pOST", AnyPath, "[{\"readId\":\"r1\",\"accessTimeLeft\":3600,\"payload\":{\"storyId\":\"s\"}}]");
        using var client = Client();

        var read = await client.Stories.ValidateReadAsync("r1");

        read!.ReadId.Should().Be("r1");
        read.Message.Should().BeNull();
        read.Payload!.ClientId.Should().BeNull();
        read.AdditionalProperties!["accessTimeLeft"].GetInt32().Should().Be(3600);
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("[1")]
    [InlineData("not json")]
    public async Task E26_validate_story_read_unreadable_answer_is_a_serialization_error(string body)
    {
        Respond("POST", AnyPath, body);
        using var client = Client();

        await FluentActions.Awaiting(() => client.Stories.ValidateReadAsync("r1")).Should().ThrowAsync<ConscentSerializationException>();
    }

    [Fact]
    public async Task E26_validate_story_read_encodes_the_read_id_and_requires_one()
    {
        RespondWithSample("POST", AnyPath, "story-read-validate.response.json");
        using var client = Client();

        await client.Stories.ValidateReadAsync("a b/c");
        Recorder.Uris.Single().Should().Be(Base + "/api/v1/story/read/a%20b%2Fc");

        (await FluentActions.Awaiting(() => client.Stories.ValidateReadAsync(" ")).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle(e => e.Field == "readId");
        Mock.Server.LogEntries.Should().ContainSingle("the invalid call sent nothing");
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E26_validate_story_read_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Respond("POST", AnyPath, "{\"message\":\"Invalid readId\"}", status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stories.ValidateReadAsync("r1")).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ex.ServerMessage.Should().Be("Invalid readId");
    }

    // ---- E27 daily stats ----

    [Fact]
    public async Task E27_story_daily_stats_sends_get_with_iso_dates_and_maps_the_story_fields()
    {
        RespondWithSample("gET", AnyPath, "story-stats-daily.response.json");
        using var client = Client();

        var stats = await client.Stories.GetDailyStatsAsync(
            new DateTimeOffset(2021, 2, 12, 11, 15, 41, 389, TimeSpan.FromHours(5.5)),
            new DateTimeOffset(2021, 2, 13, 5, 45, 41, 389, TimeSpan.Zero));

        var log = SingleRequest();
        log.Method.Should().Be("GET", "every docs sample uses GET, although the HTTP Request line says POST");
        log.AbsolutePath.Should().Be("/api/v1/client/stats/daily");
        log.Query!.Keys.Should().Equal("from", "to");
        log.Query["from"].Single().Should().Be("2021-02-12T05:45:41.389Z", "UTC with milliseconds, as in the docs' curl sample");
        log.Query["to"].Single().Should().Be("2021-02-13T05:45:41.389Z");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Body.Should().BeNullOrEmpty();

        stats.TotalStoriesRead.Should().Be(17);
        stats.TotalRevenueGenerated.Should().Be(29.6m);
        stats.TotalContentConsumed.Should().BeNull();
        stats.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E27_story_daily_stats_without_dates_sends_no_query()
    {
        RespondWithSample("GET", AnyPath, "story-stats-daily.response.json");
        using var client = Client();

        await client.Stories.GetDailyStatsAsync();

        Recorder.Uris.Single().Should().Be(Base + "/api/v1/client/stats/daily");
    }

    [Fact]
    public async Task E27_story_daily_stats_reads_the_current_apis_shape_of_the_same_path()
    {
        RespondWithSample("GET", AnyPath, "stats-daily.response.json");
        using var client = Client();

        var stats = await client.Stories.GetDailyStatsAsync();

        var expected = Samples.Node("stats-daily.response.json");
        stats.TotalContentConsumed.Should().Be(expected["totalContentConsumed"]!.GetValue<long>());
        stats.TotalRevenueGenerated.Should().Be(expected["totalRevenueGenerated"]!.GetValue<decimal>());
        stats.TotalStoriesRead.Should().BeNull();
    }

    [Fact]
    public async Task E27_story_daily_stats_falls_back_to_post_on_405_and_keeps_using_post()
    {
        Respond("GET", AnyPath, "{\"message\":\"Method Not Allowed\"}", 405);
        RespondWithSample("POST", AnyPath, "story-stats-daily.response.json");
        using var client = Client();
        var from = new DateTimeOffset(2021, 2, 12, 5, 45, 41, 389, TimeSpan.Zero);

        var first = await client.Stories.GetDailyStatsAsync(from, from.AddDays(1));
        var second = await client.Stories.GetDailyStatsAsync();

        first.TotalStoriesRead.Should().Be(17);
        second.TotalRevenueGenerated.Should().Be(29.6m);
        var methods = Mock.Server.LogEntries.Select(l => l.RequestMessage!.Method).ToList();
        methods.Should().Equal("GET", "POST", "POST");
        var retried = Mock.Server.LogEntries.ElementAt(1).RequestMessage!;
        retried.Query!["from"].Single().Should().Be("2021-02-12T05:45:41.389Z", "the POST repeats the same query");
        retried.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
    }

    [Fact]
    public async Task E27_story_daily_stats_rejects_from_after_to_and_sends_nothing()
    {
        using var client = Client();
        var to = new DateTimeOffset(2021, 2, 12, 0, 0, 0, TimeSpan.Zero);

        var ex = (await FluentActions.Awaiting(() => client.Stories.GetDailyStatsAsync(to.AddDays(1), to)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle(e => e.Field == "from");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(429, typeof(ConscentRateLimitedException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E27_story_daily_stats_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Respond("GET", AnyPath, "{\"message\":\"nope\"}", status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stories.GetDailyStatsAsync()).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ex.ServerMessage.Should().Be("nope");
        Mock.Server.LogEntries.Should().OnlyContain(l => l.RequestMessage!.Method == "GET", "only 405 switches to POST");
    }
}
