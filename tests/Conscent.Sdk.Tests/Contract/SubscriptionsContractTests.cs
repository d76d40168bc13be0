using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E12 (subscription migrate) and E19 (cancel active subscriptions), pinned against the docs' samples.</summary>
public sealed class SubscriptionsContractTests : ContractTestBase
{
    private const string MigratePath = "/api/v1/subscription/migrate";
    /// <summary>The docs' migrate sample (the curl request), as a publisher builds it in C#.</summary>
    internal static MigrateSubscriptionRequest SampleMigrateRequest() => new()
    {
        UserPrimaryEmail = "testemail@test.com",
        UserPrimaryPhone = "9545734678",
        UserSecondaryEmail = "testemailsecond@test.com",
        UserSecondaryPhone = "9545732228",
        UserName = "testUser",
        ExpiryDate = new DateTimeOffset(2022, 1, 25, 12, 39, 28, 337, TimeSpan.Zero),
        // The same instant given in IST: it must still be written as UTC with milliseconds.
        PurchaseDate = new DateTimeOffset(2022, 1, 25, 18, 9, 28, 337, TimeSpan.FromHours(5.5)),
        Country = "IN",
        ClientUserId = "9342793972792",
        UserAddress = new MigrateUserAddress { Address = "test address line 1", City = "New Delhi", State = "DELHI", Postcode = "110001" },
        UtmParameters = new UtmParameters { UtmSource = "website", UtmMedium = "facebook" },
        SubscriptionDetails = new MigrateSubscriptionDetails
        {
            Title = "Migrated Subscription 1",
            PriceDetails = new PriceDetails(200, "INR"),
            SubscriptionType = new SubscriptionType { Physical = false, Digital = true },
            InternalSubscriptionId = "89432923924792792379",
        },
    };

    [Fact]
    public async Task E12_migrate_posts_the_docs_sample_with_basic_auth()
    {
        RespondWithSample("POST", MigratePath, "subscription-migrate.response.json");
        using var client = Client();

        await client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        var sent = SingleRequest();
        sent.Method.Should().Be("POST");
        sent.AbsolutePath.Should().Be(MigratePath, "the documented path on {API_URL}, not the samples' localhost:3001");
        sent.AbsoluteUrl.Should().Be(Base + MigratePath);
        sent.RawQuery.Should().BeNullOrEmpty("migrate takes no query parameters");
        sent.Headers!["Authorization"].Should().ContainSingle().Which.Should().Be(MockServer.ExpectedAuthorization);
        sent.Headers["Content-Type"].Should().ContainSingle().Which.Should().Be("application/json");

        var body = JsonNode.Parse(sent.Body!)!;
        JsonNode.DeepEquals(body, Samples.Node("subscription-migrate.request.json")).Should().BeTrue(sent.Body);
        body.AsObject().ContainsKey("subscriptionDetails").Should().BeTrue("the request object is subscriptionDetails, as in the table and every sample");
        body.AsObject().ContainsKey("migratedSubscriptionDetails").Should().BeFalse();
    }

