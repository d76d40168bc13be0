using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// The fields every ConsCent purchase record has (Subscription, Pass and Micro Payment webhooks, and the last purchase
/// in Subscription Cancelled). Every field is optional: ConsCent's samples differ in which they send.
/// </summary>
/// <remarks>
/// <c>contentId</c>-style ids here are ConsCent's internal ids; the publisher's own content id is
/// <c>ClientContentId</c>.
/// </remarks>
public abstract class WebhookPurchaseRecord : ConscentModel
{
    /// <summary>ConsCent's id for the record (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The purchase id, when ConsCent sends one separately from <see cref="Id"/>.</summary>
    public string? PurchaseId { get; set; }

    /// <summary>ConsCent's id for the reader.</summary>
    public string? UserId { get; set; }

    /// <summary>ConsCent's id for the reader's account (in ConsCent's examples it sometimes differs from <see cref="UserId"/>).</summary>
    public string? UserAccount { get; set; }

    /// <summary>Your ConsCent client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>Whether the reader renewed by hand.</summary>
    public bool? ManuallyRenewed { get; set; }

    /// <summary>Whether the purchase renews automatically.</summary>
    public bool? RenewSubscription { get; set; }

    /// <summary>Offers applied (undocumented shape; raw JSON).</summary>
    public IList<JsonElement>? AvailedOffers { get; set; }

    /// <summary>Whether this was a promotional purchase.</summary>
    public bool? Promotional { get; set; }

    /// <summary>Tags.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Whether this purchase was of a bundle.</summary>
    public bool? Bundle { get; set; }

    /// <summary>The content ids in the bundle.</summary>
    public IList<string>? BundleContentIds { get; set; }

    /// <summary>How it was paid: entries such as <c>NEW</c>, <c>REPEAT</c>, <c>NETWORK</c> (<see cref="PaymentTypes"/>).</summary>
    public IList<string>? PaymentType { get; set; }

    /// <summary>Whether it was a free trial.</summary>
    public bool? FreeTrial { get; set; }

    /// <summary>Whether the purchase was migrated from the publisher's own system.</summary>
    public bool? Migrated { get; set; }

    /// <summary>What the reader paid.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The list price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The country of purchase (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    /// <summary>The city ConsCent geolocated.</summary>
    public string? City { get; set; }

    /// <summary>Where the reader was.</summary>
    public WebhookLocation? Location { get; set; }

    /// <summary>The reader's country.</summary>
    public string? UserCountry { get; set; }

    /// <summary>When access ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>The price and its currency.</summary>
    public PriceDetails? PriceDetails { get; set; }

    /// <summary>The purchase type: <c>SUBSCRIPTION</c>, <c>PASS</c> or <c>CONTENT</c> (<see cref="PurchaseTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>The reader's operating system.</summary>
    public string? OperatingSystem { get; set; }

    /// <summary>The reader's device, such as <c>desktop</c>.</summary>
    public string? Device { get; set; }

    /// <summary>GST amounts in the purchase currency.</summary>
    public GstComponents? GstComponents { get; set; }

    /// <summary>GST amounts in INR.</summary>
    public GstComponents? InrGstComponents { get; set; }

    /// <summary>When the record was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the record was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The record's version counter (<c>__v</c>).</summary>
    [JsonPropertyName("__v")]
    public int? Version { get; set; }

    /// <summary>The reader's email. Personal data.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The reader's phone number. Personal data.</summary>
    public string? UserPhoneNumber { get; set; }

    /// <summary>The reader's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The publisher's own id for the reader, when set.</summary>
    public string? ClientSpecificUserId { get; set; }

    /// <summary>The reader's address.</summary>
    public ReaderAddress? UserAddress { get; set; }
}

/// <summary>A subscription purchase or renewal record.</summary>
public class SubscriptionPurchaseRecord : WebhookPurchaseRecord
{
    /// <summary>The renewal's id, when this record is a renewal.</summary>
    public string? RenewalId { get; set; }

    /// <summary>The renewal price.</summary>
    public PriceDetails? RenewalDetails { get; set; }

    /// <summary>The subscription plan's title.</summary>
    public string? SubscriptionTitle { get; set; }

    /// <summary>Physical and/or digital.</summary>
    public SubscriptionType? SubscriptionType { get; set; }

    /// <summary>ConsCent's id for the subscription plan.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>ConsCent's id for the tier bought.</summary>
    public string? TierId { get; set; }

    /// <summary>The tier bought.</summary>
    public WebhookSubscriptionTier? ChosenTier { get; set; }

    /// <summary>The auto-renewal details, on renewals.</summary>
    public RenewedSubscriptionDetails? RenewedSubscriptionDetails { get; set; }
}

