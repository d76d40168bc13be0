using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing.Tests.Infrastructure;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>E08–E21 through raw HTTP: statuses, the docs' JSON shapes, auth, paging and state changes.</summary>
public sealed class RawAccountEndpointTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly FixedClock _clock = new(Now);
    private readonly ConscentSimulator _sim;
    private readonly Raw _raw;

    public RawAccountEndpointTests()
    {
        _sim = new ConscentSimulator(new ConscentSimulatorOptions { TimeProvider = _clock });
        _raw = new Raw(_sim);
    }

    public void Dispose()
    {
        _raw.Dispose();
        _sim.Dispose();
    }

    private static SimulatedAddress FullAddress() => new() { Apartment = "4792", Area = "Chattarpur", Pincode = "110074", Landmark = "l", City = "New Delhi", State = "Delhi", Country = "IN" };

    private SimulatedUser FullUser(string? phone = "9847473843") => _sim.SeedUser(new SimulatedUser
    {
        Name = "Test Name",
        Email = "usertesting@email.com",
        PhoneNumber = phone,
        Address = FullAddress(),
        ClientSpecificUserId = "234234612",
    });

    private SimulatedSubscription FullSubscription(string userId, DateTimeOffset? createdAt = null) => _sim.SeedSubscription(new SimulatedSubscription
    {
        UserId = userId,
        Title = "Subscription 2",
        Price = 100,
        BuyingPrice = 96.5m,
        Country = "IN",
        City = "bengaluru",
        OperatingSystem = "Mac OS",
        Device = "desktop",
        CreatedAt = createdAt ?? Now.AddDays(-10),
        ExpiryDate = Now.AddDays(20),
        ClientContentId = "Client Story Id 1",
        ContentId = "5fbe46efbee15f1cebc81515",
        Benefits = "Easy access to contents",
        LogoUrl = "https://logo",
        RzpSubscriptionId = "sub_J4a4NYpUc0qDMU",
        AllowCancellation = true,
    });

    [Fact]
    public async Task E08_validate_consumption_without_auth_answers_the_docs_one_element_array()
    {
        _sim.SeedContent("Client-Content-Id", "T", "https://x", 5);
        var id = _sim.IssueConsumption("Client-Content-Id");

        var (status, json, _) = await _raw.Post("/api/v1/content/consumption/" + id, auth: Auth.None);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("consumption-validate.response.json");
        var item = json!.AsArray().Single()!;
        item["consumptionId"]!.GetValue<string>().Should().Be(id);
        item["payload"]!["clientId"]!.GetValue<string>().Should().Be(_sim.Settings.ClientId);
        item["payload"]!["contentId"]!.GetValue<string>().Should().Be("Client-Content-Id");
        item["payload"]!["createdAt"]!.GetValue<string>().Should().Be("2024-05-10T12:00:00.000Z");
        _sim.Requests.Single().Auth.Should().Be(SimulatedAuth.None);
        _sim.Consumptions.Single().ValidationCount.Should().Be(1);
    }

    [Fact]
    public async Task E08_validate_consumption_unknown_id_answers_an_empty_array()
    {
        var (status, json, _) = await _raw.Post("/api/v1/content/consumption/11c369df-2a30-4a0d-90dc-5a45797dacdd", auth: Auth.None);
        status.Should().Be(HttpStatusCode.OK);
        json!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task E08_validate_consumption_single_use_second_validation_is_empty()
    {
        using var sim = new ConscentSimulator(new ConscentSimulatorOptions { SingleUseConsumptions = true });
        using var raw = new Raw(sim);
        var id = sim.IssueConsumption("c1");

        (await raw.Post("/api/v1/content/consumption/" + id, auth: Auth.None)).Json!.AsArray().Should().HaveCount(1);
        (await raw.Post("/api/v1/content/consumption/" + id, auth: Auth.None)).Json!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task E09_content_stats_counts_consumptions_in_the_range_get_or_post()
    {
        _sim.SeedContent("c1", "T", "https://x", 10);
        _sim.IssueConsumption("c1", createdAt: Now.AddDays(-1));
        _sim.IssueConsumption("c1", amount: 2.5m, createdAt: Now.AddDays(-1));
        _sim.IssueConsumption("c1", createdAt: Now.AddDays(-30));
        const string path = "/api/v1/client/stats/content/c1?from=2024-05-08T00:00:00.000Z&to=2024-05-10T00:00:00.000Z";

        var (status, json, _) = await _raw.Get(path);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("stats-content.response.json");
        json!["count"]!.GetValue<int>().Should().Be(2);
        json["amount"]!.GetValue<decimal>().Should().Be(12.5m);
        json["currency"]!.GetValue<string>().Should().Be("INR");
        (await _raw.Post(path)).Json!["count"]!.GetValue<int>().Should().Be(2);
        (await _raw.Get("/api/v1/client/stats/content/c1")).Json!["count"]!.GetValue<int>().Should().Be(3, "without from/to the stats cover all time");
        (await _raw.Get("/api/v1/client/stats/content/unknown")).Status.Should().Be(HttpStatusCode.NotFound);
        (await _raw.Get("/api/v1/client/stats/content/c1?from=yesterday")).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task E10_daily_stats_defaults_to_the_previous_utc_day()
    {
        _sim.IssueConsumption("a", amount: 10, createdAt: new DateTimeOffset(2024, 5, 9, 8, 0, 0, TimeSpan.Zero));
        _sim.IssueConsumption("b", amount: 19.6m, createdAt: new DateTimeOffset(2024, 5, 9, 23, 0, 0, TimeSpan.Zero));
        _sim.IssueConsumption("c", amount: 100, createdAt: new DateTimeOffset(2024, 5, 10, 1, 0, 0, TimeSpan.Zero));

        var (status, json, _) = await _raw.Get("/api/v1/client/stats/daily");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("stats-daily.response.json");
        json!["totalContentConsumed"]!.GetValue<int>().Should().Be(2);
        json["totalRevenueGenerated"]!.GetValue<decimal>().Should().Be(29.6m);
        var ranged = await _raw.Post("/api/v1/client/stats/daily?from=2024-05-01T00:00:00.000Z&to=2024-05-11T00:00:00.000Z");
        ranged.Json!["totalContentConsumed"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task E11_current_subscribers_lists_active_ones_in_the_docs_shape()
    {
        var user = FullUser();
        FullSubscription(user.Id!);
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "old", ExpiryDate = Now.AddDays(-1) });
        _sim.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "cancelled", Status = "CANCELLED" });

        var (status, json, _) = await _raw.Get("/api/v1/subscription/client/list");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("subscription-client-list.response.json");
        json!["subscriptions"]!.AsArray().Select(s => s!["subscriptionTitle"]!.GetValue<string>()).Should().Equal("Subscription 2");
        json["subscriptions"]![0]!["userAccount"]!["email"]!.GetValue<string>().Should().Be("usertesting@email.com");
        (await _raw.Post("/api/v1/subscription/client/list")).Status.Should().Be(HttpStatusCode.OK);
        (await _raw.Get("/api/v1/subscription/client/list", Auth.None)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task E12_migrate_the_docs_sample_answers_the_docs_shape_and_creates_the_subscriber()
    {
        var (status, json, _) = await _raw.Post("/api/v1/subscription/migrate", Samples.Node("subscription-migrate.request.json"));

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("subscription-migrate.response.json");
        var migrated = json!["migratedSubscription"]!;
        migrated["migratedSubscriptionDetails"]!["priceDetails"]!["price"]!.GetValue<decimal>().Should().Be(200);
        migrated["expiryDate"]!.GetValue<string>().Should().Be("2022-01-25T12:39:28.337Z");
        migrated["migrated"]!.GetValue<bool>().Should().BeTrue();
        var user = _sim.Users.Single();
        user.Email.Should().Be("testemail@test.com");
        migrated["userAccount"]!.GetValue<string>().Should().Be(user.Id);
        _sim.Subscriptions.Single().Migrated.Should().BeTrue();
    }

    [Theory]
    [InlineData("country", null, "country is required")]
    [InlineData("country", "\"XX\"", "country must be")]
    [InlineData("expiryDate", null, "expiryDate is required")]
    [InlineData("purchaseDate", null, "purchaseDate is required")]
    [InlineData("subscriptionDetails", null, "subscriptionDetails is required")]
    public async Task E12_migrate_documented_rule_broken_answers_400(string field, string? value, string message)
    {
        var body = Samples.Node("subscription-migrate.request.json").AsObject();
        body.Remove(field);
        if (value is not null) body[field] = JsonNode.Parse(value);

        var (status, json, _) = await _raw.Post("/api/v1/subscription/migrate", body);

        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain(message);
        _sim.Subscriptions.Should().BeEmpty();
    }

    [Fact]
    public async Task E12_migrate_needs_email_or_phone_and_an_address_for_physical()
    {
        var body = Samples.Node("subscription-migrate.request.json").AsObject();
        body.Remove("userPrimaryEmail");
        body.Remove("userPrimaryPhone");
        (await _raw.Post("/api/v1/subscription/migrate", body)).Json!["message"]!.GetValue<string>().Should().Contain("userPrimaryEmail or userPrimaryPhone");

        var physical = Samples.Node("subscription-migrate.request.json").AsObject();
        physical.Remove("userAddress");
        physical["subscriptionDetails"]!["subscriptionType"]!["physical"] = true;
        var (status, json, _) = await _raw.Post("/api/v1/subscription/migrate", physical);
        status.Should().Be(HttpStatusCode.BadRequest);
        json!["message"]!.GetValue<string>().Should().Contain("userAddress");
    }

    [Fact]
    public async Task E13_user_and_subscription_details_no_auth_answers_the_docs_shape()
    {
        var user = _sim.SeedUser(new SimulatedUser
        {
            Name = "AKHIL",
            Email = "testmail51@gmail.com",
            SecondaryPhoneNumber = "9832748888",
            SecondaryEmail = "",
            DateOfBirth = new DateTimeOffset(1999, 1, 1, 9, 50, 21, TimeSpan.Zero),
            Address = FullAddress(),
            Country = "IN",
            PromotionalOptIn = true,
            WalletBalance = 50,
        });
        FullSubscription(user.Id!);

        var (status, json, _) = await _raw.Get($"/user/user-and-subscription-details?clientId={_sim.Settings.ClientId}&userId={user.Id}", Auth.None);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("user-and-subscription-details.response.json");
        json!["userdetails"]!["wallet"]!["balance"]!["$numberDecimal"]!.GetValue<string>().Should().Be("50.00");
        json["userSubscriptions"]![0]!["status"]!.GetValue<string>().Should().Be("ACTIVE");
        _sim.Requests.Single().Headers.Should().NotContainKey("Authorization");
        (await _raw.Get($"/user/user-and-subscription-details?clientId={_sim.Settings.ClientId}&userId=nobody", Auth.None)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _raw.Get($"/user/user-and-subscription-details?userId={user.Id}", Auth.None)).Status.Should().Be(HttpStatusCode.BadRequest);
        (await _raw.Get($"/user/user-and-subscription-details?clientId=other&userId={user.Id}", Auth.None)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E14_purchased_subscriptions_answers_the_docs_shape_with_pagination_info()
    {
        var user = FullUser("129347792");
        FullSubscription(user.Id!);
        FullSubscription(user.Id!, Now.AddDays(-1));

        var (status, json, _) = await _raw.Get($"/client/purchases/subscriptions?userId={user.Id}&pageSize=2&pageNumber=1");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("client-purchases-subscriptions.response.json");
        json!["paginationInfo"]!.ToJsonString().Should().Be("{\"pageNumber\":1,\"pageSize\":2,\"recordsReturned\":2}");
        (await _raw.Get("/client/purchases/subscriptions?from=2024-05-09T00:00:00.000Z")).Json!["purchases"]!.AsArray().Should().HaveCount(1);
        (await _raw.Get("/client/purchases/subscriptions?pageSize=2001")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await _raw.Get("/client/purchases/subscriptions", Auth.WrongBasic)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    private (SimulatedUser User, SimulatedPurchase Pass, SimulatedPurchase Micro) SeedPurchases()
    {
        var user = FullUser("8243334265");
        var pass = _sim.SeedPurchase(new SimulatedPurchase
        {
            UserId = user.Id, Type = PurchaseTypes.Pass, ClientContentId = "Client-Story-Id-1", Title = "Client-Story Id 1",
            Url = "https://x/1", Price = 399, BuyingPrice = 319.21m, Gst = 11.9m, CreatedAt = Now.AddDays(-2), ExpiryDate = Now.AddDays(5),
        });
        var micro = _sim.SeedPurchase(new SimulatedPurchase
        {
            UserId = user.Id, Type = PurchaseTypes.Content, ClientContentId = "Client-Story-Id-1", Title = "Client-Story Id 1",
            Url = "https://x/1", Price = 10, BuyingPrice = 8, Gst = 1.5m, CreatedAt = Now.AddDays(-1), ExpiryDate = Now.AddDays(2),
        });
        return (user, pass, micro);
    }

    [Fact]
    public async Task E15_user_and_purchase_details_by_email_no_auth_answers_the_docs_shape()
    {
        var user = _sim.SeedUser(new SimulatedUser
        {
            Name = "Pushpankar", PhoneNumber = "9936225088", SecondaryEmail = "s@x.com", Address = FullAddress(), Country = "IN", PromotionalOptIn = true,
        });
        _sim.SeedSubscription(new SimulatedSubscription
        {
            UserId = user.Id, Title = "Digital", Price = 400, Gst = 61.02m, AdFree = false, Benefits = "b", LogoUrl = "https://l",
            ExpiryDate = Now.AddDays(3), AllowRenewal = true, RenewalUrl = "https://renew",
        });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Pass, Price = 78, Gst = 11.9m, ExpiryDate = Now.AddDays(1) });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Content, Price = 10, Gst = 1.5m, ExpiryDate = Now.AddDays(1) });

        var (status, json, _) = await _raw.Get($"/user/user-and-purchase-details?clientId={_sim.Settings.ClientId}&phoneNumber=9936225088", Auth.None);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("user-and-purchase-details.response.json");
        json!["passes"]!.AsArray().Should().HaveCount(1);
        json["payPerUses"]![0]!["price"]!.GetValue<decimal>().Should().Be(10);
        (await _raw.Get($"/user/user-and-purchase-details?clientId={_sim.Settings.ClientId}", Auth.None)).Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task E16_client_purchases_embeds_user_client_and_content_with_totals()
    {
        var (user, _, _) = SeedPurchases();

        var (status, json, _) = await _raw.Get($"/client/purchases?email={Uri.EscapeDataString(user.Email!)}&pageSize=1&pageNumber=1");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("client-purchases.response.json");
        json!["transactionDetails"]![0]!["type"]!.GetValue<string>().Should().Be("PASS");
        json["transactionDetails"]![0]!["clientId"]!["name"]!.GetValue<string>().Should().Be("Demo Client");
        json["pagination"]!.ToJsonString().Should().Be("{\"pageNumber\":1,\"pageSize\":1,\"totalRecords\":2,\"totalPages\":2}");
        (await _raw.Get("/client/purchases?email=nobody%40x.com")).Json!["transactionDetails"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task E17_client_passes_answers_the_docs_shape()
    {
        var (user, pass, _) = SeedPurchases();

        var (status, json, _) = await _raw.Get($"/client/purchases/passes?phoneNumber={user.PhoneNumber}");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("client-purchases-passes.response.json");
        json!["purchases"]!.AsArray().Single()!["contentId"]!.GetValue<string>().Should().Be(pass.ContentId);
        json["paginationInfo"]!["pageSize"]!.GetValue<int>().Should().Be(500, "the documented default page size is 500");
    }

    [Fact]
    public async Task E18_client_micropayments_answers_the_docs_shape_and_pages()
    {
        var (user, _, micro) = SeedPurchases();
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Content, Price = 3, CreatedAt = Now });

        var (status, json, _) = await _raw.Get("/client/purchases/micropayments?pageSize=1&pageNumber=1");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("client-purchases-micropayments.response.json");
        json!["purchases"]!.AsArray().Single()!["_id"].Should().BeNull("purchase lists carry no _id in the docs");
        json["purchases"]![0]!["price"]!.GetValue<decimal>().Should().Be(micro.Price);
        var second = await _raw.Get("/client/purchases/micropayments?pageSize=1&pageNumber=2");
        second.Json!["paginationInfo"]!["recordsReturned"]!.GetValue<int>().Should().Be(1);
        (await _raw.Get("/client/purchases/micropayments?pageSize=1&pageNumber=3")).Json!["purchases"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task E19_cancel_subscriptions_cancels_every_active_one()
    {
        var user = FullUser();
        FullSubscription(user.Id!);
        FullSubscription(user.Id!);

        var (status, json, _) = await _raw.Post("/client/cancel-subscriptions/" + user.Id);

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("cancel-subscriptions.response.json");
        _sim.Subscriptions.Should().OnlyContain(s => s.Status == "CANCELLED");
        (await _raw.Get("/api/v1/subscription/client/list")).Json!["subscriptions"]!.AsArray().Should().BeEmpty();
        (await _raw.Post("/client/cancel-subscriptions/nobody")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E20_generate_temp_token_from_query_or_body()
    {
        var (status, json, _) = await _raw.Post("/client/generate-temp-token?email=a%40b.com&phoneNumber=9999999999");

        status.Should().Be(HttpStatusCode.OK);
        json.ShouldMatchSample("generate-temp-token.response.json");
        _sim.AutoLoginTokens.Single().Email.Should().Be("a@b.com");
        _sim.AutoLoginTokens.Single().Token.Should().Be(json!["tempAuthToken"]!.GetValue<string>());
        (await _raw.Post("/client/generate-temp-token", new JsonObject { ["phoneNumber"] = "1" })).Status.Should().Be(HttpStatusCode.OK);
        (await _raw.Post("/client/generate-temp-token")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await _raw.Post("/client/generate-temp-token?email=a%40b.com", auth: Auth.None)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task E21_loyalty_event_with_api_key_is_recorded()
    {
        var body = Samples.Node("loyalty-user-event.request.json");

        var (status, _, _) = await _raw.Post($"/reward/{_sim.Settings.ClientId}/api/user_event", body, Auth.ApiKey);

        status.Should().Be(HttpStatusCode.OK);
        var e = _sim.LoyaltyEvents.Single();
        e.EventType.Should().Be("ORDER_PLACED");
        e.UserId.Should().Be("42bede01c83fa3947");
        e.PartnerId.Should().Be(_sim.Settings.ClientId);
        JsonNode.DeepEquals(e.Body, body).Should().BeTrue();
        _sim.Requests.Single().Headers["X-API-KEY"].Should().Be("***");
    }

    [Fact]
    public async Task E21_loyalty_event_without_the_key_or_for_another_partner_is_rejected()
    {
        var body = Samples.Node("loyalty-user-event.request.json");
        (await _raw.Post($"/reward/{_sim.Settings.ClientId}/api/user_event", body, Auth.Basic)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await _raw.Post("/reward/other-partner/api/user_event", body, Auth.ApiKey)).Status.Should().Be(HttpStatusCode.NotFound);
        _sim.LoyaltyEvents.Should().BeEmpty();
    }
}