    [Fact]
    public async Task E12_migrate_maps_every_documented_response_field()
    {
        RespondWithSample("pOST", MigratePath, "subscription-migrate.response.json");
        using var client = Client();

        var response = await client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        response.Message.Should().Be("Subscription migrated successfully");
        var s = response.MigratedSubscription!;
        s.GstComponents!.Physical.Should().Be(0m);
        s.GstComponents.Digital.Should().Be(0m);
        s.InrGstComponents!.Physical.Should().Be(0m);
        s.InrGstComponents.Digital.Should().Be(0m);
        var details = s.MigratedSubscriptionDetails!;
        details.PriceDetails!.Price.Should().Be(200m);
        details.PriceDetails.Currency.Should().Be("INR");
        details.SubscriptionType!.Physical.Should().BeFalse();
        details.SubscriptionType.Digital.Should().BeTrue();
        details.Title.Should().Be("Migrated Subscription 1");
        details.InternalSubscriptionId.Should().Be("89432923924792792379");
        s.ManuallyRenewed.Should().BeFalse();
        s.RenewSubscription.Should().BeFalse();
        s.AvailedOffers.Should().BeEmpty();
        s.Promotional.Should().BeFalse();
        s.Categories.Should().BeEmpty();
        s.Bundle.Should().BeFalse();
        s.BundleContentIds.Should().BeEmpty();
        s.PaymentType.Should().BeEmpty();
        s.FreeTrial.Should().BeFalse();
        s.Migrated.Should().BeTrue();
        s.Id.Should().Be("61f25e0a9d50b5d6b90479eb");
        s.ClientId.Should().Be("601a8ea4f2149f089782814f");
        s.UserAccountId.Should().Be("61f25e0a9d50b5d6b90479e8");
        s.Price.Should().Be(0m);
        s.BuyingPrice.Should().Be(0m);
        s.PriceDetails!.Price.Should().Be(0m);
        s.PriceDetails.Currency.Should().Be("INR");
        s.Type.Should().Be(Conscent.Sdk.PurchaseTypes.Subscription);
        s.SubscriptionTitle.Should().Be("Migrated Subscription 1");
        s.SubscriptionType!.Physical.Should().BeFalse();
        s.SubscriptionType.Digital.Should().BeTrue();
        s.SubscriptionId.Should().Be("61eff7907acd46480c5259d8");
        s.CreatedAt.Should().Be(new DateTimeOffset(2022, 1, 27, 8, 55, 38, 786, TimeSpan.Zero));
        s.MigratedCreatedAt.Should().Be(new DateTimeOffset(2022, 1, 25, 12, 39, 28, 337, TimeSpan.Zero));
        s.ExpiryDate.Should().Be(new DateTimeOffset(2022, 1, 25, 12, 39, 28, 337, TimeSpan.Zero));
        s.Country.Should().Be("IN");
        s.UserCountry.Should().Be("IN");
        s.UtmParameters!.UtmSource.Should().Be("website");
        s.UtmParameters.UtmMedium.Should().Be("facebook");
        s.UpdatedAt.Should().Be(new DateTimeOffset(2022, 1, 27, 8, 55, 38, 786, TimeSpan.Zero));
        s.DocumentVersion.Should().Be(0);
        s.AdditionalProperties.Should().BeNullOrEmpty("every documented field is mapped");
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E12_migrate_keeps_unknown_fields()
    {
        var sample = Samples.Node("subscription-migrate.response.json");
        sample["requestId"] = "abc";
        sample["migratedSubscription"]!["autoRenew"] = "ACTIVE";
        Respond("POST", MigratePath, sample.ToJsonString());
        using var client = Client();

        var response = await client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        response.AdditionalProperties!["requestId"].GetString().Should().Be("abc");
        response.MigratedSubscription!.AdditionalProperties!["autoRenew"].GetString().Should().Be("ACTIVE");
        response.MigratedSubscription.Id.Should().Be("61f25e0a9d50b5d6b90479eb");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\":\"ok\",\"migratedSubscription\":{}}")]
    public async Task E12_migrate_parses_an_answer_missing_documented_fields(string body)
    {
        Respond("pOST", MigratePath, body);
        using var client = Client();

        var response = await client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        response.Should().NotBeNull();
        response.MigratedSubscription?.Id.Should().BeNull();
        response.MigratedSubscription?.ExpiryDate.Should().BeNull();
    }

    [Fact]
    public async Task E12_migrate_reads_id_fields_sent_as_embedded_documents()
    {
        var sample = Samples.Node("subscription-migrate.response.json");
        sample["migratedSubscription"]!["userAccount"] = new JsonObject { ["_id"] = "61f25e0a9d50b5d6b90479e8", ["email"] = "x@y.z" };
        Respond("POST", MigratePath, sample.ToJsonString());
        using var client = Client();

        var response = await client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        response.MigratedSubscription!.UserAccountId.Should().Be("61f25e0a9d50b5d6b90479e8", "a populated userAccount is read as its _id");
    }

    public static TheoryData<int, Type> ErrorStatuses() => new()
    {
        { 400, typeof(ConscentBadRequestException) },
        { 401, typeof(ConscentAuthenticationException) },
        { 403, typeof(ConscentAuthenticationException) },
        { 404, typeof(ConscentNotFoundException) },
        { 405, typeof(ConscentApiException) },
        { 406, typeof(ConscentApiException) },
        { 410, typeof(ConscentNotFoundException) },
        { 429, typeof(ConscentRateLimitedException) },
        { 500, typeof(ConscentServerException) },
    };

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task E12_migrate_maps_documented_error_statuses(int status, Type expected)
    {
        Respond("POST", MigratePath, "{\"message\":\"Something is wrong\"}", status);
        using var client = Client();

        var act = () => client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        var thrown = (await act.Should().ThrowAsync<ConscentApiException>()).Which;
        thrown.GetType().Should().Be(expected);
        ((int)thrown.StatusCode).Should().Be(status);
        thrown.ServerMessage.Should().Be("Something is wrong");
        thrown.Message.Should().NotContain("testemail@test.com").And.NotContain("9545734678");
    }

