using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Tests.Webhooks;

/// <summary>Every docs sample (samples/webhook-*.json) read into its payload type, every field asserted.</summary>
public class WebhookPayloadTests
{
    private static byte[] Bytes(string file) => Encoding.UTF8.GetBytes(Samples.Text(file));

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertUserFields(UserWebhookPayload p)
    {
        p.UserName.Should().Be("9818329028");
        p.UserId.Should().Be("7843y9xm44428xm24x2m0x2xm42");
        p.FreeTrial.Should().BeTrue();
        p.PhoneNumber.Should().Be("9818329028");
        p.Email.Should().Be("test-email@webhook.com");
        p.Country.Should().Be("IN");
        p.HashedPhoneNumber.Should().Be("7942mey829mxe1238z2ym9zy39my29zy2z9dy24793msy29z2z");
        p.HashedEmail.Should().Be("8392mx30mx2mu8034x02mx802ry2480nyd249yx420xfn20w4y04xm2024");
        p.Name.Should().Be("Test Name");
        p.City.Should().Be("London");
        p.Location!.Latitude.Should().Be(8359893m);
        p.Location.Longitude.Should().Be(7438734m);
        p.Location.Postcode.Should().Be("221993", "a numeric postcode is read as text");
        p.Os.Should().Be("Mac OS 10.16");
        p.Browser.Should().Be("Chrome");
        p.UserAgent.Should().Be("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.93 Safari/537.36");
        p.Address!.Apartment.Should().Be("7923492 Apartment1");
        p.Address.Area.Should().Be("Test Area");
        p.Address.Pincode.Should().Be("389023");
        p.Address.Landmark.Should().Be("test landmark");
        p.Address.City.Should().Be("New York City");
        p.Address.State.Should().Be("New York");
        p.Address.Country.Should().Be("US");
        p.ClientTierId.Should().Be("TestTierID1");
        p.ClientSpecificUserId.Should().Be("11003289298");
        p.AdditionalProperties.Should().BeNullOrEmpty("every documented field is mapped");
        p.DeliveryId.Should().BeNull("user events carry no purchase id");
    }

    private static void AssertEmptyAddress(ReaderAddress? a)
    {
        a.Should().NotBeNull();
        new[] { a!.Apartment, a.Area, a.Pincode, a.Landmark, a.City, a.State, a.Country }.Should().AllBe("");
    }

    [Fact]
    public void W1_sign_up_sample_maps_every_field() => AssertUserFields(ConscentWebhookParser.Parse<SignUpWebhook>(Bytes("webhook-sign-up.json")));

    [Fact]
    public void W2_login_sample_maps_every_field() => AssertUserFields(ConscentWebhookParser.ParseLogin(Bytes("webhook-login.json")));

    [Fact]
    public void W1_W2_sign_up_and_login_bodies_are_interchangeable()
    {
        AssertUserFields(ConscentWebhookParser.Parse<LoginWebhook>(Bytes("webhook-sign-up.json")));
        AssertUserFields(ConscentWebhookParser.ParseSignUp(Bytes("webhook-login.json")));
    }