/// <summary>
/// W3 · Subscription Payment: a reader bought or renewed a subscription. <see cref="DeliveryId"/> is the purchase id
/// plus the renewal id, so each renewal of the same purchase is handled once.
/// </summary>
public sealed class SubscriptionPaymentWebhook : SubscriptionPurchaseRecord, IConscentWebhookPayload
{
    /// <inheritdoc />
    [JsonIgnore]
    public string? DeliveryId => DeliveryIds.Of(PurchaseId, Id, RenewalId);
}

/// <summary>The auto-renewal state of a renewed subscription.</summary>
public sealed class RenewedSubscriptionDetails : ConscentModel
{
    /// <summary>How many times it has renewed.</summary>
    public int? RenewalCount { get; set; }

    /// <summary>The Razorpay subscription id.</summary>
    public string? RzpSubscriptionId { get; set; }

    /// <summary>When it renews next.</summary>
    public DateTimeOffset? NextRenewalDate { get; set; }

    /// <summary>The auto-renew state, such as <c>ACTIVE</c> (<see cref="SubscriptionStatuses"/>).</summary>
    public string? AutoRenew { get; set; }

    /// <summary>The renewal price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }
}

/// <summary>
/// W4 · Subscription Cancelled: a reader cancelled an auto-renewing subscription. Holds the cancellation, the plan and
/// the reader's last purchase or renewal of it. Do not rely on it after your own cancel call: ConsCent does not say
/// whether that call fires this webhook.
/// </summary>
public sealed class SubscriptionCancelledWebhook : ConscentModel, IConscentWebhookPayload
{
    /// <summary>The cancellation.</summary>
    public CancelledSubscriptionDetails? CancelledSubscriptionDetails { get; set; }

    /// <summary>The reader's email. Personal data.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The reader's phone number. Personal data.</summary>
    public string? UserPhoneNumber { get; set; }

    /// <summary>ConsCent's id for the reader.</summary>
    public string? UserId { get; set; }

    /// <summary>The reader's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The reader's address.</summary>
    public ReaderAddress? UserAddress { get; set; }

    /// <summary>The publisher's own id for the reader, when set.</summary>
    public string? ClientSpecificUserId { get; set; }

    /// <summary>The subscription plan.</summary>
    public WebhookSubscriptionPlan? SubscriptionDetails { get; set; }

    /// <summary>The reader's last purchase or renewal of the plan.</summary>
    public SubscriptionPurchaseRecord? LastPurchaseDetails { get; set; }

    /// <summary>
    /// The Razorpay subscription id of the cancellation, else the last purchase's id (<c>purchaseId</c>, else <c>_id</c>).
    /// </summary>
    [JsonIgnore]
    public string? DeliveryId =>
        !string.IsNullOrEmpty(CancelledSubscriptionDetails?.RzpSubscriptionId)
            ? CancelledSubscriptionDetails!.RzpSubscriptionId
            : DeliveryIds.Of(LastPurchaseDetails?.PurchaseId, LastPurchaseDetails?.Id, LastPurchaseDetails?.RenewalId);
}

/// <summary>A cancelled auto-renewal.</summary>
public sealed class CancelledSubscriptionDetails : ConscentModel
{
    /// <summary>How many times it had renewed.</summary>
    public int? RenewalCount { get; set; }

    /// <summary>The Razorpay subscription id.</summary>
    public string? RzpSubscriptionId { get; set; }

    /// <summary>The state, such as <c>CANCELLED</c> (<see cref="SubscriptionStatuses"/>).</summary>
    public string? Status { get; set; }

    /// <summary>The renewal price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }
}

/// <summary>A subscription plan as configured on the ConsCent dashboard.</summary>
public sealed class WebhookSubscriptionPlan : ConscentModel
{
    /// <summary>ConsCent's id for the plan.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>Your ConsCent client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The plan title.</summary>
    public string? Title { get; set; }

    /// <summary>The free trial (an object here, a boolean in purchase records).</summary>
    public SubscriptionFreeTrial? FreeTrial { get; set; }

    /// <summary>Whether the plan is shown as recommended.</summary>
    public bool? Recommended { get; set; }

    /// <summary>The benefits text.</summary>
    public string? Benefits { get; set; }

    /// <summary>Includes a physical product.</summary>
    public bool? Physical { get; set; }

    /// <summary>Includes digital access.</summary>
    public bool? Digital { get; set; }

    /// <summary>Whether the plan is enabled.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether the plan was migrated.</summary>
    public bool? Migrated { get; set; }

    /// <summary>Whether coupons are enabled.</summary>
    public bool? CouponsEnabled { get; set; }

    /// <summary>The admin coupon code.</summary>
    public string? AdminCoupon { get; set; }

    /// <summary>Coupon numbers used.</summary>
    public IList<int>? UsedCouponNumbers { get; set; }

    /// <summary>The plan's icon.</summary>
    public string? IconUrl { get; set; }