    [Fact]
    public async Task E12_migrate_is_not_retried_after_a_server_error()
    {
        Respond("POST", MigratePath, "{\"message\":\"boom\"}", 500);
        using var client = Client();

        var act = () => client.Subscriptions.MigrateAsync(SampleMigrateRequest());

        await act.Should().ThrowAsync<ConscentServerException>();
        Mock.Server.LogEntries.Should().HaveCount(1, "the server may have recorded the migration: a POST is not repeated");
    }

    public static TheoryData<string, string> InvalidMigrations() => new()
    {
        { "no primary email or phone", "userPrimaryEmail" },
        { "no expiry date", "expiryDate" },
        { "no purchase date", "purchaseDate" },
        { "no country", "country" },
        { "lower-case country", "country" },
        { "unknown country", "country" },
        { "no subscription details", "subscriptionDetails" },
        { "no subscription type", "subscriptionDetails.subscriptionType" },
        { "numeric currency", "subscriptionDetails.priceDetails.currency" },
        { "long currency", "subscriptionDetails.priceDetails.currency" },
        { "negative price", "subscriptionDetails.priceDetails.price" },
        { "physical without address", "userAddress" },
        { "physical without address line", "userAddress.address" },
        { "physical without city", "userAddress.city" },
        { "physical without state", "userAddress.state" },
        { "physical without postcode", "userAddress.postcode" },
    };

    private static MigrateSubscriptionRequest Break(string rule)
    {
        var r = SampleMigrateRequest();
        switch (rule)
        {
            case "no primary email or phone": r.UserPrimaryEmail = null; r.UserPrimaryPhone = " "; break;
            case "no expiry date": r.ExpiryDate = null; break;
            case "no purchase date": r.PurchaseDate = null; break;
            case "no country": r.Country = null; break;
            case "lower-case country": r.Country = "in"; break;
            case "unknown country": r.Country = "XX"; break;
            case "no subscription details": r.SubscriptionDetails = null; break;
            case "no subscription type": r.SubscriptionDetails!.SubscriptionType = null; break;
            case "numeric currency": r.SubscriptionDetails!.PriceDetails!.Currency = "356"; break;
            case "long currency": r.SubscriptionDetails!.PriceDetails!.Currency = "RUPEE"; break;
            case "negative price": r.SubscriptionDetails!.PriceDetails!.Price = -1; break;
            case "physical without address": r.SubscriptionDetails!.SubscriptionType!.Physical = true; r.UserAddress = null; break;
            case "physical without address line": r.SubscriptionDetails!.SubscriptionType!.Physical = true; r.UserAddress!.Address = ""; break;
            case "physical without city": r.SubscriptionDetails!.SubscriptionType!.Physical = true; r.UserAddress!.City = null; break;
            case "physical without state": r.SubscriptionDetails!.SubscriptionType!.Physical = true; r.UserAddress!.State = null; break;
            case "physical without postcode": r.SubscriptionDetails!.SubscriptionType!.Physical = true; r.UserAddress!.Postcode = null; break;
            default: throw new ArgumentOutOfRangeException(nameof(rule));
        }
        return r;
    }

