using System;
using System.Collections.Generic;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>
    /// W1 · Sign Up. When <paramref name="apiSecret"/> is given, <c>hashedEmail</c>/<c>hashedPhoneNumber</c> are signed
    /// with it as ConsCent does (so <see cref="ConscentWebhookVerifier.VerifyIdentity(IConscentWebhookIdentity)"/> passes);
    /// otherwise they are left out.
    /// </summary>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="email">The reader's email.</param>
    /// <param name="phoneNumber">The reader's phone number.</param>
    /// <param name="name">The reader's name.</param>
    /// <param name="country">The country code.</param>
    /// <param name="apiSecret">Your API secret, to sign the hashed identifiers.</param>
    /// <param name="clientSpecificUserId">Your own id for the reader.</param>
    /// <param name="address">The reader's address (left out when null).</param>
    public static SignUpWebhook SignUpWebhook(
        string? userId = "user-1", string? email = "reader@example.com", string? phoneNumber = null, string? name = "Reader One",
        string? country = "IN", string? apiSecret = null, string? clientSpecificUserId = null, ReaderAddress? address = null) =>
        FillUser(new SignUpWebhook(), userId, email, phoneNumber, name, country, apiSecret, clientSpecificUserId, address);

    /// <summary>W2 · Login (same fields as Sign Up). See <see cref="SignUpWebhook"/> for <paramref name="apiSecret"/>.</summary>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="email">The reader's email.</param>
    /// <param name="phoneNumber">The reader's phone number.</param>
    /// <param name="name">The reader's name.</param>
    /// <param name="country">The country code.</param>
    /// <param name="apiSecret">Your API secret, to sign the hashed identifiers.</param>
    /// <param name="clientSpecificUserId">Your own id for the reader.</param>
    /// <param name="address">The reader's address (left out when null).</param>
    public static LoginWebhook LoginWebhook(
        string? userId = "user-1", string? email = "reader@example.com", string? phoneNumber = null, string? name = "Reader One",
        string? country = "IN", string? apiSecret = null, string? clientSpecificUserId = null, ReaderAddress? address = null) =>
        FillUser(new LoginWebhook(), userId, email, phoneNumber, name, country, apiSecret, clientSpecificUserId, address);

    private static T FillUser<T>(
        T payload, string? userId, string? email, string? phoneNumber, string? name, string? country, string? apiSecret,
        string? clientSpecificUserId, ReaderAddress? address)
        where T : UserWebhookPayload
    {
        payload.UserId = userId;
        payload.Email = email;
        payload.PhoneNumber = phoneNumber;
        payload.UserName = email ?? phoneNumber;
        payload.Name = name;
        payload.Country = country;
        payload.FreeTrial = false;
        payload.ClientSpecificUserId = clientSpecificUserId;
        payload.Address = address;
        payload.HashedEmail = Hash(email, apiSecret);
        payload.HashedPhoneNumber = Hash(phoneNumber, apiSecret);
        return payload;
    }

    private static string? Hash(string? value, string? apiSecret) =>
        string.IsNullOrEmpty(value) || string.IsNullOrEmpty(apiSecret) ? null : ConscentWebhookSender.CreateHashedIdentifier(value!, apiSecret!);

    /// <summary>W7 · Review Subscription. See <see cref="SignUpWebhook"/> for <paramref name="apiSecret"/>.</summary>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="phoneNumber">The reader's phone number.</param>
    /// <param name="email">The reader's email.</param>
    /// <param name="name">The reader's name.</param>
    /// <param name="country">The country code.</param>
    /// <param name="subscriptionDetails">The subscription being reviewed (<see cref="ReviewedSubscription"/>'s defaults when null).</param>
    /// <param name="apiSecret">Your API secret, to sign the hashed identifiers.</param>
    public static ReviewSubscriptionWebhook ReviewSubscriptionWebhook(
        string? userId = "user-1", string? phoneNumber = "9999999999", string? email = null, string? name = "Reader One", string? country = "IN",
        ReviewedSubscription? subscriptionDetails = null, string? apiSecret = null) => new()
    {
        UserId = userId,
        PhoneNumber = phoneNumber,
        Email = email,
        Name = name,
        Country = country,
        Username = phoneNumber ?? email,
        SubscriptionDetails = subscriptionDetails ?? ReviewedSubscription(),
        HashedEmail = Hash(email, apiSecret),
        HashedPhoneNumber = Hash(phoneNumber, apiSecret),
    };

    /// <summary>The subscription a reader is about to buy.</summary>
    /// <param name="subscriptionId">ConsCent's plan id.</param>
    /// <param name="tierId">ConsCent's tier id.</param>
    /// <param name="title">The plan title.</param>
    /// <param name="price">The price.</param>
    /// <param name="currency">The currency.</param>
    public static ReviewedSubscription ReviewedSubscription(
        string? subscriptionId = "subscription-1", string? tierId = "tier-1", string? title = "Digital plan", decimal? price = 299m, string? currency = "INR") =>
        new() { SubscriptionId = subscriptionId, TierId = tierId, Title = title, Price = price, Currency = currency };

    /// <summary>W3 · Subscription Payment: a purchase, or a renewal when <paramref name="renewalId"/> is set.</summary>
    /// <param name="purchaseId">The purchase id.</param>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="subscriptionId">ConsCent's plan id.</param>
    /// <param name="tierId">ConsCent's tier id.</param>
    /// <param name="subscriptionTitle">The plan title.</param>
    /// <param name="price">The price.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="renewalId">The renewal id (renewals only).</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    /// <param name="userEmail">The reader's email.</param>
    /// <param name="userPhoneNumber">The reader's phone number.</param>
    /// <param name="clientId">Your client id.</param>
    public static SubscriptionPaymentWebhook SubscriptionPaymentWebhook(
        string? purchaseId = "purchase-1",
        string? userId = "user-1",
        string? subscriptionId = "subscription-1",
        string? tierId = "tier-1",
        string? subscriptionTitle = "Digital plan",
        decimal? price = 299m,
        string? currency = "INR",
        string? renewalId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? clientId = "client-1") =>
        FillSubscription(new SubscriptionPaymentWebhook(), purchaseId, userId, subscriptionId, tierId, subscriptionTitle, price, currency, renewalId, createdAt, expiryDate, userEmail, userPhoneNumber, clientId);

    /// <summary>A subscription purchase or renewal record (the last purchase in Subscription Cancelled).</summary>
    /// <param name="purchaseId">The purchase id.</param>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="subscriptionId">ConsCent's plan id.</param>
    /// <param name="tierId">ConsCent's tier id.</param>
    /// <param name="subscriptionTitle">The plan title.</param>
    /// <param name="price">The price.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="renewalId">The renewal id (renewals only).</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    public static SubscriptionPurchaseRecord SubscriptionPurchaseRecord(
        string? purchaseId = "purchase-1",
        string? userId = "user-1",
        string? subscriptionId = "subscription-1",
        string? tierId = "tier-1",
        string? subscriptionTitle = "Digital plan",
        decimal? price = 299m,
        string? currency = "INR",
        string? renewalId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null) =>
        FillSubscription(new SubscriptionPurchaseRecord(), purchaseId, userId, subscriptionId, tierId, subscriptionTitle, price, currency, renewalId, createdAt, expiryDate, null, null, null);

    private static T FillSubscription<T>(
        T record, string? purchaseId, string? userId, string? subscriptionId, string? tierId, string? subscriptionTitle, decimal? price,
        string? currency, string? renewalId, DateTimeOffset? createdAt, DateTimeOffset? expiryDate, string? userEmail, string? userPhoneNumber, string? clientId)
        where T : SubscriptionPurchaseRecord
    {
        FillPurchase(record, purchaseId, userId, price, currency, PurchaseTypes.Subscription, createdAt, expiryDate, userEmail, userPhoneNumber, clientId);
        record.SubscriptionId = subscriptionId;
        record.TierId = tierId;
        record.SubscriptionTitle = subscriptionTitle;
        record.SubscriptionType = SubscriptionType();
        record.RenewalId = renewalId;
        record.PaymentType = new List<string> { renewalId is null ? PaymentTypes.New : PaymentTypes.Repeat };
        if (renewalId is not null)
        {
            record.RenewalDetails = PriceDetails(price, currency);
            record.RenewedSubscriptionDetails = RenewedSubscriptionDetails(price: price, currency: currency);
        }
        return record;
    }

    private static void FillPurchase(
        WebhookPurchaseRecord record, string? purchaseId, string? userId, decimal? price, string? currency, string type,
        DateTimeOffset? createdAt, DateTimeOffset? expiryDate, string? userEmail, string? userPhoneNumber, string? clientId)
    {
        record.PurchaseId = purchaseId;
        record.UserId = userId;
        record.UserAccount = userId;
        record.ClientId = clientId;
        record.Price = price;
        record.BuyingPrice = price;
        record.PriceDetails = PriceDetails(price, currency);
        record.Type = type;
        record.CreatedAt = createdAt;
        record.ExpiryDate = expiryDate;
        record.UserEmail = userEmail;
        record.UserPhoneNumber = userPhoneNumber;
        record.Promotional = false;
        record.FreeTrial = false;
        record.Migrated = false;
        record.Bundle = false;
    }

    /// <summary>The auto-renewal state of a renewed subscription.</summary>
    /// <param name="renewalCount">How many times it has renewed.</param>
    /// <param name="rzpSubscriptionId">The Razorpay subscription id.</param>
    /// <param name="nextRenewalDate">When it renews next (left out when null).</param>
    /// <param name="autoRenew">The auto-renew state.</param>
    /// <param name="price">The renewal price.</param>
    /// <param name="currency">Its currency.</param>
    public static RenewedSubscriptionDetails RenewedSubscriptionDetails(
        int? renewalCount = 1, string? rzpSubscriptionId = "sub_example1", DateTimeOffset? nextRenewalDate = null,
        string? autoRenew = SubscriptionStatuses.Active, decimal? price = 299m, string? currency = "INR") =>
        new() { RenewalCount = renewalCount, RzpSubscriptionId = rzpSubscriptionId, NextRenewalDate = nextRenewalDate, AutoRenew = autoRenew, Price = price, Currency = currency };

    /// <summary>W4 · Subscription Cancelled.</summary>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="cancelledSubscriptionDetails">The cancellation (<see cref="CancelledSubscriptionDetails"/>'s defaults when null).</param>
    /// <param name="subscriptionDetails">The plan (<see cref="WebhookSubscriptionPlan"/>'s defaults when null).</param>
    /// <param name="lastPurchaseDetails">The last purchase (<see cref="SubscriptionPurchaseRecord"/>'s defaults, for <paramref name="userId"/>, when null).</param>
    /// <param name="userEmail">The reader's email.</param>
    /// <param name="userPhoneNumber">The reader's phone number.</param>
    /// <param name="userName">The reader's name.</param>
    public static SubscriptionCancelledWebhook SubscriptionCancelledWebhook(
        string? userId = "user-1",
        CancelledSubscriptionDetails? cancelledSubscriptionDetails = null,
        WebhookSubscriptionPlan? subscriptionDetails = null,
        SubscriptionPurchaseRecord? lastPurchaseDetails = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? userName = "Reader One") => new()
    {
        UserId = userId,
        CancelledSubscriptionDetails = cancelledSubscriptionDetails ?? CancelledSubscriptionDetails(),
        SubscriptionDetails = subscriptionDetails ?? WebhookSubscriptionPlan(),
        LastPurchaseDetails = lastPurchaseDetails ?? SubscriptionPurchaseRecord(userId: userId),
        UserEmail = userEmail,
        UserPhoneNumber = userPhoneNumber,
        UserName = userName,
    };

    /// <summary>A cancelled auto-renewal.</summary>
    /// <param name="rzpSubscriptionId">The Razorpay subscription id.</param>
    /// <param name="renewalCount">How many times it had renewed.</param>
    /// <param name="status">The state.</param>
    /// <param name="price">The renewal price.</param>
    /// <param name="currency">Its currency.</param>
    public static CancelledSubscriptionDetails CancelledSubscriptionDetails(
        string? rzpSubscriptionId = "sub_example1", int? renewalCount = 1, string? status = SubscriptionStatuses.Cancelled, decimal? price = 299m, string? currency = "INR") =>
        new() { RzpSubscriptionId = rzpSubscriptionId, RenewalCount = renewalCount, Status = status, Price = price, Currency = currency };

    /// <summary>A subscription plan as configured on the dashboard.</summary>
    /// <param name="id">ConsCent's plan id (<c>_id</c>).</param>
    /// <param name="title">The plan title.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    /// <param name="tiers">The tiers (one <see cref="WebhookSubscriptionTier"/> with defaults when null).</param>
    /// <param name="freeTrial">The free trial (disabled when null).</param>
    public static WebhookSubscriptionPlan WebhookSubscriptionPlan(
        string? id = "subscription-1", string? title = "Digital plan", string? clientId = "client-1", bool? physical = false, bool? digital = true,
        IEnumerable<WebhookSubscriptionTier>? tiers = null, SubscriptionFreeTrial? freeTrial = null) => new()
    {
        Id = id,
        Title = title,
        ClientId = clientId,
        Physical = physical,
        Digital = digital,
        Enabled = true,
        Tiers = ToList(tiers) ?? new List<WebhookSubscriptionTier> { WebhookSubscriptionTier() },
        FreeTrial = freeTrial ?? SubscriptionFreeTrial(enabled: false, duration: null),
    };

    /// <summary>A subscription tier.</summary>
    /// <param name="id">ConsCent's tier id (<c>_id</c>).</param>
    /// <param name="price">The tier price.</param>
    /// <param name="currency">Its currency.</param>
    /// <param name="duration">The duration.</param>
    /// <param name="clientTierId">Your own tier id.</param>
    public static WebhookSubscriptionTier WebhookSubscriptionTier(
        string? id = "tier-1", decimal? price = 299m, string? currency = "INR", decimal? duration = 1m, string? clientTierId = null) =>
        new() { Id = id, Price = price, BasePrice = price, Currency = currency, Duration = duration, ClientTierId = clientTierId };

    /// <summary>A plan's free trial (<c>{enabled, duration}</c>).</summary>
    /// <param name="enabled">Whether the plan offers one.</param>
    /// <param name="duration">Its length.</param>
    public static SubscriptionFreeTrial SubscriptionFreeTrial(bool? enabled = true, decimal? duration = 14m) => new() { Enabled = enabled, Duration = duration };

    /// <summary>W5 · Pass Payment.</summary>
    /// <param name="purchaseId">The purchase id.</param>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="passTitle">The pass title.</param>
    /// <param name="price">The price.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="clientContentId">Your content id the pass was bought on.</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When access ends (left out when null).</param>
    /// <param name="userEmail">The reader's email.</param>
    /// <param name="userPhoneNumber">The reader's phone number.</param>
    /// <param name="clientId">Your client id.</param>
    public static PassPaymentWebhook PassPaymentWebhook(
        string? purchaseId = "purchase-1",
        string? userId = "user-1",
        string? passTitle = "Weekend pass",
        decimal? price = 49m,
        string? currency = "INR",
        string? clientContentId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? clientId = "client-1")
    {
        var payload = new PassPaymentWebhook { PassTitle = passTitle, ClientContentId = clientContentId };
        FillPurchase(payload, purchaseId, userId, price, currency, PurchaseTypes.Pass, createdAt, expiryDate, userEmail, userPhoneNumber, clientId);
        return payload;
    }

    /// <summary>W8 · Micro Payment.</summary>
    /// <param name="purchaseId">The purchase id.</param>
    /// <param name="clientContentId">Your content id.</param>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="price">The price.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="contentId">ConsCent's internal content id.</param>
    /// <param name="paywallId">ConsCent's paywall id.</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When access ends (left out when null).</param>
    /// <param name="userEmail">The reader's email.</param>
    /// <param name="userPhoneNumber">The reader's phone number.</param>
    /// <param name="clientId">Your client id.</param>
    public static MicroPaymentWebhook MicroPaymentWebhook(
        string? purchaseId = "purchase-1",
        string? clientContentId = "content-1",
        string? userId = "user-1",
        decimal? price = 1m,
        string? currency = "INR",
        string? contentId = "000000000000000000000001",
        string? paywallId = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? clientId = "client-1")
    {
        var payload = new MicroPaymentWebhook
        {
            ClientContentId = clientContentId,
            ContentId = contentId,
            PaywallId = paywallId,
            ContentType = WebhookContentAccess(),
        };
        FillPurchase(payload, purchaseId, userId, price, currency, PurchaseTypes.Content, createdAt, expiryDate, userEmail, userPhoneNumber, clientId);
        return payload;
    }

    /// <summary>What a micropayment unlocks (<c>contentType</c> as an object).</summary>
    /// <param name="digital">Digital access.</param>
    /// <param name="adFree">Ad-free access.</param>
    public static WebhookContentAccess WebhookContentAccess(bool? digital = true, bool? adFree = false) => new() { Digital = digital, AdFree = adFree };

    /// <summary>W6 · Subscription Bundle Payment.</summary>
    /// <param name="purchaseId">The purchase id.</param>
    /// <param name="userId">ConsCent's id for the reader.</param>
    /// <param name="bundlePrice">The bundle's list price.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="subscriptionsDetail">The subscriptions in the bundle (one <see cref="BundledSubscription"/> with defaults when null).</param>
    /// <param name="userEmail">The reader's email.</param>
    /// <param name="userPhoneNumber">The reader's phone number.</param>
    /// <param name="userName">The reader's name.</param>
    public static SubscriptionBundlePaymentWebhook SubscriptionBundlePaymentWebhook(
        string? purchaseId = "purchase-1",
        string? userId = "user-1",
        decimal? bundlePrice = 100m,
        string? currency = "INR",
        IEnumerable<BundledSubscription>? subscriptionsDetail = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? userName = "Reader One") => new()
    {
        PurchaseId = purchaseId,
        UserId = userId,
        BundlePrice = bundlePrice,
        BundleBuyingPrice = bundlePrice,
        BundlePriceDetails = PriceDetails(bundlePrice, currency),
        SubscriptionsDetail = ToList(subscriptionsDetail) ?? new List<BundledSubscription> { BundledSubscription(price: bundlePrice, currency: currency) },
        UserEmail = userEmail,
        UserPhoneNumber = userPhoneNumber,
        UserName = userName,
    };

    /// <summary>One subscription in a bundle purchase.</summary>
    /// <param name="title">The subscription title.</param>
    /// <param name="clientName">The publisher selling it.</param>
    /// <param name="price">The list price.</param>
    /// <param name="buyingPrice">What the reader paid (<paramref name="price"/> when null).</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="currencySymbol">The currency symbol.</param>
    /// <param name="duration">The duration.</param>
    public static BundledSubscription BundledSubscription(
        string? title = "Digital plan", string? clientName = "Demo Client", decimal? price = 100m, decimal? buyingPrice = null,
        string? currency = "INR", string? currencySymbol = "₹", decimal? duration = 1m) =>
        new() { Title = title, ClientName = clientName, Price = price, BuyingPrice = buyingPrice ?? price, Currency = currency, CurrencySymbol = currencySymbol, Duration = duration };

    /// <summary>Where a purchase or login happened.</summary>
    /// <param name="latitude">Latitude.</param>
    /// <param name="longitude">Longitude.</param>
    /// <param name="postcode">Postcode.</param>
    public static WebhookLocation WebhookLocation(decimal? latitude = 28.6139m, decimal? longitude = 77.209m, string? postcode = "110001") =>
        new() { Latitude = latitude, Longitude = longitude, Postcode = postcode };

    /// <summary>UTM parameters in a webhook.</summary>
    /// <param name="source">utm_source.</param>
    /// <param name="medium">utm_medium.</param>
    /// <param name="campaign">utm_campaign.</param>
    /// <param name="name">utm_name.</param>
    public static WebhookUtmParameters WebhookUtmParameters(string? source = "website", string? medium = null, string? campaign = null, string? name = null) =>
        new() { Source = source, Medium = medium, Campaign = campaign, Name = name };
}
