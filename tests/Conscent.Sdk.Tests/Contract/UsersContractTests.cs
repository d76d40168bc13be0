using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E13 and E15: the two user-details endpoints (no auth, client id from options), pinned against the docs' samples.</summary>
public sealed class UsersContractTests : ContractTestBase
{
    private const string SubscriptionDetailsPath = "/user/user-and-subscription-details";
    private const string PurchaseDetailsPath = "/user/user-and-purchase-details";
    private const string Email = "reader+1@example.com";
    private const string Phone = "+919936225088";
    // ---------- E13 ----------

    [Fact]
    public async Task E13_user_and_subscription_details_sends_get_with_client_id_and_user_id_and_no_authorization()
    {
        RespondWithSample("GET", SubscriptionDetailsPath, "user-and-subscription-details.response.json");
        using var client = Client();

        await client.Users.GetUserAndSubscriptionDetailsAsync("62273ffbd5c69afcd7c05349");

        var sent = SingleRequest();
        sent.Method.Should().Be("GET");
        sent.AbsolutePath.Should().Be(SubscriptionDetailsPath, "no /api/v1 prefix: the path is used as documented");
        sent.Headers!.ContainsKey("Authorization").Should().BeFalse("the docs say \"Auth required : NO\"");
        sent.Headers.ContainsKey("Content-Type").Should().BeFalse();
        sent.Query!.Keys.Should().BeEquivalentTo("clientId", "userId");
        sent.Query["clientId"].Should().Equal(MockServer.ClientId);
        sent.Query["userId"].Should().Equal("62273ffbd5c69afcd7c05349");
        Recorder.Uris.Should().ContainSingle().Which.Should().Be(
            Base + SubscriptionDetailsPath + "?clientId=" + MockServer.ClientId + "&userId=62273ffbd5c69afcd7c05349");
    }