    [Theory]
    [MemberData(nameof(InvalidMigrations))]
    public async Task E12_migrate_rejects_each_broken_rule_before_sending(string rule, string field)
    {
        using var client = Client();

        var act = () => client.Subscriptions.MigrateAsync(Break(rule));

        var thrown = (await act.Should().ThrowAsync<ConscentValidationException>()).Which;
        thrown.Errors.Select(e => e.Field).Should().Contain(field, rule);
        thrown.Message.Should().Contain(field);
        thrown.Message.Should().NotContain("testemail@test.com").And.NotContain("9545734678", "values are never echoed");
        thrown.Operation.Should().Be("Subscriptions.Migrate");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E12_migrate_rejects_a_null_request()
    {
        using var client = Client();

        var act = () => client.Subscriptions.MigrateAsync(null!);

        (await act.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "request");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E12_migrate_lists_every_problem_at_once()
    {
        using var client = Client();

        var act = () => client.Subscriptions.MigrateAsync(new MigrateSubscriptionRequest());

        var fields = (await act.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Select(e => e.Field);
        fields.Should().BeEquivalentTo("userPrimaryEmail", "expiryDate", "purchaseDate", "country", "subscriptionDetails");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E12_migrate_accepts_a_phone_only_digital_subscription_without_address()
    {
        RespondWithSample("POST", MigratePath, "subscription-migrate.response.json");
        using var client = Client();
        var request = SampleMigrateRequest();
        request.UserPrimaryEmail = null;
        request.UserAddress = null;
        request.SubscriptionDetails!.PriceDetails = null;

        await client.Subscriptions.MigrateAsync(request);

        var body = JsonNode.Parse(SingleRequest().Body!)!.AsObject();
        body.ContainsKey("userPrimaryEmail").Should().BeFalse("unset fields are omitted, not sent as null");
        body.ContainsKey("userAddress").Should().BeFalse();
        body["userPrimaryPhone"]!.GetValue<string>().Should().Be("9545734678");
    }

    [Fact]
    public async Task E12_migrate_accepts_a_physical_subscription_with_full_address()
    {
        RespondWithSample("POST", MigratePath, "subscription-migrate.response.json");
        using var client = Client();
        var request = SampleMigrateRequest();
        request.SubscriptionDetails!.SubscriptionType!.Physical = true;

        await client.Subscriptions.MigrateAsync(request);

        var body = JsonNode.Parse(SingleRequest().Body!)!;
        body["subscriptionDetails"]!["subscriptionType"]!["physical"]!.GetValue<bool>().Should().BeTrue();
        body["userAddress"]!["postcode"]!.GetValue<string>().Should().Be("110001", "the postcode is sent as a string, as in the sample");
    }

    [Fact]
    public async Task E19_cancel_active_subscriptions_posts_to_the_encoded_user_path_with_basic_auth()
    {
        RespondWithSample("POST", AnyPath, "cancel-subscriptions.response.json");
        using var client = Client();

        var response = await client.Subscriptions.CancelActiveSubscriptionsAsync("user 1/2");

        response.Message.Should().Be("Subscriptions Cancelled Successfully");
        response.AdditionalProperties.Should().BeNullOrEmpty();
        var sent = SingleRequest();
        sent.Method.Should().Be("POST");
        // WireMock decodes %20 in what it reports but keeps %2F: the id is one segment, its space was not sent as '+'.
        sent.Url.Should().Be(Base + "/client/cancel-subscriptions/user 1%2F2",
            "no /api/v1 prefix (the path as documented), and the id is one percent-encoded segment");
        Recorder.Uris.Should().ContainSingle().Which.Should().Be(Base + "/client/cancel-subscriptions/user%201%2F2",
            "what went on the wire: %20 for the space, %2F for the slash");
        sent.Headers!["Authorization"].Should().ContainSingle().Which.Should().Be(MockServer.ExpectedAuthorization);
        sent.RawQuery.Should().BeNullOrEmpty();
        (sent.Body ?? string.Empty).Should().BeEmpty("no body is documented");
    }

    [Fact]
    public async Task E19_cancel_active_subscriptions_sends_a_plain_id_as_is()
    {
        RespondWithSample("POST", "/client/cancel-subscriptions/6346608680c2216fe33d84fa", "cancel-subscriptions.response.json");
        using var client = Client();

        var response = await client.Subscriptions.CancelActiveSubscriptionsAsync("6346608680c2216fe33d84fa");

        response.Message.Should().Be("Subscriptions Cancelled Successfully");
        SingleRequest().AbsolutePath.Should().Be("/client/cancel-subscriptions/6346608680c2216fe33d84fa");
    }

    [Fact]
    public async Task E19_cancel_active_subscriptions_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Respond("pOST", "/client/cancel-subscriptions/u1", "{\"cancelled\":2}");
        using var client = Client();

        var response = await client.Subscriptions.CancelActiveSubscriptionsAsync("u1");

        response.Message.Should().BeNull();
        response.AdditionalProperties!["cancelled"].GetInt32().Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task E19_cancel_active_subscriptions_maps_documented_error_statuses(int status, Type expected)
    {
        Respond("POST", "/client/cancel-subscriptions/u1", "{\"message\":\"No such user\"}", status);
        using var client = Client();

        var act = () => client.Subscriptions.CancelActiveSubscriptionsAsync("u1");

        var thrown = (await act.Should().ThrowAsync<ConscentApiException>()).Which;
        thrown.GetType().Should().Be(expected);
        thrown.PathTemplate.Should().Be("/client/cancel-subscriptions/{userId}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a\nb")]
    public async Task E19_cancel_active_subscriptions_rejects_a_missing_or_bad_user_id_before_sending(string? userId)
    {
        using var client = Client();

        var act = () => client.Subscriptions.CancelActiveSubscriptionsAsync(userId!);

        (await act.Should().ThrowAsync<ConscentValidationException>()).Which.Errors.Should().ContainSingle(e => e.Field == "userId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }
}
