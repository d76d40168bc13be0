using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E09–E11 (and E27's response shape): stats and the current subscriber list, GET with a POST fallback on 405; E10 per day (GetDailySeriesAsync).</summary>
public sealed class StatsContractTests : ContractTestBase
{
    private const string ContentStatsPath = "/api/v1/client/stats/content/Client%20Content%20Id%206";
    private const string ContentStatsPathDecoded = "/api/v1/client/stats/content/Client Content Id 6"; // WireMock matches decoded paths
    private const string DailyPath = "/api/v1/client/stats/daily";
    private const string SubscribersPath = "/api/v1/subscription/client/list";

    // The docs' query sample (content stats): from=2021-02-12T05:45:41.389Z&to=2021-02-13T05:45:41.389Z.
    private static readonly DateTimeOffset From = new(2021, 2, 12, 5, 45, 41, 389, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2021, 2, 13, 5, 45, 41, 389, TimeSpan.Zero);

    // The same instants written in India time: the SDK must send them in UTC with 'Z'.
    private static readonly DateTimeOffset FromIst = From.ToOffset(TimeSpan.FromHours(5.5));
    private static readonly DateTimeOffset ToIst = To.ToOffset(TimeSpan.FromHours(5.5));

    private const string DocsQuery = "from=2021-02-12T05%3A45%3A41.389Z&to=2021-02-13T05%3A45%3A41.389Z";

    private void Respond405ToGetAndSampleToPost(string path, string sample)
    {
        Respond("GET", path, ErrorBody("Method Not Allowed"), 405);
        Respond("POST", path, Samples.Text(sample));
    }

    // ---- E09 · Specific content stats ----

    [Fact]
    public async Task E09_content_stats_sends_get_with_iso_dates()
    {
        RespondToAnything(Samples.Text("stats-content.response.json"));
        using var client = Client();

        var stats = await client.Stats.GetContentStatsAsync("Client Content Id 6", FromIst, ToIst);

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("GET", "every sample uses GET, although the HTTP Request line says POST");
        sent.Uri.Should().Be(Base + ContentStatsPath + "?" + DocsQuery);
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.Body.Should().BeNull();
        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;
        log.Method.Should().Be("GET");
        log.Query!["from"].Should().Equal("2021-02-12T05:45:41.389Z");
        log.Query["to"].Should().Equal("2021-02-13T05:45:41.389Z");

        stats.Count.Should().Be(53);
        stats.Amount.Should().Be(588.74m);
        stats.Currency.Should().Be("INR");
        stats.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E09_content_stats_without_dates_sends_no_query()
    {
        RespondToAnything(Samples.Text("stats-content.response.json"));
        using var client = Client();

        await client.Stats.GetContentStatsAsync("your-content-id");

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + "/api/v1/client/stats/content/your-content-id");
    }

    [Fact]
    public async Task E09_content_stats_sends_only_the_date_given()
    {
        RespondToAnything(Samples.Text("stats-content.response.json"));
        using var client = Client();

        await client.Stats.GetContentStatsAsync("id", to: To);

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + "/api/v1/client/stats/content/id?to=2021-02-13T05%3A45%3A41.389Z");
    }

    [Fact]
    public async Task E09_content_stats_rejects_from_after_to_and_an_empty_id_before_sending()
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Stats.GetContentStatsAsync("id", To, From)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("from");
        (await FluentActions.Awaiting(() => client.Stats.GetContentStatsAsync(" ")).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("contentId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E09_content_stats_accepts_from_equal_to_to()
    {
        RespondToAnything(Samples.Text("stats-content.response.json"));
        using var client = Client();

        var stats = await client.Stats.GetContentStatsAsync("id", From, From);

        stats.Count.Should().Be(53);
    }

    [Fact]
    public async Task E09_content_stats_falls_back_to_post_on_405_and_keeps_using_it()
    {
        Respond405ToGetAndSampleToPost(ContentStatsPathDecoded, "stats-content.response.json");
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        using var client = new ConscentClient(Mock.Options(), Recorder, loggerFactory);

        var first = await client.Stats.GetContentStatsAsync("Client Content Id 6", From, To);

        first.Count.Should().Be(53);
        first.Amount.Should().Be(588.74m);
        Recorder.Sent.Select(s => (s.Method, s.Uri)).Should().Equal(
            ("GET", Base + ContentStatsPath + "?" + DocsQuery),
            ("POST", Base + ContentStatsPath + "?" + DocsQuery));
        Recorder.Sent[^1].Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        logs.GetSnapshot().Where(r => r.Id.Name == "ConscentStatsPostFallback").Should().ContainSingle()
            .Which.Message.Should().Contain("Stats.ContentStats");

        var second = await client.Stats.GetContentStatsAsync("Client Content Id 6", From, To);

        second.Currency.Should().Be("INR");
        Recorder.Sent.Select(s => s.Method).Should().Equal("GET", "POST", "POST");
        logs.GetSnapshot().Count(r => r.Id.Name == "ConscentStatsPostFallback").Should().Be(1, "the switch is logged once");
    }

    [Fact]
    public async Task E09_content_stats_fallback_is_per_endpoint()
    {
        Respond405ToGetAndSampleToPost(ContentStatsPathDecoded, "stats-content.response.json");
        Respond("GET", DailyPath, Samples.Text("stats-daily.response.json"));
        using var client = Client();

        await client.Stats.GetContentStatsAsync("Client Content Id 6");
        var daily = await client.Stats.GetDailyStatsAsync();

        daily.Consumed.Should().Be(17);
        Recorder.Sent.Select(s => s.Method).Should().Equal("GET", "POST", "GET");
    }

    [Fact]
    public async Task E09_content_stats_when_post_is_refused_too_throws_405_and_does_not_remember_post()
    {
        Respond("GET", ContentStatsPathDecoded, ErrorBody("Method Not Allowed"), 405);
        Respond("POST", ContentStatsPathDecoded, ErrorBody("Method Not Allowed"), 405);
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Stats.GetContentStatsAsync("Client Content Id 6")).Should().ThrowAsync<ConscentApiException>())
            .Which.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        await FluentActions.Awaiting(() => client.Stats.GetContentStatsAsync("Client Content Id 6")).Should().ThrowAsync<ConscentApiException>();

        Recorder.Sent.Select(s => s.Method).Should().Equal("GET", "POST", "GET", "POST");
    }

    [Fact]
    public async Task E09_content_stats_other_errors_are_not_a_fallback()
    {
        RespondToAnything(ErrorBody("Content not found"), 404);
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Stats.GetContentStatsAsync("missing")).Should().ThrowAsync<ConscentNotFoundException>())
            .Which.ServerMessage.Should().Be("Content not found");
        Recorder.Sent.Select(s => s.Method).Should().Equal("GET");
    }

    [Fact]
    public async Task E09_content_stats_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var node = Samples.Node("stats-content.response.json");
        node.AsObject().Remove("amount");
        node["futureField"] = "kept";
        RespondToAnything(node.ToJsonString());
        using var client = Client();

        var stats = await client.Stats.GetContentStatsAsync("id");

        stats.Amount.Should().BeNull();
        stats.Count.Should().Be(53);
        stats.AdditionalProperties!["futureField"].GetString().Should().Be("kept");
    }

    // ---- E10 · Daily content stats (and E27's story variant of the same path) ----

    [Fact]
    public async Task E10_daily_stats_sends_get_with_iso_dates()
    {
        Respond("GET", DailyPath, Samples.Text("stats-daily.response.json"));
        using var client = Client();

        var stats = await client.Stats.GetDailyStatsAsync(FromIst, ToIst);

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("GET");
        sent.Uri.Should().Be(Base + DailyPath + "?" + DocsQuery);
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        Mock.Server.LogEntries.Should().ContainSingle().Which.RequestMessage!.Query!["from"].Should().Equal("2021-02-12T05:45:41.389Z");

        stats.Consumed.Should().Be(17);
        stats.TotalRevenueGenerated.Should().Be(29.6m);
        stats.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E10_daily_stats_reads_the_story_apis_count_name()
    {
        Respond("GET", DailyPath, Samples.Text("story-stats-daily.response.json"));
        using var client = Client();

        var stats = await client.Stats.GetDailyStatsAsync();

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + DailyPath);
        stats.Consumed.Should().Be(17, "totalStoriesRead is the same count under the deprecated name");
        stats.TotalRevenueGenerated.Should().Be(29.6m);
        stats.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E10_daily_stats_falls_back_to_post_on_405_and_keeps_using_it()
    {
        Respond405ToGetAndSampleToPost(DailyPath, "stats-daily.response.json");
        using var client = Client();

        var first = await client.Stats.GetDailyStatsAsync(From, To);
        var second = await client.Stats.GetDailyStatsAsync(From, To);

        first.Consumed.Should().Be(17);
        second.TotalRevenueGenerated.Should().Be(29.6m);
        Recorder.Sent.Select(s => (s.Method, s.Uri)).Should().Equal(
            ("GET", Base + DailyPath + "?" + DocsQuery),
            ("POST", Base + DailyPath + "?" + DocsQuery),
            ("POST", Base + DailyPath + "?" + DocsQuery));
    }

    [Fact]
    public async Task E10_daily_stats_rejects_from_after_to_before_sending()
    {
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailyStatsAsync(To, From)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("from");
        ex.Operation.Should().Be("Stats.DailyStats");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E10_daily_stats_bad_credentials_are_an_authentication_error()
    {
        Respond("GET", DailyPath, ErrorBody("Invalid API Key & API Secret"), 401);
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Stats.GetDailyStatsAsync()).Should().ThrowAsync<ConscentAuthenticationException>())
            .Which.ServerMessage.Should().Be("Invalid API Key & API Secret");
        Recorder.Sent.Should().ContainSingle();
    }

    [Fact]
    public async Task E10_daily_stats_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var node = Samples.Node("stats-daily.response.json");
        node.AsObject().Remove("totalRevenueGenerated");
        node["currency"] = "INR";
        Respond("GET", DailyPath, node.ToJsonString());
        using var client = Client();

        var stats = await client.Stats.GetDailyStatsAsync();

        stats.TotalRevenueGenerated.Should().BeNull();
        stats.Consumed.Should().Be(17);
        stats.AdditionalProperties!["currency"].GetString().Should().Be("INR");
    }

    // ---- E10 · Daily series: one E10 call per calendar day (IStatsClient.GetDailySeriesAsync) ----
    // Concurrency, cancellation, daylight saving and argument checks run on an in-memory transport: Stats/DailySeriesTests.cs.

    private static readonly TimeSpan Ist = new(5, 30, 0);

    /// <summary>Answers E10 only for the exact from/to of one day, with that day's totals.</summary>
    private void RespondForDay(string from, string to, int consumed, decimal revenue) =>
        Mock.Server.Given(Request.Create().WithPath(DailyPath).UsingGet().WithParam("from", from).WithParam("to", to))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JsonObject { ["totalContentConsumed"] = consumed, ["totalRevenueGenerated"] = revenue }.ToJsonString()));

    private static string Wire(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task E10_daily_series_seven_utc_days_one_call_per_day_each_point_holds_its_own_days_answer_in_date_order()
    {
        var firstDay = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7; i++)
        {
            var start = firstDay.AddDays(i);
            RespondForDay(Wire(start), Wire(start.AddDays(1).AddMilliseconds(-1)), consumed: 100 + i, revenue: 10.5m * (i + 1));
        }
        using var client = Client();

        // Instants inside the first and last days: whole days are asked for, whatever the time of day.
        var series = await client.Stats.GetDailySeriesAsync(firstDay.AddHours(15).AddMinutes(20), firstDay.AddDays(6).AddHours(9));

        series.Select(p => p.Date).Should().Equal(Enumerable.Range(0, 7).Select(i => new DateTime(2026, 11, 1 + i)));
        series.Select(p => p.Stats.Consumed).Should().Equal(100, 101, 102, 103, 104, 105, 106);
        series.Select(p => p.Stats.TotalRevenueGenerated).Should().Equal(10.5m, 21m, 31.5m, 42m, 52.5m, 63m, 73.5m);
        series.Select(p => p.Start).Should().Equal(Enumerable.Range(0, 7).Select(i => firstDay.AddDays(i)));
        series.Select(p => p.End).Should().Equal(Enumerable.Range(1, 7).Select(i => firstDay.AddDays(i)));
        series.Should().OnlyContain(p => p.Start.Offset == TimeSpan.Zero);

        Recorder.Sent.Should().HaveCount(7).And.OnlyContain(s => s.Method == "GET" && s.Headers["Authorization"] == MockServer.ExpectedAuthorization);
        Recorder.Uris.Should().BeEquivalentTo(Enumerable.Range(1, 7).Select(d =>
            $"{Base}{DailyPath}?from=2026-11-{d:00}T00%3A00%3A00.000Z&to=2026-11-{d:00}T23%3A59%3A59.999Z"));
    }

    [Fact]
    public async Task E10_daily_series_india_offset_days_start_at_ist_midnight_sent_in_utc()
    {
        RespondForDay("2026-10-31T18:30:00.000Z", "2026-11-01T18:29:59.999Z", consumed: 7, revenue: 1m);
        RespondForDay("2026-11-01T18:30:00.000Z", "2026-11-02T18:29:59.999Z", consumed: 9, revenue: 2m);
        using var client = Client();

        // 20:00 UTC on 31 October is 01:30 IST on 1 November: the series starts on the 1st in India.
        var series = await client.Stats.GetDailySeriesAsync(
            new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 2, 23, 59, 0, Ist),
            new DailySeriesOptions { UtcOffset = Ist });

        series.Select(p => p.Date).Should().Equal(new DateTime(2026, 11, 1), new DateTime(2026, 11, 2));
        series.Select(p => p.Stats.Consumed).Should().Equal(7, 9);
        series[0].Start.Should().Be(new DateTimeOffset(2026, 11, 1, 0, 0, 0, Ist));
        series[0].Start.Offset.Should().Be(Ist, "a point's bounds are given in the series' own offset");
        series[1].End.Should().Be(new DateTimeOffset(2026, 11, 3, 0, 0, 0, Ist));
        Recorder.Uris.Should().BeEquivalentTo(
            Base + DailyPath + "?from=2026-10-31T18%3A30%3A00.000Z&to=2026-11-01T18%3A29%3A59.999Z",
            Base + DailyPath + "?from=2026-11-01T18%3A30%3A00.000Z&to=2026-11-02T18%3A29%3A59.999Z");
    }

    [Fact]
    public async Task E10_daily_series_india_TimeZoneInfo_sends_the_same_bounds_as_the_offset()
    {
        RespondForDay("2026-10-31T18:30:00.000Z", "2026-11-01T18:29:59.999Z", consumed: 7, revenue: 1m);
        var india = TimeZoneInfo.CreateCustomTimeZone("Test/India", Ist, "India", "IST");
        using var client = Client();

        var series = await client.Stats.GetDailySeriesAsync(
            new DateTimeOffset(2026, 11, 1, 9, 0, 0, Ist), new DateTimeOffset(2026, 11, 1, 21, 0, 0, Ist), new DailySeriesOptions { TimeZone = india });

        series.Should().ContainSingle().Which.Stats.Consumed.Should().Be(7);
        Recorder.Uris.Should().Equal(Base + DailyPath + "?from=2026-10-31T18%3A30%3A00.000Z&to=2026-11-01T18%3A29%3A59.999Z");
    }

    [Fact]
    public async Task E10_daily_series_the_first_failing_day_surfaces_as_the_typed_exception()
    {
        RespondForDay("2026-11-01T00:00:00.000Z", "2026-11-01T23:59:59.999Z", consumed: 1, revenue: 1m);
        Mock.Server.Given(Request.Create().WithPath(DailyPath).UsingGet().WithParam("from", "2026-11-02T00:00:00.000Z"))
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(ErrorBody("Invalid API Key & API Secret")));
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(
                new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), new DailySeriesOptions { MaxConcurrency = 1 }))
            .Should().ThrowAsync<ConscentAuthenticationException>()).Which;

        ex.ServerMessage.Should().Be("Invalid API Key & API Secret");
        ex.Operation.Should().Be("Stats.DailyStats");
        Recorder.Sent.Should().HaveCount(2);
    }

    [Fact]
    public async Task E10_daily_series_invalid_arguments_all_reported_at_once_nothing_sent()
    {
        using var client = Client();
        var to = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(to.AddDays(1), to,
                new DailySeriesOptions { MaxConcurrency = 0, UtcOffset = Ist, TimeZone = TimeZoneInfo.Utc }))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Operation.Should().Be("Stats.DailySeries");
        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo("from", "maxConcurrency", "utcOffset");
        Mock.Server.LogEntries.Should().BeEmpty();
        Recorder.Sent.Should().BeEmpty();
    }

    // ---- E11 · Current subscriber list ----

    [Fact]
    public async Task E11_current_subscribers_sends_get_and_maps_every_field()
    {
        Respond("gET", SubscribersPath, Samples.Text("subscription-client-list.response.json"));
        using var client = Client();

        var response = await client.Stats.ListCurrentSubscribersAsync();

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("GET");
        sent.Uri.Should().Be(Base + SubscribersPath, "no paging or filters are documented");
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.Body.Should().BeNull();
        Mock.Server.LogEntries.Should().ContainSingle().Which.RequestMessage!.Path.Should().Be(SubscribersPath);

        var s = response.Subscriptions.Should().ContainSingle().Subject;
        s.RenewSubscription.Should().BeFalse();
        s.FreeTrial!.Enabled.Should().BeFalse();
        s.FreeTrial.Duration.Should().BeNull();
        s.Id.Should().Be("617a78b780033b289c552298");
        var account = s.UserAccount!;
        account.Address!.Apartment.Should().Be("4792");
        account.Address.Area.Should().Be("Chattarpur");
        account.Address.Pincode.Should().Be("110074");
        account.Address.Landmark.Should().Be("ifelneddckjlj");
        account.Address.City.Should().Be("New Delhi");
        account.Address.State.Should().Be("Delhi");
        account.Address.Country.Should().Be("IN");
        account.Name.Should().Be("Test Name");
        account.PhoneNumber.Should().Be("9847473843");
        account.Email.Should().Be("usertesting@email.com");
        account.Id.Should().BeNull();
        s.BuyingPrice.Should().Be(96.5m);
        s.Price.Should().Be(100m);
        s.Country.Should().Be("IN");
        s.City.Should().Be("bengaluru (nagashettyhalli)");
        s.ExpiryDate.Should().Be(new DateTimeOffset(2022, 1, 28, 10, 17, 27, 354, TimeSpan.Zero));
        s.PriceDetails!.Price.Should().Be(100m);
        s.PriceDetails.Currency.Should().Be("INR");
        s.SubscriptionTitle.Should().Be("Subscription 2");
        s.OperatingSystem.Should().Be("Mac OS");
        s.Device.Should().Be(DeviceTypes.Desktop);
        s.SubscriptionType!.Physical.Should().BeFalse();
        s.SubscriptionType.Digital.Should().BeTrue();
        s.CreatedAt.Should().Be(new DateTimeOffset(2021, 10, 28, 10, 17, 27, 359, TimeSpan.Zero));
        s.AdditionalProperties.Should().BeNullOrEmpty();
        account.AdditionalProperties.Should().BeNullOrEmpty();
        account.Address.AdditionalProperties.Should().BeNullOrEmpty();
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E11_current_subscribers_reads_the_other_shapes_of_free_trial_user_account_and_pincode()
    {
        var node = Samples.Node("subscription-client-list.response.json");
        var first = node["subscriptions"]![0]!.AsObject();
        var second = first.DeepClone().AsObject();
        first["freeTrial"] = new JsonObject { ["enabled"] = true, ["duration"] = 14 };   // W4's shape
        first["userAccount"]!["address"]!["pincode"] = 110074;                             // a number
        second["freeTrial"] = true;
        second["userAccount"] = "617a78b780033b289c552200";                                 // a bare id
        node["subscriptions"]!.AsArray().Add(second);
        Respond("GET", SubscribersPath, node.ToJsonString());
        using var client = Client();

        var response = await client.Stats.ListCurrentSubscribersAsync();

        response.Subscriptions.Should().HaveCount(2);
        response.Subscriptions![0].FreeTrial!.Enabled.Should().BeTrue();
        response.Subscriptions[0].FreeTrial!.Duration.Should().Be(14m);
        response.Subscriptions[0].UserAccount!.Address!.Pincode.Should().Be("110074");
        response.Subscriptions[1].FreeTrial!.Enabled.Should().BeTrue();
        response.Subscriptions[1].UserAccount!.Id.Should().Be("617a78b780033b289c552200");
        response.Subscriptions[1].UserAccount!.Email.Should().BeNull();
    }

    [Fact]
    public async Task E11_current_subscribers_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var node = Samples.Node("subscription-client-list.response.json");
        var s = node["subscriptions"]![0]!.AsObject();
        s["autoRenew"] = "ACTIVE";
        s["userAccount"]!["gender"] = "MALE";
        foreach (var key in new[] { "freeTrial", "priceDetails", "subscriptionType", "expiryDate", "buyingPrice" }) s.Remove(key);
        node["subscriptions"]!.AsArray().Add(new JsonObject());
        Respond("GET", SubscribersPath, node.ToJsonString());
        using var client = Client();

        var response = await client.Stats.ListCurrentSubscribersAsync();

        var first = response.Subscriptions![0];
        first.AdditionalProperties!["autoRenew"].GetString().Should().Be("ACTIVE");
        first.UserAccount!.AdditionalProperties!["gender"].GetString().Should().Be("MALE");
        first.FreeTrial.Should().BeNull();
        first.PriceDetails.Should().BeNull();
        first.ExpiryDate.Should().BeNull();
        first.BuyingPrice.Should().BeNull();
        first.Price.Should().Be(100m);
        response.Subscriptions[1].Id.Should().BeNull();
    }

    [Fact]
    public async Task E11_current_subscribers_falls_back_to_post_on_405_and_keeps_using_it()
    {
        Respond405ToGetAndSampleToPost(SubscribersPath, "subscription-client-list.response.json");
        using var client = Client();

        var first = await client.Stats.ListCurrentSubscribersAsync();
        var second = await client.Stats.ListCurrentSubscribersAsync();

        first.Subscriptions.Should().ContainSingle().Which.SubscriptionTitle.Should().Be("Subscription 2");
        second.Subscriptions.Should().ContainSingle();
        Recorder.Sent.Select(r => (r.Method, r.Uri)).Should().Equal(
            ("GET", Base + SubscribersPath), ("POST", Base + SubscribersPath), ("POST", Base + SubscribersPath));
        Recorder.Sent.Should().OnlyContain(r => r.Headers["Authorization"] == MockServer.ExpectedAuthorization);
    }

    [Fact]
    public async Task E11_current_subscribers_each_hand_built_client_learns_the_fallback_for_itself()
    {
        Respond405ToGetAndSampleToPost(SubscribersPath, "subscription-client-list.response.json");
        using var client = Client();
        using var other = Client();

        await client.Stats.ListCurrentSubscribersAsync();
        await other.Stats.ListCurrentSubscribersAsync();

        // Each hand-built ConscentClient has its own runtime, so the second one learns for itself.
        Recorder.Sent.Select(r => r.Method).Should().Equal("GET", "POST", "GET", "POST");
    }

    [Fact]
    public async Task E11_current_subscribers_server_errors_on_get_are_retried()
    {
        Respond("GET", SubscribersPath, ErrorBody("boom"), 500);
        using var client = Client();

        await FluentActions.Awaiting(() => client.Stats.ListCurrentSubscribersAsync()).Should().ThrowAsync<ConscentServerException>();

        Recorder.Sent.Should().HaveCount(4, "GET is repeatable: the first attempt and 3 retries").And.OnlyContain(r => r.Method == "GET");
    }
}