    [Fact]
    public async Task E13_user_and_subscription_details_maps_every_documented_response_field()
    {
        RespondWithSample("GET", SubscriptionDetailsPath, "user-and-subscription-details.response.json");
        using var client = Client();

        var r = await client.Users.GetUserAndSubscriptionDetailsAsync("u1");

        var u = r.UserDetails!;
        u.Name.Should().Be("AKHIL");
        u.Email.Should().Be("testmail51@gmail.com");
        u.SecondaryPhoneNumber.Should().Be("9832748888");
        u.SecondaryEmail.Should().BeEmpty();
        u.DateOfBirth.Should().Be(new DateTimeOffset(1999, 1, 1, 9, 50, 21, 951, TimeSpan.Zero));
        u.Address!.Apartment.Should().Be("ouy");
        u.Address.Area.Should().Be("029384kdsjf");
        u.Address.Pincode.Should().Be("530009");
        u.Address.Landmark.Should().Be("fj");
        u.Address.City.Should().Be("8732489");
        u.Address.State.Should().BeEmpty();
        u.Address.Country.Should().Be("IN");
        u.Country.Should().Be("IN");
        u.PromotionalOptIn.Should().BeTrue();
        u.LastPurchasedOn.Should().Be(new DateTimeOffset(2022, 3, 8, 11, 37, 31, 667, TimeSpan.Zero));
        u.Wallet!.Balance.Should().Be(50.00m, "{\"$numberDecimal\": \"50.00\"} is read as a decimal");
        u.Wallet.Currency.Should().Be("INR");
        u.AdditionalProperties.Should().BeNullOrEmpty();

        var s = r.UserSubscriptions.Should().ContainSingle().Subject;
        s.Id.Should().Be("62273ffbd5c69afcd7c05349");
        s.Client.Should().Be("Outlook");
        s.Price.Should().Be(1000m);
        s.PurchasedOn.Should().Be(new DateTimeOffset(2022, 3, 8, 11, 37, 31, 537, TimeSpan.Zero));
        s.SubscriptionTitle.Should().Be("Subscription test physical");
        s.ExpiryDate.Should().Be(new DateTimeOffset(2022, 4, 8, 11, 37, 31, 518, TimeSpan.Zero));
        s.SubscriptionType!.Physical.Should().BeTrue();
        s.SubscriptionType.Digital.Should().BeFalse();
        s.SubscriptionType.AdFree.Should().BeNull();
        s.Benefits.Should().Be("Easy access to contents");
        s.LogoUrl.Should().Be("https://conscent-public.s3.ap-south-1.amazonaws.com/stage/Outlook/banners/Outlook%20-%20brandLogo");
        s.RzpSubscriptionId.Should().Be("sub_J4a4NYpUc0qDMU");
        s.Status.Should().Be(SubscriptionStatuses.Active);
        s.FreeTrial.Should().BeFalse();
        s.TierId.Should().Be("61a49984fabe8d7705a2cabd");
        s.ClientId.Should().Be("5f92a62013332e0f667794dc");
        s.GstComponents!.Physical.Should().Be(0m);
        s.GstComponents.Digital.Should().Be(0m);
        s.SubscriptionDurationInMonths.Should().Be(1);
        s.SubscriptionPriceInInr.Should().Be(1000m);
        s.AllowCancellation.Should().BeTrue();
        s.CancellationUrl.Should().Be("http://localhost:3000/consumption?subscription=62273ffbd5c69afcd7c05349");
        s.AllowRenewal.Should().BeFalse();
        s.RenewalUrl.Should().BeEmpty();
        s.AdditionalProperties.Should().BeNullOrEmpty();
        r.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E13_user_and_subscription_details_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var sample = Samples.Node("user-and-subscription-details.response.json");
        sample["requestId"] = "r1";
        sample["userdetails"]!["gender"] = "MALE";
        sample["userSubscriptions"]![0]!["autoRenew"] = "ACTIVE";
        sample["userdetails"]!.AsObject().Remove("wallet");
        sample["userSubscriptions"]![0]!.AsObject().Remove("status");
        Respond("GET", SubscriptionDetailsPath, sample.ToJsonString());
        using var client = Client();

        var r = await client.Users.GetUserAndSubscriptionDetailsAsync("u1");

        r.AdditionalProperties!["requestId"].GetString().Should().Be("r1");
        r.UserDetails!.AdditionalProperties!["gender"].GetString().Should().Be("MALE");
        r.UserSubscriptions![0].AdditionalProperties!["autoRenew"].GetString().Should().Be("ACTIVE");
        r.UserDetails.Wallet.Should().BeNull();
        r.UserSubscriptions[0].Status.Should().BeNull();

        Mock.Server.ResetMappings();
        Respond("GET", SubscriptionDetailsPath, "{}");
        var empty = await client.Users.GetUserAndSubscriptionDetailsAsync("u1");
        empty.UserDetails.Should().BeNull();
        empty.UserSubscriptions.Should().BeNull();
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData("\"50.5\"", 50.5)]
    [InlineData("{\"$numberDecimal\":\"0.00\"}", 0)]
    public async Task E13_user_and_subscription_details_reads_the_wallet_balance_in_each_form(string balance, double expected)
    {
        Respond("GET", SubscriptionDetailsPath, "{\"userdetails\":{\"wallet\":{\"balance\":" + balance + ",\"currency\":\"INR\"}}}");
        using var client = Client();

        var r = await client.Users.GetUserAndSubscriptionDetailsAsync("u1");

        r.UserDetails!.Wallet!.Balance.Should().Be((decimal)expected);
    }

