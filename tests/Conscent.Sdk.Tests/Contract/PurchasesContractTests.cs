using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E14, E16, E17, E18: the purchase exports, pinned against the docs' samples.</summary>
public sealed class PurchasesContractTests : ContractTestBase
{
    private const string Email = "reader+1@example.com";
    private const string Phone = "+919545734678";

    // 2021-02-12T05:45:41.389Z and 2021-03-01T00:00:00.000Z, given in IST to prove the conversion to UTC.
    private static readonly DateTimeOffset From = new(2021, 2, 12, 11, 15, 41, 389, TimeSpan.FromHours(5.5));
    private static readonly DateTimeOffset To = new(2021, 3, 1, 5, 30, 0, 0, TimeSpan.FromHours(5.5));

    private static PurchaseQuery FullQuery() => new()
    {
        UserId = "6346608680c2216fe33d84fa",
        Email = Email,
        PhoneNumber = Phone,
        From = From,
        To = To,
        PageNumber = 2,
        PageSize = 2000,
    };

    /// <summary>The four lists, by endpoint id (docs/api-coverage.md): path, sample, and the call.</summary>
    public static TheoryData<string> Endpoints() => new() { "E14", "E16", "E17", "E18" };

    private static string PathOf(string id) => id switch
    {
        "E14" => "/client/purchases/subscriptions",
        "E16" => "/client/purchases",
        "E17" => "/client/purchases/passes",
        "E18" => "/client/purchases/micropayments",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static string SampleOf(string id) => id switch
    {
        "E14" => "client-purchases-subscriptions.response.json",
        "E16" => "client-purchases.response.json",
        "E17" => "client-purchases-passes.response.json",
        "E18" => "client-purchases-micropayments.response.json",
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static async Task<ConscentModel> Call(string id, ConscentClient client, PurchaseQuery? query) => id switch
    {
        "E14" => await client.Purchases.ListSubscriptionsAsync(query).GetPageAsync(),
        "E16" => await client.Purchases.ListAsync(query).GetPageAsync(),
        "E17" => await client.Purchases.ListPassesAsync(query).GetPageAsync(),
        "E18" => await client.Purchases.ListMicropaymentsAsync(query).GetPageAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static IAsyncEnumerable<ConscentModel> CallAll(string id, ConscentClient client, PurchaseQuery? query) => id switch
    {
        "E14" => client.Purchases.ListSubscriptionsAsync(query),
        "E16" => client.Purchases.ListAsync(query),
        "E17" => client.Purchases.ListPassesAsync(query),
        "E18" => client.Purchases.ListMicropaymentsAsync(query),
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static List<ConscentModel> Records(ConscentModel page) => page switch
    {
        ConscentPage<SubscriptionPurchase> l => l.Items.Cast<ConscentModel>().ToList(),
        ConscentPage<PurchaseTransaction> l => l.Items.Cast<ConscentModel>().ToList(),
        ConscentPage<PassPurchase> l => l.Items.Cast<ConscentModel>().ToList(),
        ConscentPage<MicropaymentPurchase> l => l.Items.Cast<ConscentModel>().ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    private static (int? Pages, int? Records) Totals(ConscentModel page) => page switch
    {
        ConscentPage<SubscriptionPurchase> l => (l.TotalPages, l.TotalRecords),
        ConscentPage<PurchaseTransaction> l => (l.TotalPages, l.TotalRecords),
        ConscentPage<PassPurchase> l => (l.TotalPages, l.TotalRecords),
        ConscentPage<MicropaymentPurchase> l => (l.TotalPages, l.TotalRecords),
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    private static string ItemsKey(string id) => id == "E16" ? "transactionDetails" : "purchases";

    // ---------- Requests ----------

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_send_get_with_basic_auth_and_every_filter_in_the_documented_form(string id)
    {
        RespondWithSample("GET", PathOf(id), SampleOf(id));
        using var client = Client();

        await Call(id, client, FullQuery());

        var sent = SingleRequest();
        sent.Method.Should().Be("GET");
        sent.AbsolutePath.Should().Be(PathOf(id), "no /api/v1 prefix: the path is used as documented");
        sent.Headers!["Authorization"].Should().ContainSingle().Which.Should().Be(MockServer.ExpectedAuthorization);
        sent.Headers.ContainsKey("Content-Type").Should().BeFalse("a GET has no body");
        (sent.Body ?? string.Empty).Should().BeEmpty();
        sent.Query!.Keys.Should().BeEquivalentTo("userId", "email", "phoneNumber", "from", "to", "pageNumber", "pageSize");
        sent.Query["userId"].Should().Equal("6346608680c2216fe33d84fa");
        sent.Query["email"].Should().Equal(Email);
        sent.Query["phoneNumber"].Should().Equal(Phone);
        sent.Query["from"].Should().Equal("2021-02-12T05:45:41.389Z");
        sent.Query["to"].Should().Equal("2021-03-01T00:00:00.000Z");
        sent.Query["pageNumber"].Should().Equal("2");
        sent.Query["pageSize"].Should().Equal("2000");

        var uri = Recorder.Uris.Should().ContainSingle().Subject;
        uri.Should().Be(Base + PathOf(id) +
            "?userId=6346608680c2216fe33d84fa&email=reader%2B1%40example.com&phoneNumber=%2B919545734678" +
            "&from=2021-02-12T05%3A45%3A41.389Z&to=2021-03-01T00%3A00%3A00.000Z&pageNumber=2&pageSize=2000",
            "'+' and '@' are percent-encoded so the server cannot read '+' as a space");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_send_only_paging_when_no_filter_is_given(string id)
    {
        RespondWithSample("GET", PathOf(id), SampleOf(id));
        using var client = Client();

        await Call(id, client, null);
        await Call(id, client, new PurchaseQuery { Email = " " });

        Mock.Server.LogEntries.Should().HaveCount(2);
        foreach (var entry in Mock.Server.LogEntries)
        {
            entry.RequestMessage!.RawQuery.Should().Be("?pageNumber=1&pageSize=500", "the filters are alternatives; none is forced");
            entry.RequestMessage.AbsolutePath.Should().Be(PathOf(id));
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_send_only_the_user_filter_that_is_given(string id)
    {
        RespondWithSample("GET", PathOf(id), SampleOf(id));
        using var client = Client();

        await Call(id, client, new PurchaseQuery { PhoneNumber = Phone });

        SingleRequest().Query!.Keys.Should().Equal("phoneNumber", "pageNumber", "pageSize");
    }

    // ---------- Responses ----------

    [Fact]
    public async Task E16_list_purchases_maps_every_documented_response_field()
    {
        RespondWithSample("GET", "/client/purchases", "client-purchases.response.json");
        using var client = Client();

        var page = await client.Purchases.ListAsync().GetPageAsync();

        var t = page.Items.Should().ContainSingle().Subject;
        t.Promotional.Should().BeFalse();
        t.Id.Should().Be("643e49dc2309ab30bc00ccf2");
        t.UserAccount!.PhoneNumber.Should().Be("8712334265");
        t.UserAccount.Email.Should().Be("bnnnn@gmail.com");
        t.UserAccount.Id.Should().BeNull();
        t.Client!.Name.Should().Be("Demo Client");
        t.Content!.Title.Should().Be("Client-Story Id 1");
        t.Content.Url.Should().Be("https://csc-mock.netlify.app/5f92a62013332e0f667794dc/Client-Story-Id-1");
        t.BuyingPrice.Should().Be(319.21m);
        t.Price.Should().Be(399m);
        t.Type.Should().Be(PurchaseTypes.Pass);
        t.CreatedAt.Should().Be(new DateTimeOffset(2023, 4, 18, 7, 42, 20, 749, TimeSpan.Zero));
        t.AdditionalProperties.Should().BeNullOrEmpty();
        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(PurchaseQuery.DefaultPageSize, "a page reports the size asked for, not the size the answer echoes");
        page.TotalRecords.Should().Be(1);
        page.TotalPages.Should().Be(1);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E16_list_purchases_reads_plain_ids_where_the_documents_are_usually_embedded()
    {
        var sample = Samples.Node("client-purchases.response.json");
        var record = sample["transactionDetails"]![0]!;
        record["userAccount"] = "6346608680c2216fe33d84fa";
        record["clientId"] = "5f92a62013332e0f667794dc";
        record["contentId"] = new JsonObject { ["_id"] = "61fba4adcbcaaf727a00168d", ["title"] = "T", ["clientContentId"] = "Client-Story-Id-1" };
        Respond("GET", "/client/purchases", sample.ToJsonString());
        using var client = Client();

        var t = (await client.Purchases.ListAsync().GetPageAsync()).Items!.Single();

        t.UserAccount!.Id.Should().Be("6346608680c2216fe33d84fa", "userAccount is an id string in most responses");
        t.UserAccount.Email.Should().BeNull();
        t.Client!.Id.Should().Be("5f92a62013332e0f667794dc");
        t.Content!.ConscentContentId.Should().Be("61fba4adcbcaaf727a00168d", "contentId is ConsCent's internal id here");
        t.Content.Title.Should().Be("T");
        t.Content.AdditionalProperties!["clientContentId"].GetString().Should().Be("Client-Story-Id-1");
    }

    [Fact]
    public async Task E14_list_subscriptions_maps_every_documented_response_field()
    {
        RespondWithSample("GET", "/client/purchases/subscriptions", "client-purchases-subscriptions.response.json");
        using var client = Client();

        var page = await client.Purchases.ListSubscriptionsAsync().GetPageAsync();

        page.Items.Should().HaveCount(2);
        var p = page.Items![0];
        p.ManuallyRenewed.Should().BeFalse();
        p.RenewSubscription.Should().BeFalse();
        p.AvailedOffers.Should().Equal("617ba48ec3b5066393988f22");
        p.Promotional.Should().BeFalse();
        p.Categories.Should().BeEmpty();
        p.FreeTrial.Should().BeFalse();
        p.Migrated.Should().BeFalse();
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.ClientContentId.Should().Be("Client Story Id 1");
        p.ConscentContentId.Should().Be("5fbe46efbee15f1cebc81515");
        p.BuyingPrice.Should().Be(100.36m);
        p.Price.Should().Be(104m);
        p.PriceDetails!.Price.Should().Be(104m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.SubscriptionDetails!.InrPrice.Should().Be(104m);
        p.SubscriptionDetails.Duration.Should().Be(1m);
        p.ExpiryDate.Should().Be(new DateTimeOffset(2022, 3, 28, 12, 49, 2, 844, TimeSpan.Zero));
        p.SubscriptionId.Should().Be("61a49855fabe8d7705a2cab4");
        p.TierId.Should().Be("61a49855fabe8d7705a2cab6");
        p.CreatedAt.Should().Be(new DateTimeOffset(2022, 3, 3, 9, 13, 53, 266, TimeSpan.Zero));
        p.UserId.Should().Be("613720ec6a14e1100bdfb9f5");
        p.UserEmail.Should().Be("asdf@sdf.co");
        p.UserPhoneNumber.Should().Be("129347792");
        p.UserName.Should().Be("asdf");
        p.UserAddress!.Apartment.Should().BeEmpty();
        p.UserAddress.Area.Should().BeEmpty();
        p.UserAddress.Pincode.Should().BeEmpty();
        p.UserAddress.Landmark.Should().BeEmpty();
        p.UserAddress.City.Should().BeEmpty();
        p.UserAddress.State.Should().BeEmpty();
        p.UserAddress.Country.Should().BeEmpty();
        p.ClientSpecificUserId.Should().Be("234234612");
        p.AdditionalProperties.Should().BeNullOrEmpty();

        var second = page.Items[1];
        second.CreatedAt.Should().BeNull("createdAt is in 1 of the 2 sample records");
        second.AvailedOffers.Should().BeEmpty();
        second.SubscriptionDetails!.Duration.Should().Be(2m);
        second.UserAddress!.Apartment.Should().Be("India");
        second.UserAddress.Pincode.Should().Be("123423");
        second.UserAddress.State.Should().Be("ANDHRA PRADESH");
        second.UserAddress.Country.Should().Be("IN");

        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(PurchaseQuery.DefaultPageSize, "a page reports the size asked for, not the size the answer echoes");
        page.Items.Count.Should().Be(2);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E17_list_passes_maps_every_documented_response_field()
    {
        RespondWithSample("GET", "/client/purchases/passes", "client-purchases-passes.response.json");
        using var client = Client();

        var page = await client.Purchases.ListPassesAsync().GetPageAsync();

        var p = page.Items.Should().ContainSingle().Subject;
        p.AvailedOffers.Should().BeEmpty();
        p.Promotional.Should().BeFalse();
        p.Categories.Should().BeEmpty();
        p.FreeTrial.Should().BeFalse();
        p.Migrated.Should().BeFalse();
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.ClientContentId.Should().Be("Client-Story-Id-1", "the publisher's id");
        p.ConscentContentId.Should().Be("61fba4adcbcaaf727a00168d", "ConsCent's internal id");
        p.BuyingPrice.Should().Be(319.21m);
        p.Price.Should().Be(399m);
        p.PriceDetails!.Price.Should().Be(399m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.ExpiryDate.Should().Be(new DateTimeOffset(2023, 4, 18, 14, 42, 20, 741, TimeSpan.Zero));
        p.CreatedAt.Should().Be(new DateTimeOffset(2023, 4, 18, 7, 42, 20, 749, TimeSpan.Zero));
        p.UserId.Should().Be("6346608680c2216fe33d84fa");
        p.UserEmail.Should().Be("bnnnn@gmail.com");
        p.UserPhoneNumber.Should().Be("8243334265");
        p.UserName.Should().Be("Kajal");
        AssertSampleAddress(p.UserAddress!);
        p.AdditionalProperties.Should().BeNullOrEmpty();
        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(PurchaseQuery.DefaultPageSize, "a page reports the size asked for, not the size the answer echoes");
        page.Items.Count.Should().Be(1);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E18_list_micropayments_maps_every_documented_response_field()
    {
        RespondWithSample("GET", "/client/purchases/micropayments", "client-purchases-micropayments.response.json");
        using var client = Client();

        var page = await client.Purchases.ListMicropaymentsAsync().GetPageAsync();

        page.Items.Should().HaveCount(3);
        var p = page.Items![0];
        p.AvailedOffers.Should().BeEmpty();
        p.Promotional.Should().BeFalse();
        p.Categories.Should().BeEmpty();
        p.FreeTrial.Should().BeFalse();
        p.Migrated.Should().BeFalse();
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.ClientContentId.Should().Be("Client-Story-Id-1");
        p.ConscentContentId.Should().Be("61fba4adcbcaaf727a00168d");
        p.BuyingPrice.Should().Be(8m);
        p.Price.Should().Be(10m);
        p.PriceDetails!.Price.Should().Be(10m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.ExpiryDate.Should().Be(new DateTimeOffset(2023, 4, 15, 10, 22, 57, 494, TimeSpan.Zero));
        p.CreatedAt.Should().Be(new DateTimeOffset(2023, 4, 13, 10, 22, 57, 507, TimeSpan.Zero));
        p.UserId.Should().Be("6346608680c2216fe33d84fa");
        p.UserEmail.Should().Be("bnnnn@gmail.com");
        p.UserPhoneNumber.Should().Be("8750314176");
        p.UserName.Should().Be("Kajal");
        AssertSampleAddress(p.UserAddress!);
        p.AdditionalProperties.Should().BeNullOrEmpty();
        page.Items[1].ClientContentId.Should().Be("Client-Story-Id-3");
        page.Items[1].ConscentContentId.Should().Be("620b94557bef8873d93bf32b");
        page.Items[2].Price.Should().Be(20m);
        page.Items[2].BuyingPrice.Should().Be(16m);
        page.PageNumber.Should().Be(1);
        page.PageSize.Should().Be(PurchaseQuery.DefaultPageSize, "a page reports the size asked for, not the size the answer echoes");
        page.Items.Count.Should().Be(3);
        page.AdditionalProperties.Should().BeNullOrEmpty();
    }

    private static void AssertSampleAddress(Conscent.Sdk.ReaderAddress a)
    {
        a.Apartment.Should().Be("ggghhh");
        a.Area.Should().Be("kkkkkhhh");
        a.Pincode.Should().Be("922111");
        a.Landmark.Should().Be("sasshhh");
        a.City.Should().Be("jjjjjhhh");
        a.State.Should().Be("ffffffhhh");
        a.Country.Should().Be("iiiiihhh", "addresses are free text, even the country");
        a.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_keep_unknown_fields(string id)
    {
        var sample = Samples.Node(SampleOf(id));
        sample["nextCursor"] = "abc";
        sample[ItemsKey(id)]![0]!["refundStatus"] = "NONE";
        Respond("GET", PathOf(id), sample.ToJsonString());
        using var client = Client();

        var page = await Call(id, client, null);

        page.AdditionalProperties!["nextCursor"].GetString().Should().Be("abc");
        Records(page)[0].AdditionalProperties!["refundStatus"].GetString().Should().Be("NONE");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_parse_answers_missing_documented_fields(string id)
    {
        var body = new JsonObject { [ItemsKey(id)] = new JsonArray(new JsonObject()) };
        Respond("GET", PathOf(id), body.ToJsonString());
        using var client = Client();

        var page = await Call(id, client, null);

        Records(page).Should().ContainSingle();
        Totals(page).Should().Be(((int?)null, (int?)null), "the answer has no paging block");

        Mock.Server.ResetMappings();
        Respond("GET", PathOf(id), "{}");
        var empty = await Call(id, client, null);
        empty.Should().NotBeNull();
    }

    public static TheoryData<string, int, Type> ErrorCases()
    {
        var data = new TheoryData<string, int, Type>();
        foreach (var id in new[] { "E14", "E16", "E17", "E18" })
        {
            data.Add(id, 400, typeof(ConscentBadRequestException));
            data.Add(id, 401, typeof(ConscentAuthenticationException));
            data.Add(id, 403, typeof(ConscentAuthenticationException));
            data.Add(id, 404, typeof(ConscentNotFoundException));
            data.Add(id, 429, typeof(ConscentRateLimitedException));
            data.Add(id, 500, typeof(ConscentServerException));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task E14_E16_E17_E18_map_documented_error_statuses_without_echoing_email_or_phone(string id, int status, Type expected)
    {
        Respond("GET", PathOf(id), "{\"message\":\"No purchases\"}", status);
        using var client = Client();

        var act = () => Call(id, client, FullQuery());

        var thrown = (await act.Should().ThrowAsync<ConscentApiException>()).Which;
        thrown.GetType().Should().Be(expected);
        thrown.PathTemplate.Should().Be(PathOf(id));
        foreach (var text in new[] { thrown.Message, thrown.ToString() })
        {
            text.Should().NotContain(Email).And.NotContain("reader%2B1").And.NotContain(Phone).And.NotContain("919545734678");
        }
    }

    public static TheoryData<string, string> InvalidQueries()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in new[] { "E14", "E16", "E17", "E18" })
        {
            data.Add(id, "pageSize 0");
            data.Add(id, "pageSize 2001");
            data.Add(id, "pageNumber 0");
            data.Add(id, "from after to");
        }
        return data;
    }

    internal static (PurchaseQuery Query, string Field) Broken(string rule)
    {
        var q = FullQuery();
        switch (rule)
        {
            case "pageSize 0": q.PageSize = 0; return (q, "pageSize");
            case "pageSize 2001": q.PageSize = 2001; return (q, "pageSize");
            case "pageNumber 0": q.PageNumber = 0; return (q, "pageNumber");
            case "from after to": q.From = To; q.To = From; return (q, "from");
            default: throw new ArgumentOutOfRangeException(nameof(rule));
        }
    }

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task E14_E16_E17_E18_reject_bad_paging_and_dates_before_sending(string id, string rule)
    {
        var (query, field) = Broken(rule);
        using var client = Client();

        var act = () => Call(id, client, query);

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
        thrown.Message.Should().Contain(field).And.NotContain(Email).And.NotContain(Phone);

        var all = () => CallAll(id, client, query);
        all.Should().Throw<ConscentValidationException>("ListAll checks the query when it is called, not at the first page")
            .Which.Errors.Should().ContainSingle(e => e.Field == field);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public void Each_purchase_list_names_its_own_operation_in_validation_errors()
    {
        using var client = Client();
        var (query, _) = Broken("pageSize 2001");

        string OperationOf(Action list) =>
            FluentActions.Invoking(list).Should().Throw<ConscentValidationException>().Which.Operation!;

        OperationOf(() => client.Purchases.ListAsync(query)).Should().Be("Purchases.List");
        OperationOf(() => client.Purchases.ListSubscriptionsAsync(query)).Should().Be("Purchases.Subscriptions");
        OperationOf(() => client.Purchases.ListPassesAsync(query)).Should().Be("Purchases.Passes");
        OperationOf(() => client.Purchases.ListMicropaymentsAsync(query)).Should().Be("Purchases.Micropayments");
        OperationOf(() => client.Purchases.ListRecordsAsync(query)).Should().Be("Purchases.Records", "the merged list is what the caller called, not the first list it reads");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_accept_the_largest_documented_page_size(string id)
    {
        RespondWithSample("GET", PathOf(id), SampleOf(id));
        using var client = Client();

        await Call(id, client, new PurchaseQuery { PageSize = PurchaseQuery.MaxPageSize, PageNumber = 1 });

        SingleRequest().Query!["pageSize"].Should().Equal("2000");
    }

    // ---------- Auto-paging ----------

    /// <summary>Serves page 1 from the docs' sample (trimmed to <paramref name="firstPageCount"/> records) and page 2 with one record.</summary>
    private void ServeTwoPages(string id, int firstPageCount, JsonNode? paginationOverride = null)
    {
        var sample = Samples.Node(SampleOf(id));
        var items = sample[ItemsKey(id)]!.AsArray();
        var first = items[0]!.DeepClone();
        items.Clear();
        for (var i = 0; i < firstPageCount; i++)
        {
            var item = first.DeepClone();
            item["price"] = i + 1;
            items.Add(item);
        }
        if (paginationOverride is not null) sample["pagination"] = paginationOverride;
        var page2 = Samples.Node(SampleOf(id));
        var items2 = page2[ItemsKey(id)]!.AsArray();
        var only = items2[0]!.DeepClone();
        only["price"] = 99;
        items2.Clear();
        items2.Add(only);

        Mock.Server.Given(Request.Create().WithPath(PathOf(id)).WithParam("pageNumber", "1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(sample.ToJsonString()));
        Mock.Server.Given(Request.Create().WithPath(PathOf(id)).WithParam("pageNumber", "2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(page2.ToJsonString()));
        Mock.Server.Given(Request.Create().WithPath(PathOf(id)).WithParam("pageNumber", "3").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("{\"message\":\"should not be asked\"}"));
    }

    private static decimal? PriceOf(ConscentModel record) => record switch
    {
        PurchaseRecord r => r.Price,
        PurchaseTransaction t => t.Price,
        _ => throw new InvalidOperationException(),
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_list_all_walks_pages_until_a_short_page(string id)
    {
        // For E16 the totals say "more pages" so only the short page ends the walk.
        ServeTwoPages(id, 2, new JsonObject { ["pageNumber"] = 1, ["pageSize"] = 2, ["totalRecords"] = 3, ["totalPages"] = 2 });
        using var client = Client();
        var query = new PurchaseQuery { UserId = "6346608680c2216fe33d84fa", PageSize = 2 };

        var records = new List<ConscentModel>();
        await foreach (var r in CallAll(id, client, query)) records.Add(r);

        records.Select(PriceOf).Should().Equal(1m, 2m, 99m);
        var queries = Mock.Server.LogEntries.Select(e => e.RequestMessage!.Query!).ToList();
        queries.Should().HaveCount(2, "page 2 is shorter than the page size: the walk stops there");
        queries.Select(q => q["pageNumber"].Single()).Should().Equal("1", "2");
        queries.Should().AllSatisfy(q =>
        {
            q["pageSize"].Should().Equal("2");
            q["userId"].Should().Equal("6346608680c2216fe33d84fa");
        });
        query.PageNumber.Should().BeNull("the caller's query is not changed");
    }

    [Fact]
    public async Task E16_list_all_stops_at_total_pages()
    {
        ServeTwoPages("E16", 2, new JsonObject { ["pageNumber"] = 1, ["pageSize"] = 2, ["totalRecords"] = 2, ["totalPages"] = 1 });
        using var client = Client();

        var records = new List<PurchaseTransaction>();
        await foreach (var r in client.Purchases.ListAsync(new PurchaseQuery { PageSize = 2 })) records.Add(r);

        records.Should().HaveCount(2);
        Mock.Server.LogEntries.Should().ContainSingle("the totals say page 1 is the last");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_list_all_uses_the_documented_default_page_size_and_stops_on_a_short_page(string id)
    {
        RespondWithSample("GET", PathOf(id), SampleOf(id));
        using var client = Client();

        var count = 0;
        await foreach (var _ in CallAll(id, client, null)) count++;

        count.Should().Be(Samples.Node(SampleOf(id))[ItemsKey(id)]!.AsArray().Count);
        var q = SingleRequest().Query!;
        q["pageSize"].Should().Equal("500");
        q["pageNumber"].Should().Equal("1");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task E14_E16_E17_E18_list_all_starts_at_the_given_page_and_stops_on_an_empty_page(string id)
    {
        var empty = new JsonObject { [ItemsKey(id)] = new JsonArray() };
        Respond("GET", PathOf(id), empty.ToJsonString());
        using var client = Client();

        var count = 0;
        await foreach (var _ in CallAll(id, client, new PurchaseQuery { PageNumber = 4, PageSize = 10 })) count++;

        count.Should().Be(0);
        SingleRequest().Query!["pageNumber"].Should().Equal("4");
    }
}