    /// <summary>The plan's tiers.</summary>
    public IList<WebhookSubscriptionTier>? Tiers { get; set; }

    /// <summary>How many coupons exist.</summary>
    public int? CouponCount { get; set; }

    /// <summary>When the plan was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the plan was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The record's version counter (<c>__v</c>).</summary>
    [JsonPropertyName("__v")]
    public int? Version { get; set; }
}

/// <summary>W5 · Pass Payment: a reader bought a pass.</summary>
public sealed class PassPaymentWebhook : WebhookPurchaseRecord, IConscentWebhookPayload
{
    /// <summary>The publisher's own content id (the id in your CMS).</summary>
    public string? ClientContentId { get; set; }

    /// <summary>ConsCent's internal id for the content (not your id: see <see cref="ClientContentId"/>).</summary>
    public string? ContentId { get; set; }

    /// <summary>The pass title.</summary>
    public string? PassTitle { get; set; }

    /// <summary>The purchase id (<c>purchaseId</c>, else <c>_id</c>).</summary>
    [JsonIgnore]
    public string? DeliveryId => DeliveryIds.Of(PurchaseId, Id);
}

/// <summary>W8 · Micro Payment: a reader paid for a single content item.</summary>
public sealed class MicroPaymentWebhook : WebhookPurchaseRecord, IConscentWebhookPayload
{
    /// <summary>The publisher's own content id (the id in your CMS).</summary>
    public string? ClientContentId { get; set; }

    /// <summary>ConsCent's internal id for the content (not your id: see <see cref="ClientContentId"/>).</summary>
    public string? ContentId { get; set; }

    /// <summary>ConsCent's id for the paywall the reader paid through.</summary>
    public string? PaywallId { get; set; }

    /// <summary>What the purchase unlocks (an object here, unlike the content API's string <c>contentType</c>).</summary>
    public WebhookContentAccess? ContentType { get; set; }

    /// <summary>The purchase id (<c>purchaseId</c>, else <c>_id</c>).</summary>
    [JsonIgnore]
    public string? DeliveryId => DeliveryIds.Of(PurchaseId, Id);
}

/// <summary>W6 · Subscription Bundle Payment: a reader bought a bundle of subscriptions (possibly from several publishers).</summary>
public sealed class SubscriptionBundlePaymentWebhook : ConscentModel, IConscentWebhookPayload
{
    /// <summary>The purchase id.</summary>
    public string? PurchaseId { get; set; }

    /// <summary>ConsCent's id for the record, when sent (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>ConsCent's id for the reader.</summary>
    public string? UserId { get; set; }

    /// <summary>The reader's email. Personal data.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The reader's phone number. Personal data.</summary>
    public string? UserPhoneNumber { get; set; }

    /// <summary>The reader's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The reader's address (state, city, area and pincode only, in the docs' sample).</summary>
    public ReaderAddress? UserAddress { get; set; }

    /// <summary>The reader's gender, such as <c>MALE</c>.</summary>
    public string? UserGender { get; set; }

    /// <summary>The reader's employment type, such as <c>FULL_TIME</c>.</summary>
    public string? UserEmploymentType { get; set; }

    /// <summary>UTM parameters captured with the purchase.</summary>
    public WebhookUtmParameters? UtmParameters { get; set; }

    /// <summary>What the reader paid for the bundle.</summary>
    public decimal? BundleBuyingPrice { get; set; }

    /// <summary>The bundle's list price.</summary>
    public decimal? BundlePrice { get; set; }

    /// <summary>The bundle price and its currency.</summary>
    public PriceDetails? BundlePriceDetails { get; set; }

    /// <summary>The subscriptions in the bundle (<c>subscriptionsDetail</c> on the wire).</summary>
    [JsonPropertyName("subscriptionsDetail")]
    public IList<BundledSubscription>? SubscriptionsDetail { get; set; }

    /// <summary>The purchase id (<c>purchaseId</c>, else <c>_id</c>).</summary>
    [JsonIgnore]
    public string? DeliveryId => DeliveryIds.Of(PurchaseId, Id);
}

/// <summary>One subscription in a bundle purchase.</summary>
public sealed class BundledSubscription : ConscentModel
{
    /// <summary>The subscription title.</summary>
    public string? Title { get; set; }

    /// <summary>The duration as ConsCent sends it (the docs do not state the unit).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The currency symbol, such as <c>₹</c>.</summary>
    public string? CurrencySymbol { get; set; }

    /// <summary>What the reader paid for this part.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The list price (sent as a string such as <c>"100.00"</c>; read as a number).</summary>
    public decimal? Price { get; set; }

    /// <summary>The publisher selling this subscription.</summary>
    public string? ClientName { get; set; }

    /// <summary>The currency code.</summary>
    public string? Currency { get; set; }
}