    [Fact]
    public async Task E13_user_and_subscription_details_requires_a_client_id_in_options_before_sending()
    {
        using var client = Client(o => { o.ClientId = null; o.RequireClientId = false; });

        var act = () => client.Users.GetUserAndSubscriptionDetailsAsync("u1");

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Should().ContainSingle().Which.Field.Should().Be("clientId");
        thrown.Message.Should().Contain("clientId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task E13_user_and_subscription_details_requires_a_user_id_before_sending(string? userId)
    {
        using var client = Client();

        var act = () => client.Users.GetUserAndSubscriptionDetailsAsync(userId!);

        (await act.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "userId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    public static TheoryData<string, int, Type> ErrorCases()
    {
        var data = new TheoryData<string, int, Type>();
        foreach (var id in new[] { "E13", "E15" })
        {
            data.Add(id, 400, typeof(ConscentBadRequestException));
            data.Add(id, 401, typeof(ConscentAuthenticationException));
            data.Add(id, 404, typeof(ConscentNotFoundException));
            data.Add(id, 429, typeof(ConscentRateLimitedException));
            data.Add(id, 500, typeof(ConscentServerException));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task E13_E15_map_documented_error_statuses_without_echoing_email_or_phone(string id, int status, Type expected)
    {
        var path = id == "E13" ? SubscriptionDetailsPath : PurchaseDetailsPath;
        Respond("GET", path, "{\"message\":\"User not found\"}", status);
        using var client = Client();

        Func<Task> act = id == "E13"
            ? () => client.Users.GetUserAndSubscriptionDetailsAsync("u1")
            : () => client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { Email = Email, PhoneNumber = Phone });

        var thrown = (await act.Should().ThrowAsync<ConscentApiException>()).Which;
        thrown.GetType().Should().Be(expected);
        thrown.PathTemplate.Should().Be(path);
        thrown.ServerMessage.Should().Be("User not found");
        thrown.ToString().Should().NotContain(Email).And.NotContain("reader%2B1").And.NotContain("9936225088");
    }

    // ---------- E15 ----------

    [Fact]
    public async Task E15_user_and_purchase_details_sends_get_with_client_id_every_filter_and_no_authorization()
    {
        RespondWithSample("GET", PurchaseDetailsPath, "user-and-purchase-details.response.json");
        using var client = Client();

        await client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery
        {
            UserId = "6346608680c2216fe33d84fa",
            Email = Email,
            PhoneNumber = Phone,
            From = new DateTimeOffset(2021, 2, 12, 5, 45, 41, 389, TimeSpan.Zero),
            To = new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero),
            PageNumber = 1,
            PageSize = 2000,
        });

        var sent = SingleRequest();
        sent.Method.Should().Be("GET");
        sent.AbsolutePath.Should().Be(PurchaseDetailsPath, "no /api/v1 prefix: the path is used as documented");
        sent.Headers!.ContainsKey("Authorization").Should().BeFalse("the docs say \"Auth required : NO\"");
        sent.Query!.Keys.Should().BeEquivalentTo("clientId", "userId", "email", "phoneNumber", "from", "to", "pageNumber", "pageSize");
        sent.Query["clientId"].Should().Equal(MockServer.ClientId);
        sent.Query["userId"].Should().Equal("6346608680c2216fe33d84fa");
        sent.Query["email"].Should().Equal(Email);
        sent.Query["phoneNumber"].Should().Equal(Phone);
        sent.Query["from"].Should().Equal("2021-02-12T05:45:41.389Z");
        sent.Query["to"].Should().Equal("2021-03-01T00:00:00.000Z");
        sent.Query["pageNumber"].Should().Equal("1");
        sent.Query["pageSize"].Should().Equal("2000");
        Recorder.Uris.Should().ContainSingle().Which.Should().Contain("email=reader%2B1%40example.com&phoneNumber=%2B919936225088");
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("email")]
    [InlineData("phoneNumber")]
    public async Task E15_user_and_purchase_details_sends_whichever_user_filter_is_given(string filter)
    {
        RespondWithSample("GET", PurchaseDetailsPath, "user-and-purchase-details.response.json");
        using var client = Client();
        var query = filter switch
        {
            "userId" => new PurchaseQuery { UserId = "u1" },
            "email" => new PurchaseQuery { Email = Email },
            _ => new PurchaseQuery { PhoneNumber = Phone },
        };

        await client.Users.GetUserAndPurchaseDetailsAsync(query);

        SingleRequest().Query!.Keys.Should().BeEquivalentTo("clientId", filter);
    }

    [Fact]
    public async Task E15_user_and_purchase_details_maps_every_documented_response_field()
    {
        RespondWithSample("GET", PurchaseDetailsPath, "user-and-purchase-details.response.json");
        using var client = Client();

        var r = await client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { UserId = "u1" });

        var u = r.UserDetails!;
        u.Name.Should().Be("Pushpankar");
        u.PhoneNumber.Should().Be("9936225088");
        u.SecondaryEmail.Should().Be("skdfjn@jnadf.com");
        u.Address!.Apartment.Should().Be("Flat");
        u.Address.Area.Should().Be("Area");
        u.Address.Pincode.Should().Be("Zip");
        u.Address.Landmark.Should().BeEmpty();
        u.Address.City.Should().Be("City");
        u.Address.State.Should().Be("ANDAMAN & NICOBAR ISLANDS");
        u.Address.Country.Should().Be("IN");
        u.Country.Should().Be("IN");
        u.PromotionalOptIn.Should().BeTrue();
        u.LastPurchasedOn.Should().Be(new DateTimeOffset(2023, 4, 17, 14, 1, 0, 411, TimeSpan.Zero));
        u.Wallet!.Balance.Should().Be(0m);
        u.Wallet.Currency.Should().Be("INR");
        u.AdditionalProperties.Should().BeNullOrEmpty();

        r.UserSubscriptions.Should().HaveCount(2);
        var s = r.UserSubscriptions![0];
        s.Id.Should().Be("63b2b8b938dcac1e9a1d55c6");
        s.Client.Should().Be("Demo Client");
        s.Price.Should().Be(400m);
        s.Gst.Should().Be(61.01711999999999m, "the unrounded value is kept exactly");
        s.PurchasedOn.Should().Be(new DateTimeOffset(2023, 1, 2, 10, 58, 1, 603, TimeSpan.Zero));
        s.SubscriptionTitle.Should().Be("Digital");
        s.ExpiryDate.Should().Be(new DateTimeOffset(2023, 2, 2, 10, 58, 1, 600, TimeSpan.Zero));
        s.SubscriptionType!.Physical.Should().BeFalse();
        s.SubscriptionType.Digital.Should().BeTrue();
        s.SubscriptionType.AdFree.Should().BeFalse();
        s.Benefits.Should().Be("It's very good,Very Helpful,Good to read,Good content,50% OFF, 100% OFF");
        s.LogoUrl.Should().Be("https://conscent-public.s3.ap-south-1.amazonaws.com/Static+Assets/Outlook-Logo.png\n", "kept verbatim, trailing newline included");
        s.FreeTrial.Should().BeFalse();
        s.TierId.Should().Be("6347b644bff071350cfd0f55");
        s.ClientId.Should().Be("5f92a62013332e0f667794dc");
        s.GstComponents!.Physical.Should().Be(0m);
        s.GstComponents.Digital.Should().Be(0m);
        s.SubscriptionDurationInMonths.Should().Be(1);
        s.SubscriptionPriceInInr.Should().Be(400m);
        s.AllowCancellation.Should().BeFalse();
        s.CancellationUrl.Should().BeEmpty();
        s.AllowRenewal.Should().BeTrue();
        s.RenewalUrl.Should().Be("https://dashboards.tsbdev.co/dashboard/consumption?subscription=63b2b8b938dcac1e9a1d55c6");
        s.AdditionalProperties.Should().BeNullOrEmpty();
        r.UserSubscriptions[1].SubscriptionType!.AdFree.Should().BeTrue();
        r.UserSubscriptions[1].Gst.Should().Be(7.4745972m);

        var p = r.Passes.Should().ContainSingle().Subject;
        p.Id.Should().Be("637c710d7153ef201cd8be8f");
        p.Client.Should().Be("Demo Client");
        p.Price.Should().Be(78m);
        p.Gst.Should().Be(11.898338399999998m);
        p.PurchasedOn.Should().Be(new DateTimeOffset(2022, 11, 22, 6, 49, 49, 989, TimeSpan.Zero));
        p.ExpiryDate.Should().Be(new DateTimeOffset(2022, 11, 22, 13, 49, 49, 968, TimeSpan.Zero));
        p.FreeTrial.Should().BeFalse();
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.GstComponents!.Physical.Should().Be(0m);
        p.GstComponents.Digital.Should().Be(0m);
        p.AdditionalProperties.Should().BeNullOrEmpty();

        r.PayPerUses.Should().HaveCount(4);
        var m = r.PayPerUses![0];
        m.Id.Should().Be("643d511c0dfb996ad37a0f1c");
        m.Client.Should().Be("Demo Client");
        m.Price.Should().Be(10m);
        m.Gst.Should().Be(1.525428m);
        m.PurchasedOn.Should().Be(new DateTimeOffset(2023, 4, 17, 14, 1, 0, 377, TimeSpan.Zero));
        m.ExpiryDate.Should().Be(new DateTimeOffset(2023, 4, 24, 14, 1, 0, 350, TimeSpan.Zero));
        m.FreeTrial.Should().BeFalse();
        m.ClientId.Should().Be("5f92a62013332e0f667794dc");
        m.GstComponents!.Physical.Should().Be(0m);
        m.GstComponents.Digital.Should().Be(0m);
        r.PayPerUses.Select(x => x.Price).Should().Equal(10m, 9999m, 10m, 16m);
        r.PayPerUses[1].Gst.Should().Be(1525.2754572m);
        r.AdditionalProperties.Should().BeNullOrEmpty("no pagination object is documented for this answer");
    }

    [Fact]
    public async Task E15_user_and_purchase_details_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        var sample = Samples.Node("user-and-purchase-details.response.json");
        sample["paginationInfo"] = new JsonObject { ["pageNumber"] = 1 };
        sample["passes"]![0]!["passTitle"] = "Day pass";
        sample.AsObject().Remove("payPerUses");
        sample["userdetails"]!["address"]!["pincode"] = 744101;
        Respond("GET", PurchaseDetailsPath, sample.ToJsonString());
        using var client = Client();

        var r = await client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { UserId = "u1" });

        r.AdditionalProperties!["paginationInfo"].GetProperty("pageNumber").GetInt32().Should().Be(1);
        r.Passes![0].AdditionalProperties!["passTitle"].GetString().Should().Be("Day pass");
        r.PayPerUses.Should().BeNull();
        r.UserDetails!.Address!.Pincode.Should().Be("744101", "a numeric postcode is read as text");
    }