    [Fact]
    public void W3_subscription_payment_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.Parse<SubscriptionPaymentWebhook>(Bytes("webhook-subscription-payment.json"));
        p.Id.Should().Be("61b9cf42f5d1f54797aaf14f");
        p.UserId.Should().Be("7843y9xm44428xm24x2m0x2xm42");
        p.PurchaseId.Should().Be("4932228982489248928208024");
        p.ManuallyRenewed.Should().BeFalse();
        p.RenewSubscription.Should().BeTrue();
        p.RenewalId.Should().Be("61efb40a672c7f15840e803c");
        p.RenewalDetails!.Price.Should().Be(300m);
        p.RenewalDetails.Currency.Should().Be("INR");
        p.AvailedOffers.Should().BeEmpty();
        p.Promotional.Should().BeFalse();
        p.Tags.Should().BeEmpty();
        p.Bundle.Should().BeFalse();
        p.BundleContentIds.Should().BeEmpty();
        p.PaymentType.Should().Equal(PaymentTypes.Network);
        p.FreeTrial.Should().BeFalse();
        p.Migrated.Should().BeFalse();
        p.UserAccount.Should().Be("61b9cefbf5d1f54797aaf149");
        p.ClientId.Should().Be("601a8ea4f2149f089782814f");
        p.BuyingPrice.Should().Be(289.5m);
        p.Price.Should().Be(300m);
        p.Country.Should().Be("IN");
        p.City.Should().Be("bengaluru (nagashettyhalli)");
        p.Location!.Latitude.Should().Be(13.0411m);
        p.Location.Longitude.Should().Be(77.5702m);
        p.Location.Postcode.Should().Be("560056");
        p.UserCountry.Should().Be("IN");
        p.ExpiryDate.Should().Be(Utc("2022-05-15T11:19:30.897Z"));
        p.PriceDetails!.Price.Should().Be(300m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.Type.Should().Be(PurchaseTypes.Subscription);
        p.SubscriptionTitle.Should().Be("Subscription 5");
        p.Device.Should().Be("desktop");
        p.SubscriptionType!.Physical.Should().BeFalse();
        p.SubscriptionType.Digital.Should().BeTrue();
        p.SubscriptionId.Should().Be("616ffd76621d69c5ee43c044");
        p.TierId.Should().Be("616ffd76621d69c5ee43c045");
        p.CreatedAt.Should().Be(Utc("2021-12-15T11:19:30.914Z"));
        p.UpdatedAt.Should().Be(Utc("2021-12-15T11:19:30.914Z"));
        p.UserEmail.Should().Be("test@email.com");
        p.UserPhoneNumber.Should().Be("9999999999");
        p.UserName.Should().Be("john doe");
        p.ClientSpecificUserId.Should().Be("11003289298");
        p.ChosenTier!.ClientTierId.Should().Be("Test Tier ID");
        p.ChosenTier.Id.Should().Be("616ffd76621d69c5ee437485");
        p.ChosenTier.Price.Should().Be(300m);
        p.ChosenTier.Duration.Should().Be(5m);
        p.ChosenTier.PriceOverrides!.Country.Should().BeEmpty();
        p.ChosenTier.Currency.Should().Be("INR");
        p.ChosenTier.BasePrice.Should().Be(0m);
        p.ChosenTier.Offers.Should().BeEmpty();
        p.GstComponents!.Physical.Should().Be(0m);
        p.GstComponents.Digital.Should().Be(0m);
        p.InrGstComponents!.Physical.Should().Be(0m);
        p.InrGstComponents.Digital.Should().Be(0m);
        p.UserAddress!.Apartment.Should().Be("17973 Octane Drive");
        p.UserAddress.Area.Should().Be("Sun Valley");
        p.UserAddress.Pincode.Should().Be("90210");
        p.UserAddress.Landmark.Should().Be("");
        p.UserAddress.City.Should().Be("Los Angeles");
        p.UserAddress.State.Should().Be("California");
        p.UserAddress.Country.Should().Be("US");
        p.RenewedSubscriptionDetails!.RenewalCount.Should().Be(1);
        p.RenewedSubscriptionDetails.RzpSubscriptionId.Should().Be("sub_Inua2HuuV2lxLG");
        p.RenewedSubscriptionDetails.NextRenewalDate.Should().Be(Utc("2022-06-25T08:38:18.369Z"));
        p.RenewedSubscriptionDetails.AutoRenew.Should().Be(SubscriptionStatuses.Active);
        p.RenewedSubscriptionDetails.Price.Should().Be(300m);
        p.RenewedSubscriptionDetails.Currency.Should().Be("INR");
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().Be("4932228982489248928208024/61efb40a672c7f15840e803c", "purchaseId wins over _id; a renewal adds its id");
    }

