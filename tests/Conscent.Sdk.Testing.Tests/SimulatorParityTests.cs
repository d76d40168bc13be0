using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

#pragma warning disable CS0618 // The deprecated story API is part of the contract too.

namespace Conscent.Sdk.Testing.Tests;

/// <summary>
/// The simulator honours the same contract as the WireMock contract tests: every public SDK call, driven through the
/// in-process handler and through the loopback server, gets the typed answer the SDK expects, and the simulator
/// records the method, the path as sent (percent-encoded), the query and the kind of authentication the docs give.
/// </summary>
public sealed class SimulatorParityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 1, 31, 23, 59, 59, 999, TimeSpan.Zero);

    private readonly ConscentSimulator _sim = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sim.DisposeAsync().AsTask();

    public static TheoryData<SimulatorTransport> Transports => new() { SimulatorTransport.Handler, SimulatorTransport.Server };

    private async Task<ConscentClient> Client(SimulatorTransport transport)
    {
        if (transport == SimulatorTransport.Handler) return new ConscentClient(_sim.CreateOptions(), _sim.Handler);
        var address = await _sim.StartServerAsync();
        var options = _sim.CreateOptions(address);
        options.BaseAddress.Should().Be(address);
        return new ConscentClient(options);
    }

    /// <summary>Asserts the requests recorded since the last call, in order, then forgets them.</summary>
    private void Saw(SimulatorTransport transport, params (string Method, string Path, SimulatedAuth Auth, string EndpointId)[] expected)
    {
        var requests = _sim.Requests;
        requests.Select(r => (r.Method, r.Path, r.Auth, r.EndpointId ?? "")).Should().Equal(expected);
        requests.Should().OnlyContain(r => r.Transport == transport && r.StatusCode == 200 && r.Fault == null);
        foreach (var r in requests)
        {
            if (r.Auth == SimulatedAuth.None)
            {
                r.Header("Authorization").Should().BeNull($"{r.EndpointId} is sent without credentials");
                r.Header("X-API-KEY").Should().BeNull();
            }
            if (r.Auth == SimulatedAuth.ValidBasic) r.Header("Authorization").Should().Be("Basic ***");
            if (r.Body is not null) r.Header("Content-Type").Should().StartWith("application/json");
        }
        _sim.ClearRequests();
    }


    /// <summary>
    /// Everything the simulator answered is mapped by the SDK: no model in the graph has unknown fields left in
    /// <see cref="ConscentModel.AdditionalProperties"/> (the simulator sends the SDK's contract, not a shape of its own).
    /// </summary>
    private static void AllFieldsMapped(object? model, string path = "$")
    {
        switch (model)
        {
            case null:
                return;
            case string or System.Text.Json.JsonElement:
                return;
            case ConscentModel m:
                (m.AdditionalProperties?.Keys ?? Enumerable.Empty<string>()).Should().BeEmpty($"{path} ({m.GetType().Name}) should have no unmapped fields");
                foreach (var property in m.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name == nameof(ConscentModel.AdditionalProperties) || property.GetIndexParameters().Length > 0) continue;
                    AllFieldsMapped(property.GetValue(m), path + "." + property.Name);
                }
                return;
            case System.Collections.IEnumerable items:
                var i = 0;
                foreach (var item in items) AllFieldsMapped(item, $"{path}[{i++}]");
                return;
            case ConsumptionVerification v:
                AllFieldsMapped(v.Validation, path + ".Validation");
                return;
        }
    }

    private static (string, string, SimulatedAuth, string) Req(string method, string path, SimulatedAuth auth, string endpointId) => (method, path, auth, endpointId);

    private const SimulatedAuth Basic = SimulatedAuth.ValidBasic;
    private const SimulatedAuth NoAuth = SimulatedAuth.None;

    // ---- Content (E01–E04) ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Content_every_call(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("Legacy Id 6", "Old article", "https://news.example/old", price: 2);

        var created = await client.Content.CreateAsync(new CreateContentRequest
        {
            ContentId = "article-1", Title = "Budget", Url = "https://news.example/budget", Price = 5, Currency = "INR",
            ContentType = ContentType.Video, AuthorId = "a-1", AuthorName = "Author",
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("US", 1) } },
            Download = new ContentDownload { Url = "https://news.example/f.pdf", FileName = "f.pdf", FileType = ContentDownload.Pdf },
        });
        var edited = await client.Content.EditAsync("article-1", new EditContentRequest { Title = "Budget 2026", Price = 7 });
        var legacyEdited = await client.Content.EditAsync("Legacy Id 6", new EditContentRequest { Price = 3 });
        var item = await client.Content.GetAsync("article-1");
        var legacy = await client.Content.GetAsync("Legacy Id 6");
        var page = await client.Content.ListAsync(new ListOptions { PageNumber = 2, PageSize = 1 }).GetPageAsync();
        Saw(transport,
            Req("POST", "/api/v1/content", Basic, "E01"),
            Req("PATCH", "/api/v1/content/article-1", Basic, "E02"),
            Req("PATCH", "/api/v1/content/Legacy%20Id%206", Basic, "E02"),
            Req("GET", "/api/v1/content/client/article-1", Basic, "E04"),
            Req("GET", "/api/v1/content/client/Legacy%20Id%206", Basic, "E04"),
            Req("GET", "/api/v1/content/client", Basic, "E03"));
        var all = new List<ContentItem>();
        await foreach (var c in client.Content.ListAsync(new ListOptions { PageSize = 1 })) all.Add(c);
        var listAllRequests = _sim.Requests;

        created.Message.Should().Be("New Content Created!");
        created.Content!.ContentId.Should().Be("article-1");
        created.Content.ContentType.Should().Be(ContentType.Video);
        created.Content.Download!.S3Key.Should().NotBeNullOrEmpty();
        created.Content.PriceOverrides!.Country!.Single().Id.Should().NotBeNullOrEmpty();
        edited.Message.Should().Be("Content Edited Successfully");
        edited.EditedContent!.Title.Should().Be("Budget 2026");
        legacyEdited.EditedContent!.Price.Should().Be(3);
        item.Price.Should().Be(7);
        item.AuthorName.Should().Be("Author");
        legacy.ContentId.Should().Be("Legacy Id 6");
        page.Items!.Select(c => c.ContentId).Should().Equal("article-1");
        page.PageNumber.Should().Be(2);
        page.TotalRecords.Should().Be(2);
        page.TotalPages.Should().Be(2);
        all.Select(c => c.ContentId).Should().Equal("Legacy Id 6", "article-1");
        listAllRequests.Select(r => r.QueryValue("pageNumber") + "/" + r.QueryValue("pageSize")).Should().Equal("1/1", "2/1");
        listAllRequests.Should().OnlyContain(r => r.Path == "/api/v1/content/client" && r.Auth == Basic);
        AllFieldsMapped(new object?[] { created, edited, legacyEdited, item, legacy, page, all });
    }

    // ---- Bundles (E05–E07) ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Bundles_every_call(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("a-1", "A", "https://news.example/a", 1);
        _sim.SeedContent("a-2", "B", "https://news.example/b", 1);

        var created = await client.Bundles.CreateAsync(new CreateBundleRequest
        {
            ContentId = "Bundle One", Title = "Two articles", Url = "https://news.example/bundle", Price = 1.5m,
            BundleContentIds = new List<string> { "a-1", "a-2" },
        });
        var edited = await client.Bundles.EditAsync("Bundle One", new EditBundleRequest { BundleContentIds = new List<string> { "a-2" }, Title = "One article" });
        var page = await client.Bundles.ListAsync(new ListOptions { PageNumber = 1, PageSize = 10 }).GetPageAsync();
        var all = new List<BundleItem>();
        await foreach (var b in client.Bundles.ListAsync(new ListOptions { PageSize = 5 })) all.Add(b);

        Saw(transport,
            Req("POST", "/api/v1/content/bundle", Basic, "E05"),
            Req("PATCH", "/api/v1/content/bundle/Bundle%20One", Basic, "E06"),
            Req("GET", "/api/v1/content/bundles", Basic, "E07"),
            Req("GET", "/api/v1/content/bundles", Basic, "E07"));
        created.Content!.ContentId.Should().Be("Bundle One");
        created.Content.BundleContentIds.Should().Equal("a-1", "a-2");
        created.Content.Price.Should().Be(1.5m);
        edited.EditedContent!.BundleContentIds.Should().Equal("a-2");
        edited.EditedContent.Title.Should().Be("One article");
        page.Items!.Single().ContentId.Should().Be("Bundle One");
        page.TotalRecords.Should().Be(1);
        all.Select(b => b.Title).Should().Equal("One article");
        AllFieldsMapped(new object?[] { created, edited, page, all });
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Bundles_ids_with_reserved_and_non_ascii_characters_travel_as_one_encoded_segment(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("a-1", "A", "https://news.example/a", 1);
        const string id = "News/Weekly?#100% ü";

        var created = await client.Bundles.CreateAsync(new CreateBundleRequest
        {
            ContentId = id, Title = "Weekly", Url = "https://news.example/weekly", BundleContentIds = new List<string> { "a-1" },
        });
        var edited = await client.Bundles.EditAsync(id, new EditBundleRequest { Price = 2 });

        Saw(transport,
            Req("POST", "/api/v1/content/bundle", Basic, "E05"),
            Req("PATCH", "/api/v1/content/bundle/News%2FWeekly%3F%23100%25%20%C3%BC", Basic, "E06"));
        created.Content!.ContentId.Should().Be(id);
        edited.EditedContent!.ContentId.Should().Be(id);
        edited.EditedContent.Price.Should().Be(2);
        _sim.BundleIds.Should().Equal(id);
    }

    // ---- Consumption (E08) ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Consumption_validate_and_verify(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("article-1", "A", "https://news.example/a", 5);
        var id = _sim.IssueConsumption("article-1");
        var forged = _sim.IssueConsumption("article-1", clientId: "someone-else");

        var validation = await client.Consumption.ValidateAsync(id);
        var unknown = await client.Consumption.ValidateAsync("no such id");
        var verified = await client.Consumption.VerifyAsync(id, "article-1", TimeSpan.FromHours(1));
        var wrongContent = await client.Consumption.VerifyAsync(id, "article-2");
        var wrongClient = await client.Consumption.VerifyAsync(forged, "article-1");
        var notFound = await client.Consumption.VerifyAsync("no such id", "article-1");

        var path = "/api/v1/content/consumption/" + id;
        Saw(transport,
            Req("POST", path, NoAuth, "E08"),
            Req("POST", "/api/v1/content/consumption/no%20such%20id", NoAuth, "E08"),
            Req("POST", path, NoAuth, "E08"),
            Req("POST", path, NoAuth, "E08"),
            Req("POST", "/api/v1/content/consumption/" + forged, NoAuth, "E08"),
            Req("POST", "/api/v1/content/consumption/no%20such%20id", NoAuth, "E08"));
        validation!.ConsumptionId.Should().Be(id);
        validation.Message.Should().Be("Content Consumption Confirmed");
        validation.Payload!.ContentId.Should().Be("article-1");
        validation.Payload.ClientId.Should().Be(_sim.Settings.ClientId);
        validation.Payload.CreatedAt.Should().NotBeNull();
        validation.Signature.Should().NotBeNullOrEmpty();
        unknown.Should().BeNull();
        verified.IsValid.Should().BeTrue();
        verified.Age.Should().NotBeNull();
        wrongContent.Mismatches.Should().Be(ConsumptionMismatch.ContentId);
        wrongClient.Mismatches.Should().Be(ConsumptionMismatch.ClientId);
        notFound.Mismatches.Should().Be(ConsumptionMismatch.NotFound);
        _sim.Consumptions.Single(c => c.Id == id).ValidationCount.Should().Be(3);
        AllFieldsMapped(new object?[] { validation, verified, wrongContent, wrongClient, notFound });
    }

    // ---- Stats (E09–E11) --------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stats_every_call(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("Legacy Id 6", "A", "https://news.example/a", 5);
        _sim.IssueConsumption("Legacy Id 6", createdAt: From.AddDays(1));
        _sim.IssueConsumption("Legacy Id 6", createdAt: From.AddDays(2));
        _sim.IssueConsumption("Legacy Id 6", createdAt: From.AddYears(-1));
        var user = _sim.SeedUser(new SimulatedUser { Name = "Reader", Email = "reader@example.com", PhoneNumber = "9999999999" });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Digital", Price = 299, ExpiryDate = DateTimeOffset.UtcNow.AddMonths(1) });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Expired", Price = 99, ExpiryDate = DateTimeOffset.UtcNow.AddDays(-1) });

        var content = await client.Stats.GetContentStatsAsync("Legacy Id 6", From, To);
        var daily = await client.Stats.GetDailyStatsAsync(From, To);
        var subscribers = await client.Stats.ListCurrentSubscribersAsync();

        var requests = _sim.Requests;
        requests[0].QueryValue("from").Should().Be("2026-01-01T00:00:00.000Z");
        requests[0].QueryValue("to").Should().Be("2026-01-31T23:59:59.999Z");
        requests[1].QueryValue("from").Should().Be("2026-01-01T00:00:00.000Z");
        Saw(transport,
            Req("GET", "/api/v1/client/stats/content/Legacy%20Id%206", Basic, "E09"),
            Req("GET", "/api/v1/client/stats/daily", Basic, "E10"),
            Req("GET", "/api/v1/subscription/client/list", Basic, "E11"));
        content.Count.Should().Be(2);
        content.Amount.Should().Be(10);
        content.Currency.Should().Be("INR");
        daily.Consumed.Should().Be(2);
        daily.TotalRevenueGenerated.Should().Be(10);
        var subscription = subscribers.Subscriptions!.Single();
        subscription.SubscriptionTitle.Should().Be("Digital");
        subscription.Price.Should().Be(299);
        subscription.UserAccount!.Email.Should().Be("reader@example.com");
        subscription.UserAccount.Name.Should().Be("Reader");
        subscription.FreeTrial!.Enabled.Should().BeFalse();
        subscription.SubscriptionType!.Digital.Should().BeTrue();
        AllFieldsMapped(new object?[] { content, daily, subscribers });
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stats_fall_back_to_post_after_a_405_and_the_simulator_answers_post_too(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("article-1", "A", "https://news.example/a", 5);
        _sim.IssueConsumption("article-1", createdAt: From.AddDays(1));
        foreach (var path in new[] { "/api/v1/client/stats/content/", "/api/v1/client/stats/daily", "/api/v1/subscription/client/list" })
            _sim.Faults.When(path, SimulatedFault.Status(405), method: "GET", times: 1);

        var content = await client.Stats.GetContentStatsAsync("article-1", From, To);
        var daily = await client.Stats.GetDailyStatsAsync(From, To);
        var subscribers = await client.Stats.ListCurrentSubscribersAsync();
        var again = await client.Stats.GetDailyStatsAsync(From, To);

        _sim.Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}").Should().Equal(
            "GET /api/v1/client/stats/content/article-1 405", "POST /api/v1/client/stats/content/article-1 200",
            "GET /api/v1/client/stats/daily 405", "POST /api/v1/client/stats/daily 200",
            "GET /api/v1/subscription/client/list 405", "POST /api/v1/subscription/client/list 200",
            "POST /api/v1/client/stats/daily 200");
        _sim.Requests.Where(r => r.Method == "POST").Should().OnlyContain(r => r.Auth == Basic && r.QueryValue("from") != null || r.Path.EndsWith("/list", StringComparison.Ordinal));
        content.Count.Should().Be(1);
        content.Amount.Should().Be(5);
        daily.Consumed.Should().Be(1);
        again.Consumed.Should().Be(1);
        subscribers.Subscriptions.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stats_daily_series_one_e10_call_per_day_and_a_consumption_at_midnight_counts_once(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("article-1", "A", "https://news.example/a", 5);
        _sim.IssueConsumption("article-1", createdAt: From.AddHours(10));                          // 1 January
        _sim.IssueConsumption("article-1", createdAt: From.AddDays(3).AddMilliseconds(-1));        // 3 January, last millisecond
        _sim.IssueConsumption("article-1", createdAt: From.AddDays(3));                            // 4 January, midnight

        var series = await client.Stats.GetDailySeriesAsync(From, From.AddDays(3), new Conscent.Sdk.DailySeriesOptions { MaxConcurrency = 2 });

        series.Select(p => p.Date.Day).Should().Equal(1, 2, 3, 4);
        series.Select(p => p.Stats.Consumed).Should().Equal(1, 0, 1, 1);
        series.Select(p => p.Stats.TotalRevenueGenerated).Should().Equal(5m, 0m, 5m, 5m);
        var requests = _sim.Requests;
        requests.Should().HaveCount(4).And.OnlyContain(r => r.EndpointId == "E10" && r.Method == "GET" && r.Auth == Basic && r.StatusCode == 200 && r.Transport == transport);
        requests.Select(r => (r.QueryValue("from"), r.QueryValue("to"))).Should().BeEquivalentTo(new[]
        {
            ("2026-01-01T00:00:00.000Z", "2026-01-01T23:59:59.999Z"),
            ("2026-01-02T00:00:00.000Z", "2026-01-02T23:59:59.999Z"),
            ("2026-01-03T00:00:00.000Z", "2026-01-03T23:59:59.999Z"),
            ("2026-01-04T00:00:00.000Z", "2026-01-04T23:59:59.999Z"),
        });
        AllFieldsMapped(series.Select(p => p.Stats).ToList());
    }

    // ---- Subscriptions (E12, E19) -----------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Subscriptions_migrate_and_cancel(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        var user = _sim.SeedUser(new SimulatedUser { Id = "user 1", Email = "old@example.com" });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Digital", Price = 299, ExpiryDate = DateTimeOffset.UtcNow.AddMonths(1), RenewSubscription = true });

        var migrated = await client.Subscriptions.MigrateAsync(new MigrateSubscriptionRequest
        {
            UserPrimaryEmail = "new@example.com",
            UserName = "New Reader",
            ExpiryDate = new DateTimeOffset(2027, 1, 25, 12, 39, 28, 337, TimeSpan.Zero),
            PurchaseDate = From,
            Country = "IN",
            ClientUserId = "crm-42",
            UserAddress = new MigrateUserAddress { Address = "1 Road", City = "Delhi", State = "Delhi", Postcode = "110001" },
            SubscriptionDetails = new MigrateSubscriptionDetails
            {
                Title = "Print + digital",
                PriceDetails = new PriceDetails(200, "INR"),
                SubscriptionType = new SubscriptionType { Physical = true, Digital = true },
                InternalSubscriptionId = "plan-7",
            },
            UtmParameters = new UtmParameters { UtmSource = "website" },
        });
        var cancelled = await client.Subscriptions.CancelActiveSubscriptionsAsync("user 1");

        Saw(transport,
            Req("POST", "/api/v1/subscription/migrate", Basic, "E12"),
            Req("POST", "/client/cancel-subscriptions/user%201", Basic, "E19"));
        migrated.Message.Should().Be("Subscription migrated successfully");
        var m = migrated.MigratedSubscription!;
        m.Migrated.Should().BeTrue();
        m.ClientId.Should().Be(_sim.Settings.ClientId);
        m.UserAccountId.Should().Be(_sim.Users.Single(u => u.Email == "new@example.com").Id);
        m.MigratedSubscriptionDetails!.PriceDetails!.Price.Should().Be(200);
        m.MigratedSubscriptionDetails.SubscriptionType!.Physical.Should().BeTrue();
        m.MigratedSubscriptionDetails.InternalSubscriptionId.Should().Be("plan-7");
        m.MigratedCreatedAt.Should().Be(From);
        m.ExpiryDate.Should().Be(new DateTimeOffset(2027, 1, 25, 12, 39, 28, 337, TimeSpan.Zero));
        m.UtmParameters!.UtmSource.Should().Be("website");
        m.Type.Should().Be(PurchaseTypes.Subscription);
        cancelled.Message.Should().Be("Subscriptions Cancelled Successfully");
        _sim.Subscriptions.Single(s => s.UserId == "user 1").Status.Should().Be(SubscriptionStatuses.Cancelled);
        _sim.Subscriptions.Single(s => s.Migrated).Status.Should().Be(SubscriptionStatuses.Active);
        AllFieldsMapped(new object?[] { migrated, cancelled });
    }

    // ---- Purchases (E14, E16–E18) -----------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Purchases_every_call(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        var user = _sim.SeedUser(new SimulatedUser { Name = "Reader", Email = "reader@example.com", PhoneNumber = "9999999999" });
        var other = _sim.SeedUser(new SimulatedUser { Email = "other@example.com" });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Digital", ClientContentId = "digital-plan", Price = 299, CreatedAt = From.AddDays(1), DurationInMonths = 12 });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Pass, Title = "Weekend pass", ClientContentId = "weekend-pass", Currency = "USD", Price = 49, CreatedAt = From.AddDays(2) });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Content, ClientContentId = "article-42", Title = "Budget", Url = "https://news.example/b", Price = 5, CreatedAt = From.AddDays(3) });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = other.Id, Type = PurchaseTypes.Content, ClientContentId = "article-43", Price = 2, CreatedAt = From.AddDays(4) });
        var query = new PurchaseQuery { UserId = user.Id, From = From, To = To, PageNumber = 1, PageSize = 100 };

        var all = await client.Purchases.ListAsync(query).GetPageAsync();
        var subscriptions = await client.Purchases.ListSubscriptionsAsync(query).GetPageAsync();
        var passes = await client.Purchases.ListPassesAsync(new PurchaseQuery { Email = "reader@example.com" }).GetPageAsync();
        var micropayments = await client.Purchases.ListMicropaymentsAsync().GetPageAsync();
        var requests = _sim.Requests;
        Saw(transport,
            Req("GET", "/client/purchases", Basic, "E16"),
            Req("GET", "/client/purchases/subscriptions", Basic, "E14"),
            Req("GET", "/client/purchases/passes", Basic, "E17"),
            Req("GET", "/client/purchases/micropayments", Basic, "E18"));
        var listAll = await Collect(client.Purchases.ListAsync(new PurchaseQuery { UserId = user.Id, PageSize = 2 }));
        var listAllSubscriptions = await Collect(client.Purchases.ListSubscriptionsAsync(new PurchaseQuery { UserId = user.Id }));
        var listAllPasses = await Collect(client.Purchases.ListPassesAsync());
        var listAllMicropayments = await Collect(client.Purchases.ListMicropaymentsAsync(new PurchaseQuery { PageSize = 1 }));
        var pagedRequests = _sim.Requests;
        // The merged typed view: the three per-type lists, in that order, each item carrying the buyer's id.
        var records = await Collect(client.Purchases.ListRecordsAsync());
        var everySubscription = await Collect(client.Purchases.ListSubscriptionsAsync());
        var everyMicropayment = await Collect(client.Purchases.ListMicropaymentsAsync());
        records.Should().HaveCount(everySubscription.Count + listAllPasses.Count + everyMicropayment.Count).And.NotBeEmpty();
        records.Take(everySubscription.Count).Should().AllBeOfType<SubscriptionPurchase>();
        records.Skip(everySubscription.Count).Take(listAllPasses.Count).Should().AllBeOfType<PassPurchase>();
        records.Skip(everySubscription.Count + listAllPasses.Count).Should().AllBeOfType<MicropaymentPurchase>();
        records.Should().OnlyContain(r => !string.IsNullOrEmpty(r.UserId));
        // Each record keeps what its per-type list carries and ListAsync does not: your content id and the currency.
        var sources = everySubscription.Cast<PurchaseRecord>().Concat(listAllPasses).Concat(everyMicropayment).ToList();
        records.Select(r => r.UserId).Should().Equal(sources.Select(r => r.UserId));
        records.Select(r => r.ClientContentId).Should().Equal(sources.Select(r => r.ClientContentId));
        records.Select(r => r.PriceDetails?.Currency).Should().Equal(sources.Select(r => r.PriceDetails?.Currency));
        records.Select(r => r.ClientContentId).Should().Equal("digital-plan", "weekend-pass", "article-42", "article-43");
        records.Select(r => r.PriceDetails?.Currency).Should().Equal("INR", "USD", "INR", "INR");

        requests[0].QueryValue("userId").Should().Be(user.Id);
        requests[0].QueryValue("from").Should().Be("2026-01-01T00:00:00.000Z");
        requests[0].QueryValue("to").Should().Be("2026-01-31T23:59:59.999Z");
        requests[0].QueryValue("pageNumber").Should().Be("1");
        requests[0].QueryValue("pageSize").Should().Be("100");
        requests[2].QueryValue("email").Should().Be("reader@example.com");
        requests[3].Query.Should().Be("pageNumber=1&pageSize=500", "no filter is forced; a list always states its page");

        all.Items!.Select(t => t.Type).Should().Equal(PurchaseTypes.Subscription, PurchaseTypes.Pass, PurchaseTypes.Content);
        all.Items![2].Content!.Title.Should().Be("Budget");
        all.Items[2].UserAccount!.Email.Should().Be("reader@example.com");
        all.Items[2].Client!.Name.Should().Be(_sim.Settings.ClientName);
        all.TotalRecords.Should().Be(3);
        var s = subscriptions.Items!.Single();
        s.SubscriptionDetails!.Duration.Should().Be(12);
        s.UserEmail.Should().Be("reader@example.com");
        s.Price.Should().Be(299);
        subscriptions.Items.Count.Should().Be(1);
        passes.Items!.Single().Price.Should().Be(49);
        micropayments.Items!.Select(p => p.ClientContentId).Should().Equal("article-42", "article-43");
        micropayments.Items![0].ConscentContentId.Should().NotBeNullOrEmpty();
        micropayments.PageSize.Should().Be(500);

        listAll.Select(t => t.Price).Should().Equal(299m, 49m, 5m);
        listAllSubscriptions.Should().ContainSingle();
        listAllPasses.Should().ContainSingle();
        listAllMicropayments.Select(p => p.ClientContentId).Should().Equal("article-42", "article-43");
        pagedRequests.Select(r => r.Path + "?" + r.QueryValue("pageNumber") + "/" + r.QueryValue("pageSize")).Should().Equal(
            "/client/purchases?1/2", "/client/purchases?2/2",
            "/client/purchases/subscriptions?1/500",
            "/client/purchases/passes?1/500",
            "/client/purchases/micropayments?1/1", "/client/purchases/micropayments?2/1", "/client/purchases/micropayments?3/1");
        pagedRequests.Should().OnlyContain(r => r.Auth == Basic && r.StatusCode == 200);
        AllFieldsMapped(new object?[] { all, subscriptions, passes, micropayments, listAll, listAllSubscriptions, listAllPasses, listAllMicropayments });
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    // ---- Users (E13, E15) -------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Users_every_call_without_authorization(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        var user = _sim.SeedUser(new SimulatedUser
        {
            Id = "user 1", Name = "Reader", Email = "reader@example.com", PhoneNumber = "9999999999", Country = "IN", WalletBalance = 50,
            Address = new SimulatedAddress { City = "Delhi", Pincode = "110001" },
        });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Digital", Price = 299, DurationInMonths = 3, AllowCancellation = true });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Pass, Price = 49 });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Content, ClientContentId = "article-42", Price = 5 });

        var subscriptionDetails = await client.Users.GetUserAndSubscriptionDetailsAsync("user 1");
        var purchaseDetails = await client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { Email = "reader@example.com", PageSize = 10 });

        var requests = _sim.Requests;
        requests[0].QueryValue("clientId").Should().Be(_sim.Settings.ClientId);
        requests[0].QueryValue("userId").Should().Be("user 1");
        requests[1].QueryValue("clientId").Should().Be(_sim.Settings.ClientId);
        requests[1].QueryValue("email").Should().Be("reader@example.com");
        requests[1].QueryValue("pageSize").Should().Be("10");
        Saw(transport,
            Req("GET", "/user/user-and-subscription-details", NoAuth, "E13"),
            Req("GET", "/user/user-and-purchase-details", NoAuth, "E15"));
        subscriptionDetails.UserDetails!.Email.Should().Be("reader@example.com");
        subscriptionDetails.UserDetails.Wallet!.Balance.Should().Be(50);
        subscriptionDetails.UserDetails.Address!.City.Should().Be("Delhi");
        var subscription = subscriptionDetails.UserSubscriptions!.Single();
        subscription.SubscriptionTitle.Should().Be("Digital");
        subscription.Status.Should().Be(SubscriptionStatuses.Active);
        subscription.SubscriptionDurationInMonths.Should().Be(3);
        subscription.AllowCancellation.Should().BeTrue();
        subscription.Client.Should().Be(_sim.Settings.ClientName);
        purchaseDetails.UserDetails!.Name.Should().Be("Reader");
        purchaseDetails.UserSubscriptions!.Single().Price.Should().Be(299);
        purchaseDetails.Passes!.Single().Price.Should().Be(49);
        purchaseDetails.PayPerUses!.Single().Price.Should().Be(5);
        AllFieldsMapped(new object?[] { subscriptionDetails, purchaseDetails });
    }

    // ---- AutoLogin (E20) --------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Auto_login_both_overloads(SimulatorTransport transport)
    {
        using var client = await Client(transport);

        var byEmail = await client.AutoLogin.GenerateTokenAsync("reader@example.com", null);
        var byRequest = await client.AutoLogin.GenerateTokenAsync(new GenerateTempTokenRequest { PhoneNumber = "9999999999" });

        var requests = _sim.Requests;
        requests[0].QueryValue("email").Should().Be("reader@example.com");
        requests[0].QueryValue("phoneNumber").Should().BeNull();
        requests[1].QueryValue("phoneNumber").Should().Be("9999999999");
        System.Text.Json.Nodes.JsonNode.Parse(requests[0].Body!)!["email"]!.GetValue<string>().Should().Be("reader@example.com", "the SDK sends the values in the query and in a JSON body (docs/rulings.md#auto-login-query-or-body)");
        System.Text.Json.Nodes.JsonNode.Parse(requests[1].Body!)!["phoneNumber"]!.GetValue<string>().Should().Be("9999999999");
        Saw(transport,
            Req("POST", "/client/generate-temp-token", Basic, "E20"),
            Req("POST", "/client/generate-temp-token", Basic, "E20"));
        byEmail.TempAuthToken.Should().Be(_sim.AutoLoginTokens[0].Token);
        byRequest.TempAuthToken.Should().Be(_sim.AutoLoginTokens[1].Token);
        _sim.AutoLoginTokens[0].Email.Should().Be("reader@example.com");
        _sim.AutoLoginTokens[1].PhoneNumber.Should().Be("9999999999");
        AllFieldsMapped(new object?[] { byEmail, byRequest });
    }

    // ---- Loyalty (E21) ----------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Loyalty_post_user_event_uses_the_api_key_header(SimulatorTransport transport)
    {
        using var client = await Client(transport);

        var result = await client.Loyalty.PostUserEventAsync(new LoyaltyUserEvent(LoyaltyEventTypes.OrderPlaced, "42bede01c83fa3947"));

        var request = _sim.Requests.Single();
        request.Header("X-API-KEY").Should().Be("***");
        request.Header("Authorization").Should().BeNull();
        request.Host.Should().Be(_sim.CreateOptions().Loyalty.BaseAddress!.Authority);
        Saw(transport, Req("POST", "/reward/" + _sim.Settings.ClientId + "/api/user_event", SimulatedAuth.ValidApiKey, "E21"));
        result.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        result.IsJson.Should().BeTrue();
        result.Json!.Value.GetProperty("message").GetString().Should().Be("Event recorded");
        _sim.LoyaltyEvents.Single().EventType.Should().Be("ORDER_PLACED");
        _sim.LoyaltyEvents.Single().UserId.Should().Be("42bede01c83fa3947");
    }

    // ---- Stories (E22–E27, deprecated) ------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stories_every_call(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("article-1", "A", "https://news.example/a", 5);
        _sim.IssueConsumption("article-1", createdAt: From.AddDays(1));

        var created = await client.Stories.CreateAsync(new CreateStoryRequest { StoryId = "Story One", Title = "Old story", Url = "https://news.example/s", Price = 2 });
        var second = await client.Stories.CreateAsync(new CreateStoryRequest { StoryId = "story-2", Title = "Second", Url = "https://news.example/s2", Price = 0.01m });
        var edited = await client.Stories.EditAsync("Story One", new EditStoryRequest { Price = 5, AuthorId = "a-1", AuthorName = "Author" });
        var story = await client.Stories.GetAsync("Story One");
        var page = await client.Stories.ListAsync(new ListOptions { PageNumber = 1, PageSize = 1 }).GetPageAsync();
        var readId = _sim.IssueStoryRead("Story One");
        var read = await client.Stories.ValidateReadAsync(readId);
        var unknownRead = await client.Stories.ValidateReadAsync("no such read");
        var daily = await client.Stories.GetDailyStatsAsync(From, To);
        Saw(transport,
            Req("POST", "/api/v1/story", Basic, "E22"),
            Req("POST", "/api/v1/story", Basic, "E22"),
            Req("PATCH", "/api/v1/story/Story%20One", Basic, "E23"),
            Req("GET", "/api/v1/story/client/Story%20One", Basic, "E25"),
            Req("GET", "/api/v1/story/client", Basic, "E24"),
            Req("POST", "/api/v1/story/read/" + readId, NoAuth, "E26"),
            Req("POST", "/api/v1/story/read/no%20such%20read", NoAuth, "E26"),
            Req("GET", "/api/v1/client/stats/daily", Basic, "E10"));
        var all = await Collect(client.Stories.ListAsync(new ListOptions { PageSize = 1 }));

        created.Message.Should().Be("New Story Created!");
        created.Story!.StoryId.Should().Be("Story One");
        created.Story.Price.Should().Be(2);
        second.Story!.Price.Should().Be(0.01m);
        edited.Message.Should().Be("Story Edited Successfully");
        edited.EditedStory!.Price.Should().Be(5);
        story.AuthorName.Should().Be("Author");
        page.Items!.Single().StoryId.Should().Be("Story One");
        page.TotalPages.Should().Be(2);
        read!.ReadId.Should().Be(readId);
        read.Message.Should().Be("Story Read Confirmed");
        read.Payload!.StoryId.Should().Be("Story One");
        read.Payload.ClientId.Should().Be(_sim.Settings.ClientId);
        unknownRead.Should().BeNull();
        daily.TotalContentConsumed.Should().Be(1, "E27 shares E10's path and answers in the current shape");
        daily.TotalRevenueGenerated.Should().Be(5);
        all.Select(s => s.StoryId).Should().Equal("Story One", "story-2");
        _sim.Requests.Should().HaveCount(2).And.OnlyContain(r => r.EndpointId == "E24");
        AllFieldsMapped(new object?[] { created, second, edited, story, page, read, daily, all });
    }

    // ---- documented errors -----------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Documented_errors_map_to_the_sdks_typed_exceptions(SimulatorTransport transport)
    {
        using var client = await Client(transport);
        _sim.SeedContent("article-1", "A", "https://news.example/a", 5);
        var options = _sim.CreateOptions(transport == SimulatorTransport.Server ? _sim.ServerAddress : null);
        options.ApiSecret = "not-the-secret";
        options.Loyalty.ApiKey = "not-the-key";
        using var wrong = transport == SimulatorTransport.Handler ? new ConscentClient(options, _sim.Handler) : new ConscentClient(options);

        var missing = await Assert.ThrowsAsync<ConscentNotFoundException>(() => client.Content.GetAsync("no such id"));
        var duplicate = await Assert.ThrowsAsync<ConscentBadRequestException>(() => client.Content.CreateAsync(
            new CreateContentRequest { ContentId = "article-1", Title = "A", Url = "https://news.example/a" }));
        var unknownBundleContent = await Assert.ThrowsAsync<ConscentBadRequestException>(() => client.Bundles.CreateAsync(
            new CreateBundleRequest { ContentId = "b", Title = "B", Url = "https://news.example/b", BundleContentIds = new List<string> { "nope" } }));
        var unknownUser = await Assert.ThrowsAsync<ConscentNotFoundException>(() => client.Users.GetUserAndSubscriptionDetailsAsync("nobody"));
        var cancelUnknown = await Assert.ThrowsAsync<ConscentNotFoundException>(() => client.Subscriptions.CancelActiveSubscriptionsAsync("nobody"));
        var unauthorized = await Assert.ThrowsAsync<ConscentAuthenticationException>(() => wrong.Content.ListAsync().GetPageAsync());
        var badLoyaltyKey = await Assert.ThrowsAsync<ConscentAuthenticationException>(() => wrong.Loyalty.PostUserEventAsync(new LoyaltyUserEvent("ORDER_PLACED", "u")));
        var noAuthStillWorks = await wrong.Consumption.ValidateAsync(_sim.IssueConsumption("article-1"));

        missing.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        duplicate.ServerMessage.Should().Contain("contentId");
        unknownBundleContent.ServerMessage.Should().Contain("bundleContentIds");
        unknownUser.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        cancelUnknown.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        unauthorized.ServerMessage.Should().Be("Unauthorized -- Invalid API Key & API Secret.");
        badLoyaltyKey.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        noAuthStillWorks.Should().NotBeNull("consumption validation sends no credentials, so wrong ones do not matter");
        _sim.Requests.Select(r => $"{r.EndpointId} {r.StatusCode} {r.Auth}").Should().Equal(
            "E04 404 ValidBasic", "E01 400 ValidBasic", "E05 400 ValidBasic", "E13 404 None", "E19 404 ValidBasic",
            "E03 401 InvalidBasic", "E21 401 InvalidApiKey", "E08 200 None");
    }

    // ---- coverage guard ---------------------------------------------------------------------------------------------

    /// <summary>Every method of every area client, as driven above. A new client method fails this until a parity test drives it.</summary>
    private static readonly string[] Driven =
    {
        "IContentClient.CreateAsync", "IContentClient.EditAsync", "IContentClient.GetAsync", "IContentClient.ListAsync",
        "IBundlesClient.CreateAsync", "IBundlesClient.EditAsync", "IBundlesClient.ListAsync",
        "IConsumptionClient.ValidateAsync", "IConsumptionClient.VerifyAsync",
        "IStatsClient.GetContentStatsAsync", "IStatsClient.GetDailyStatsAsync", "IStatsClient.GetDailySeriesAsync", "IStatsClient.ListCurrentSubscribersAsync",
        "ISubscriptionsClient.MigrateAsync", "ISubscriptionsClient.CancelActiveSubscriptionsAsync",
        "IPurchasesClient.ListAsync", "IPurchasesClient.ListSubscriptionsAsync",
        "IPurchasesClient.ListPassesAsync", "IPurchasesClient.ListMicropaymentsAsync",
        "IPurchasesClient.ListRecordsAsync",
        "IUsersClient.GetUserAndSubscriptionDetailsAsync", "IUsersClient.GetUserAndPurchaseDetailsAsync",
        "IAutoLoginClient.GenerateTokenAsync",
        "ILoyaltyClient.PostUserEventAsync",
        "IStoriesClient.CreateAsync", "IStoriesClient.EditAsync", "IStoriesClient.GetAsync", "IStoriesClient.ListAsync",
        "IStoriesClient.ValidateReadAsync", "IStoriesClient.GetDailyStatsAsync",
    };

    [Fact]
    public void All_fields_mapped_fails_on_an_unmapped_field()
    {
        var item = ConscentModelFactory.ContentItem();
        item.AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["surprise"] = System.Text.Json.JsonDocument.Parse("1").RootElement };

        var act = () => AllFieldsMapped(ConscentModelFactory.Page(new[] { item }));

        act.Should().Throw<Exception>().WithMessage("*Items[0]*surprise*");
    }

    [Fact]
    public void Every_public_client_method_is_driven_through_the_simulator()
    {
        var methods = ModelFactoryTests.ClientInterfaces()
            .SelectMany(i => i.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => i.Name + "." + m.Name))
            .Distinct()
            .OrderBy(n => n, StringComparer.Ordinal);

        methods.Should().BeEquivalentTo(Driven);
    }
}