    [Fact]
    public async Task E15_user_and_purchase_details_requires_a_user_filter_before_sending()
    {
        using var client = Client();

        var act = () => client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { PageSize = 10, UserId = " " });

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Should().ContainSingle().Which.Field.Should().Be("userId");
        thrown.Message.Should().Contain("userId").And.Contain("email").And.Contain("phoneNumber");

        var nullQuery = () => client.Users.GetUserAndPurchaseDetailsAsync(null!);
        (await nullQuery.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "query");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E15_user_and_purchase_details_requires_a_client_id_in_options_before_sending()
    {
        using var client = Client(o => { o.ClientId = " "; o.RequireClientId = false; });

        var act = () => client.Users.GetUserAndPurchaseDetailsAsync(new PurchaseQuery { Email = Email });

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Should().ContainSingle().Which.Field.Should().Be("clientId");
        thrown.Message.Should().NotContain(Email);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("pageSize 0")]
    [InlineData("pageSize 2001")]
    [InlineData("pageNumber 0")]
    [InlineData("from after to")]
    public async Task E15_user_and_purchase_details_rejects_bad_paging_and_dates_before_sending(string rule)
    {
        var (query, field) = PurchasesContractTests.Broken(rule);
        using var client = Client();

        var act = () => client.Users.GetUserAndPurchaseDetailsAsync(query);

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
        thrown.Message.Should().NotContain(query.Email!).And.NotContain(query.PhoneNumber!);
        Mock.Server.LogEntries.Should().BeEmpty();
    }
}