    [Fact]
    public void W4_subscription_cancelled_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.ParseSubscriptionCancelled(Bytes("webhook-subscription-cancelled.json"));
        p.CancelledSubscriptionDetails!.RenewalCount.Should().Be(0);
        p.CancelledSubscriptionDetails.RzpSubscriptionId.Should().Be("sub_InvqpVxG0vu7n8");
        p.CancelledSubscriptionDetails.Status.Should().Be(SubscriptionStatuses.Cancelled);
        p.CancelledSubscriptionDetails.Price.Should().Be(300m);
        p.CancelledSubscriptionDetails.Currency.Should().Be("INR");
        p.UserEmail.Should().Be("admin1@seed.com");
        p.UserPhoneNumber.Should().Be("9869779647");
        p.UserId.Should().Be("7843y9xm44428xm24x2m0x2xm42");
        p.UserName.Should().Be("john doe");
        AssertEmptyAddress(p.UserAddress);
        p.ClientSpecificUserId.Should().Be("11003289298");

        var s = p.SubscriptionDetails!;
        s.FreeTrial!.Enabled.Should().BeTrue("freeTrial is an object in a plan");
        s.FreeTrial.Duration.Should().Be(14m);
        s.Recommended.Should().BeFalse();
        s.Benefits.Should().Be("benefit ewiowe, benefit 2");
        s.Physical.Should().BeFalse();
        s.Digital.Should().BeTrue();
        s.Enabled.Should().BeTrue();
        s.Migrated.Should().BeFalse();
        s.CouponsEnabled.Should().BeTrue();
        s.AdminCoupon.Should().Be("");
        s.UsedCouponNumbers.Should().Equal(1);
        s.Id.Should().Be("616ffd76621d69c5ee43c044");
        s.ClientId.Should().Be("601a8ea4f2149f089782814f");
        s.Title.Should().Be("Subscription 5");
        s.IconUrl.Should().Be("https://conscent-subscriptions.s3.ap-south-1.amazonaws.com/local/Samakshs-MacBook-Pro-2.local/Screenshot%202021-07-22%20at%209.05.01%20PM.png");
        var tier = s.Tiers.Should().ContainSingle().Subject;
        tier.PriceOverrides!.Country.Should().BeEmpty();
        tier.Currency.Should().Be("INR");
        tier.BasePrice.Should().Be(0m);
        tier.Offers.Should().BeEmpty();
        tier.Id.Should().Be("616ffd76621d69c5ee43c045");
        tier.Price.Should().Be(300m);
        tier.Duration.Should().Be(5m);
        s.CouponCount.Should().Be(5);
        s.CreatedAt.Should().Be(Utc("2021-10-20T11:28:54.143Z"));
        s.UpdatedAt.Should().Be(Utc("2022-01-19T06:45:18.634Z"));
        s.Version.Should().Be(5);
        s.AdditionalProperties.Should().BeNullOrEmpty();

        var l = p.LastPurchaseDetails!;
        l.Location!.Latitude.Should().Be(13.0411m);
        l.Location.Longitude.Should().Be(77.5702m);
        l.Location.Postcode.Should().Be("560056");
        l.GstComponents!.Physical.Should().Be(0m);
        l.GstComponents.Digital.Should().Be(0m);
        l.InrGstComponents!.Physical.Should().Be(0m);
        l.InrGstComponents.Digital.Should().Be(0m);
        l.ManuallyRenewed.Should().BeFalse();
        l.RenewSubscription.Should().BeTrue();
        l.AvailedOffers.Should().BeEmpty();
        l.Promotional.Should().BeFalse();
        l.Tags.Should().BeEmpty();
        l.Bundle.Should().BeFalse();
        l.BundleContentIds.Should().BeEmpty();
        l.PaymentType.Should().Equal(PaymentTypes.Repeat, PaymentTypes.Network);
        l.FreeTrial.Should().BeFalse();
        l.Migrated.Should().BeFalse();
        l.ClientId.Should().Be("601a8ea4f2149f089782814f");
        l.BuyingPrice.Should().Be(289.5m);
        l.Price.Should().Be(300m);
        l.Country.Should().Be("IN");
        l.City.Should().Be("bengaluru (nagashettyhalli)");
        l.UserCountry.Should().Be("IN");
        l.ExpiryDate.Should().Be(Utc("2023-04-25T09:52:52.814Z"));
        l.PriceDetails!.Price.Should().Be(300m);
        l.PriceDetails.Currency.Should().Be("INR");
        l.Type.Should().Be(PurchaseTypes.Subscription);
        l.SubscriptionTitle.Should().Be("Subscription 5");
        l.OperatingSystem.Should().Be("Mac OS");
        l.Device.Should().Be("desktop");
        l.SubscriptionType!.Physical.Should().BeFalse();
        l.SubscriptionType.Digital.Should().BeTrue();
        l.SubscriptionId.Should().Be("616ffd76621d69c5ee43c044");
        l.TierId.Should().Be("616ffd76621d69c5ee43c045");
        l.RenewalId.Should().Be("61efc865acb0d82962e2ad14");
        l.RenewalDetails!.Price.Should().Be(300m);
        l.RenewalDetails.Currency.Should().Be("INR");
        l.AdditionalProperties.Should().BeNullOrEmpty();
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().Be("sub_InvqpVxG0vu7n8");
    }

    [Fact]
    public void W5_pass_payment_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.ParsePassPayment(Bytes("webhook-pass-payment.json"));
        p.GstComponents!.Physical.Should().Be(0m);
        p.GstComponents.Digital.Should().Be(0m);
        p.InrGstComponents!.Physical.Should().Be(0m);
        p.InrGstComponents.Digital.Should().Be(0m);
        p.ManuallyRenewed.Should().BeFalse();
        p.RenewSubscription.Should().BeFalse();
        p.AvailedOffers.Should().BeEmpty();
        p.Promotional.Should().BeFalse();
        p.Categories.Should().BeEmpty();
        p.Bundle.Should().BeFalse();
        p.BundleContentIds.Should().BeEmpty();
        p.PaymentType.Should().Equal(PaymentTypes.New);
        p.FreeTrial.Should().BeFalse();
        p.Migrated.Should().BeFalse();
        p.Id.Should().Be("628b76941ed3d9c772be2626");
        p.UserAccount.Should().Be("628b765e16d01ac4721e1676");
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.ClientContentId.Should().Be("Client-Story-Id-1");
        p.ContentId.Should().Be("628b6c2cbf5053737a28a63a");
        p.BuyingPrice.Should().Be(80m);
        p.Price.Should().Be(100m);
        p.Country.Should().Be("IN");
        p.City.Should().Be("bengaluru (nagashettyhalli)");
        p.Location!.Latitude.Should().Be(13.0411m);
        p.Location.Longitude.Should().Be(77.5702m);
        p.Location.Postcode.Should().Be("560056");
        p.UserCountry.Should().Be("IN");
        p.ExpiryDate.Should().Be(Utc("2022-05-23T18:57:07.989Z"));
        p.PassTitle.Should().Be("qwe");
        p.PriceDetails!.Price.Should().Be(100m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.Type.Should().Be(PurchaseTypes.Pass);
        p.OperatingSystem.Should().Be("Mac OS");
        p.Device.Should().Be("desktop");
        p.CreatedAt.Should().Be(Utc("2022-05-23T11:57:08.061Z"));
        p.UpdatedAt.Should().Be(Utc("2022-05-23T11:57:08.061Z"));
        p.Version.Should().Be(0);
        p.UserId.Should().Be("628b765e16d01ac4721e1676");
        p.UserPhoneNumber.Should().Be("9276278392");
        p.UserName.Should().Be("");
        p.UserEmail.Should().BeNull("the sample has no userEmail");
        AssertEmptyAddress(p.UserAddress);
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().Be("628b76941ed3d9c772be2626", "no purchaseId: _id is the key");
    }

    [Fact]
    public void W6_subscription_bundle_payment_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.ParseSubscriptionBundlePayment(Bytes("webhook-subscription-bundle-payment.json"));
        p.PurchaseId.Should().Be("62d02f1bf3299d7b21d4a235");
        p.UserId.Should().Be("623b1204ff6e065272e3530b");
        p.UserEmail.Should().Be("asd@asd.com");
        p.UserPhoneNumber.Should().Be("9876543211");
        p.UserName.Should().Be("asdasdasd");
        p.UserAddress!.State.Should().Be("SIKKIM");
        p.UserAddress.City.Should().Be("asdsa");
        p.UserAddress.Area.Should().Be("asdasdasdas");
        p.UserAddress.Pincode.Should().Be("110089");
        p.UserAddress.Apartment.Should().BeNull();
        p.UserGender.Should().Be("MALE");
        p.UserEmploymentType.Should().Be("FULL_TIME");
        p.UtmParameters!.Source.Should().Be("KJ007");
        p.UtmParameters.Medium.Should().Be("medium");
        p.UtmParameters.Name.Should().Be("name");
        p.BundleBuyingPrice.Should().Be(332m);
        p.BundlePrice.Should().Be(369m);
        p.BundlePriceDetails!.Price.Should().Be(369m);
        p.BundlePriceDetails.Currency.Should().Be("INR");
        p.SubscriptionsDetail.Should().HaveCount(2);
        var a = p.SubscriptionsDetail![0];
        a.Title.Should().Be("Digital");
        a.Duration.Should().Be(1m);
        a.CurrencySymbol.Should().Be("₹");
        a.BuyingPrice.Should().Be(90.00m);
        a.Price.Should().Be(100.00m, "a numeric string price is read as decimal");
        a.ClientName.Should().Be("Test Client TSB media venture a");
        a.Currency.Should().Be("INR");
        var b = p.SubscriptionsDetail[1];
        b.Title.Should().Be("Digital");
        b.Duration.Should().Be(19m);
        b.CurrencySymbol.Should().Be("₹");
        b.BuyingPrice.Should().Be(242.10m);
        b.Price.Should().Be(269.00m);
        b.ClientName.Should().Be("Test client b");
        b.Currency.Should().Be("INR");
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().Be("62d02f1bf3299d7b21d4a235");
    }

    [Fact]
    public void W7_review_subscription_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.ParseReviewSubscription(Bytes("webhook-review-subscription.json"));
        p.PhoneNumber.Should().Be("9847598673");
        p.UserId.Should().Be("6345116cb9beaf3033c065cc");
        p.Country.Should().Be("IN");
        p.HashedPhoneNumber.Should().Be("eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY");
        p.HashedEmail.Should().BeNull();
        AssertEmptyAddress(p.Address);
        p.Name.Should().Be("");
        p.City.Should().Be("defence colony");
        p.Location!.Latitude.Should().Be(28.5714m);
        p.Location.Longitude.Should().Be(77.2327m);
        p.Location.Postcode.Should().BeNull();
        p.Browser.Should().Be("Chrome");
        p.UserAgent.Should().Be("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/106.0.0.0 Safari/537.36");
        p.Os.Should().Be("Mac OS");
        p.Username.Should().Be("9847598673", "the key is lower-case 'username' here");
        p.SubscriptionDetails!.SubscriptionId.Should().Be("61e951161a563d0729652d21");
        p.SubscriptionDetails.TierId.Should().Be("61e951161a563d0729652d23");
        p.SubscriptionDetails.Title.Should().Be("AD Free");
        p.SubscriptionDetails.Price.Should().Be(600m);
        p.SubscriptionDetails.Currency.Should().Be("INR");
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().BeNull();
    }

    [Fact]
    public void W8_micro_payment_sample_maps_every_field()
    {
        var p = ConscentWebhookParser.ParseMicroPayment(Bytes("webhook-micro-payment.json"));
        p.GstComponents!.Physical.Should().Be(0m);
        p.GstComponents.Digital.Should().Be(0m);
        p.InrGstComponents!.Physical.Should().Be(0m);
        p.InrGstComponents.Digital.Should().Be(0m);
        p.ContentType!.Digital.Should().BeTrue("contentType is an object here");
        p.ContentType.AdFree.Should().BeFalse();
        p.Categories.Should().BeEmpty();
        p.Bundle.Should().BeFalse();
        p.BundleContentIds.Should().BeEmpty();
        p.PaymentType.Should().Equal(PaymentTypes.Repeat);
        p.Migrated.Should().BeFalse();
        p.Id.Should().Be("6437ade44c60bc0552ad3477");
        p.UserAccount.Should().Be("642ed4902107e35b19bf29fa");
        p.ClientId.Should().Be("5f92a62013332e0f667794dc");
        p.PaywallId.Should().Be("6435427bb0658c70abe7d18d");
        p.ClientContentId.Should().Be("Client-Story-Id-4");
        p.ContentId.Should().Be("61fa72efb76afa4ce17fde95");
        p.BuyingPrice.Should().Be(79.2m);
        p.Price.Should().Be(99m);
        p.Country.Should().Be("IN");
        p.City.Should().Be("deoli");
        p.Location!.Latitude.Should().Be(28.5025m);
        p.Location.Longitude.Should().Be(77.2312m);
        p.UserCountry.Should().Be("IN");
        p.ExpiryDate.Should().Be(Utc("2023-04-20T07:23:16.810Z"));
        p.PriceDetails!.Price.Should().Be(99m);
        p.PriceDetails.Currency.Should().Be("INR");
        p.Type.Should().Be(PurchaseTypes.Content);
        p.OperatingSystem.Should().Be("Mac OS");
        p.Device.Should().Be("desktop");
        p.CreatedAt.Should().Be(Utc("2023-04-13T07:23:16.829Z"));
        p.UpdatedAt.Should().Be(Utc("2023-04-13T07:23:16.829Z"));
        p.Version.Should().Be(0);
        p.UserId.Should().Be("642ed4902107e35b19bf29fa");
        p.UserPhoneNumber.Should().Be("9488298324");
        p.UserName.Should().Be("");
        AssertEmptyAddress(p.UserAddress);
        p.AdditionalProperties.Should().BeNullOrEmpty();
        p.DeliveryId.Should().Be("6437ade44c60bc0552ad3477");
    }

    [Theory]
    [InlineData("webhook-sign-up.json")]
    [InlineData("webhook-subscription-payment.json")]
    [InlineData("webhook-subscription-cancelled.json")]
    [InlineData("webhook-pass-payment.json")]
    [InlineData("webhook-subscription-bundle-payment.json")]
    [InlineData("webhook-review-subscription.json")]
    [InlineData("webhook-micro-payment.json")]
    public void Unknown_fields_are_kept_and_written_back(string file)
    {
        var node = Samples.Node(file).AsObject();
        node["eventVersion"] = 2;
        node["newThing"] = new JsonObject { ["a"] = "b" };
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());

        ConscentModel model = file switch
        {
            "webhook-sign-up.json" => ConscentWebhookParser.ParseSignUp(bytes),
            "webhook-subscription-payment.json" => ConscentWebhookParser.ParseSubscriptionPayment(bytes),
            "webhook-subscription-cancelled.json" => ConscentWebhookParser.ParseSubscriptionCancelled(bytes),
            "webhook-pass-payment.json" => ConscentWebhookParser.ParsePassPayment(bytes),
            "webhook-subscription-bundle-payment.json" => ConscentWebhookParser.ParseSubscriptionBundlePayment(bytes),
            "webhook-review-subscription.json" => ConscentWebhookParser.ParseReviewSubscription(bytes),
            _ => ConscentWebhookParser.ParseMicroPayment(bytes),
        };
        model.AdditionalProperties.Should().ContainKeys("eventVersion", "newThing");
        model.AdditionalProperties!["eventVersion"].GetInt32().Should().Be(2);
        model.AdditionalProperties["newThing"].GetProperty("a").GetString().Should().Be("b");
    }

    [Fact]
    public void Serialize_round_trips_the_sample_as_json()
    {
        var original = Samples.Node("webhook-subscription-payment.json");
        var payload = ConscentWebhookParser.ParseSubscriptionPayment(Encoding.UTF8.GetBytes(original.ToJsonString()));
        var written = JsonNode.Parse(ConscentWebhookParser.Serialize(payload))!;
        written["deliveryId"].Should().BeNull("DeliveryId is not a wire field");
        JsonNode.DeepEquals(written, original).Should().BeTrue();
    }

    [Fact]
    public void Missing_documented_fields_still_parse()
    {
        var p = ConscentWebhookParser.Parse<MicroPaymentWebhook>("{\"_id\":\"x1\",\"type\":\"CONTENT\"}");
        p.Id.Should().Be("x1");
        p.Price.Should().BeNull();
        p.UserAddress.Should().BeNull();
        p.DeliveryId.Should().Be("x1");
        ConscentWebhookParser.Parse<SignUpWebhook>("{}").UserId.Should().BeNull();
    }

    [Fact]
    public void Delivery_id_prefers_purchase_id_over_id()
    {
        ConscentWebhookParser.Parse<PassPaymentWebhook>("{\"_id\":\"a\",\"purchaseId\":\"p\",\"type\":\"PASS\"}").DeliveryId.Should().Be("p");
        ConscentWebhookParser.Parse<SubscriptionPaymentWebhook>("{\"_id\":\"a\",\"type\":\"SUBSCRIPTION\"}").DeliveryId.Should().Be("a");
        ConscentWebhookParser.Parse<SubscriptionBundlePaymentWebhook>("{\"userId\":\"u\",\"subscriptionsDetail\":[]}").DeliveryId.Should().BeNull();
        ConscentWebhookParser.Parse<SubscriptionCancelledWebhook>("{\"cancelledSubscriptionDetails\":{},\"lastPurchaseDetails\":{\"_id\":\"l\"}}").DeliveryId.Should().Be("l");
    }

    [Fact]
    public void Tolerant_types_postcode_number_or_string_price_string_or_number()
    {
        var p = ConscentWebhookParser.Parse<PassPaymentWebhook>(
            "{\"price\":\"12.50\",\"buyingPrice\":10,\"location\":{\"postcode\":560056,\"latitude\":\"1.5\"},\"userAddress\":{\"pincode\":110089},\"type\":\"PASS\",\"paymentType\":[\"FUTURE\"]}");
        p.Price.Should().Be(12.50m);
        p.BuyingPrice.Should().Be(10m);
        p.Location!.Postcode.Should().Be("560056");
        p.Location.Latitude.Should().Be(1.5m);
        p.UserAddress!.Pincode.Should().Be("110089");
        p.PaymentType.Should().Equal(new[] { "FUTURE" }, "open enums keep unknown values");
    }

    [Fact]
    public void Parse_rejects_a_type_that_is_not_a_webhook_payload()
    {
        var act = () => ConscentWebhookParser.Parse<NotAPayload>("{}");
        act.Should().Throw<ArgumentException>().WithMessage("*NotAPayload*");
    }

    private sealed class NotAPayload : IConscentWebhookPayload
    {
        public string? DeliveryId => null;
    }
}
