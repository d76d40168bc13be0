using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// Imports a subscriber from your own system into ConsCent (<c>POST /api/v1/subscription/migrate</c>): the reader's
/// identity and address, and the subscription they bought from you. Required: <see cref="UserPrimaryEmail"/> or
/// <see cref="UserPrimaryPhone"/> (it becomes the reader's ConsCent login), <see cref="ExpiryDate"/>,
/// <see cref="PurchaseDate"/>, <see cref="Country"/>, <see cref="SubscriptionDetails"/> with its
/// <see cref="MigrateSubscriptionDetails.SubscriptionType"/>, and <see cref="UserAddress"/> for a physical subscription.
/// </summary>
public sealed class MigrateSubscriptionRequest : ConscentModel
{
    /// <summary>The reader's email; their ConsCent login. This or <see cref="UserPrimaryPhone"/> is required.</summary>
    public string? UserPrimaryEmail { get; set; }

    /// <summary>The reader's phone number; their login when there is no <see cref="UserPrimaryEmail"/>.</summary>
    public string? UserPrimaryPhone { get; set; }

    /// <summary>An alternate email: not used to log in, returned in webhooks and exports.</summary>
    public string? UserSecondaryEmail { get; set; }

    /// <summary>An alternate phone number: not used to log in, returned in webhooks and exports.</summary>
    public string? UserSecondaryPhone { get; set; }

    /// <summary>The reader's name.</summary>
    public string? UserName { get; set; }

    /// <summary>When the migrated subscription ends. Required; sent as <c>2022-01-25T12:39:28.337Z</c>.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>When the reader bought the subscription from you. Required; sent in the same ISO form.</summary>
    public DateTimeOffset? PurchaseDate { get; set; }

    /// <summary>The reader's country: an ISO 3166-1 alpha-2 code from ConsCent's list (<see cref="CountryCodes"/>). Required.</summary>
    public string? Country { get; set; }

    /// <summary>
    /// Your own id for the reader. ConsCent says it "will be returned in relevant webhooks"; the webhooks and purchase
    /// lists carry a field called <c>clientSpecificUserId</c>, which is presumably this value (the docs do not say).
    /// </summary>
    public string? ClientUserId { get; set; }

    /// <summary>The reader's postal address. Required when the subscription is physical.</summary>
    public MigrateUserAddress? UserAddress { get; set; }

    /// <summary>
    /// The subscription being migrated. Required. Sent as <c>subscriptionDetails</c>, as ConsCent's parameter table and
    /// every request sample do; the answer echoes it as <see cref="MigratedSubscription.MigratedSubscriptionDetails"/>.
    /// </summary>
    public MigrateSubscriptionDetails? SubscriptionDetails { get; set; }

    /// <summary>UTM tags of the original sale.</summary>
    public UtmParameters? UtmParameters { get; set; }
}

/// <summary>The postal address of a migrated reader: <c>{address, city, state, postcode}</c>.</summary>
public sealed class MigrateUserAddress : ConscentModel
{
    /// <summary>The address line. Required for a physical subscription.</summary>
    public string? Address { get; set; }

    /// <summary>The city. Required for a physical subscription.</summary>
    public string? City { get; set; }

    /// <summary>The state. Required for a physical subscription.</summary>
    public string? State { get; set; }

    /// <summary>The postcode, as text (a number in an answer is read as its digits). Required for a physical subscription.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Postcode { get; set; }
}

/// <summary>
/// The subscription a reader bought from you (<c>subscriptionDetails</c> in the migrate request,
/// <c>migratedSubscriptionDetails</c> in its answer). Only <see cref="SubscriptionType"/> is required.
/// </summary>
public sealed class MigrateSubscriptionDetails : ConscentModel
{
    /// <summary>The subscription's title.</summary>
    public string? Title { get; set; }

    /// <summary>What the reader paid.</summary>
    public PriceDetails? PriceDetails { get; set; }

    /// <summary>Whether it is a physical (print) and/or digital subscription. Required.</summary>
    public SubscriptionType? SubscriptionType { get; set; }

    /// <summary>Your own id for the subscription plan.</summary>
    public string? InternalSubscriptionId { get; set; }
}

/// <summary>A price and its currency: <c>{price, currency}</c>.</summary>
public sealed class PriceDetails : ConscentModel
{
    /// <summary>Creates empty price details (for deserialization and object initializers).</summary>
    public PriceDetails() { }

    /// <summary>Creates price details.</summary>
    public PriceDetails(decimal price, string currency)
    {
        Price = price;
        Currency = currency;
    }

    /// <summary>The amount, in <see cref="Currency"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>The ISO 4217 currency code, such as <c>INR</c>.</summary>
    public string? Currency { get; set; }
}

/// <summary>What a subscription gives: print delivery, digital access, an ad-free experience.</summary>
public sealed class SubscriptionType : ConscentModel
{
    /// <summary>Print delivery (a migrated physical subscription needs the reader's address).</summary>
    public bool? Physical { get; set; }

    /// <summary>Digital access.</summary>
    public bool? Digital { get; set; }

    /// <summary>An ad-free experience (seen in the user-and-purchase-details answer only).</summary>
    public bool? AdFree { get; set; }
}

/// <summary>The GST (Indian goods and services tax) parts of a price, for the physical and digital components.</summary>
public sealed class GstComponents : ConscentModel
{
    /// <summary>GST on the physical component.</summary>
    public decimal? Physical { get; set; }

    /// <summary>GST on the digital component.</summary>
    public decimal? Digital { get; set; }
}

/// <summary>UTM tags (<c>utm_source</c>, <c>utm_medium</c>). Any other tag can go in <see cref="ConscentModel.AdditionalProperties"/>.</summary>
public sealed class UtmParameters : ConscentModel
{
    /// <summary><c>utm_source</c>, such as <c>website</c>.</summary>
    [JsonPropertyName("utm_source")]
    public string? UtmSource { get; set; }

    /// <summary><c>utm_medium</c>, such as <c>facebook</c>.</summary>
    [JsonPropertyName("utm_medium")]
    public string? UtmMedium { get; set; }
}

/// <summary>The answer to <see cref="ISubscriptionsClient.MigrateAsync"/>.</summary>
public sealed class MigrateSubscriptionResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Subscription migrated successfully</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The subscription purchase ConsCent recorded.</summary>
    public MigratedSubscription? MigratedSubscription { get; set; }
}

/// <summary>
/// The subscription purchase ConsCent recorded for a migration. Do not expect it to echo the request: in ConsCent's
/// example <see cref="Price"/> and <see cref="PriceDetails"/> are 0 while the migrated price (200) is only under
/// <see cref="MigratedSubscriptionDetails"/>, and the request's purchase date comes back as <see cref="MigratedCreatedAt"/>.
/// </summary>
public sealed class MigratedSubscription : ConscentModel
{
    /// <summary>ConsCent's id for this purchase (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>Your ConsCent client id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ClientId { get; set; }

    /// <summary>ConsCent's id for the reader's account (<c>userAccount</c>).</summary>
    [JsonPropertyName("userAccount")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? UserAccountId { get; set; }

    /// <summary>The subscription as you sent it (<c>subscriptionDetails</c> in the request).</summary>
    public MigrateSubscriptionDetails? MigratedSubscriptionDetails { get; set; }

    /// <summary>GST parts of the price.</summary>
    public GstComponents? GstComponents { get; set; }

    /// <summary>GST parts of the price in INR.</summary>
    public GstComponents? InrGstComponents { get; set; }

    /// <summary>Whether the subscription was renewed by hand.</summary>
    public bool? ManuallyRenewed { get; set; }

    /// <summary>Whether the subscription renews.</summary>
    public bool? RenewSubscription { get; set; }

    /// <summary>Ids of the offers applied.</summary>
    public IList<string>? AvailedOffers { get; set; }

    /// <summary>Whether it was a promotional purchase.</summary>
    public bool? Promotional { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Whether it is a bundle.</summary>
    public bool? Bundle { get; set; }

    /// <summary>The bundle's content ids.</summary>
    public IList<string>? BundleContentIds { get; set; }

    /// <summary>Payment types (an array here; values seen elsewhere: see <see cref="PaymentTypes"/>).</summary>
    public IList<string>? PaymentType { get; set; }

    /// <summary>Whether it is a free trial.</summary>
    public bool? FreeTrial { get; set; }

    /// <summary>True for a migrated subscription.</summary>
    public bool? Migrated { get; set; }

    /// <summary>The price ConsCent recorded (0 in ConsCent's example).</summary>
    public decimal? Price { get; set; }

    /// <summary>The buying price ConsCent recorded.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The price ConsCent recorded, with its currency.</summary>
    public PriceDetails? PriceDetails { get; set; }

    /// <summary>The purchase type, <c>SUBSCRIPTION</c> (see <see cref="PurchaseTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>The subscription's title.</summary>
    public string? SubscriptionTitle { get; set; }

    /// <summary>Physical and/or digital.</summary>
    public SubscriptionType? SubscriptionType { get; set; }

    /// <summary>ConsCent's id for the subscription plan.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>When ConsCent recorded the migration.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The original purchase date (the request's <c>purchaseDate</c>).</summary>
    public DateTimeOffset? MigratedCreatedAt { get; set; }

    /// <summary>When the subscription ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>The country code of the purchase.</summary>
    public string? Country { get; set; }

    /// <summary>The reader's country code.</summary>
    public string? UserCountry { get; set; }

    /// <summary>UTM tags.</summary>
    public UtmParameters? UtmParameters { get; set; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The database document version (<c>__v</c>).</summary>
    [JsonPropertyName("__v")]
    public int? DocumentVersion { get; set; }
}

/// <summary>The answer to <see cref="ISubscriptionsClient.CancelActiveSubscriptionsAsync"/>.</summary>
public sealed class CancelSubscriptionsResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Subscriptions Cancelled Successfully</c>.</summary>
    public string? Message { get; set; }
}

/// <summary>Subscription status values seen in ConsCent's examples (the docs list none; others are passed through).</summary>
public static class SubscriptionStatuses
{
    /// <summary><c>ACTIVE</c>.</summary>
    public const string Active = "ACTIVE";

    /// <summary><c>CANCELLED</c>.</summary>
    public const string Cancelled = "CANCELLED";
}

/// <summary>Payment type values seen in ConsCent's examples (the docs list none; others are passed through).</summary>
public static class PaymentTypes
{
    /// <summary><c>NEW</c>: a first payment.</summary>
    public const string New = "NEW";

    /// <summary><c>REPEAT</c>: a renewal.</summary>
    public const string Repeat = "REPEAT";

    /// <summary><c>NETWORK</c>.</summary>
    public const string Network = "NETWORK";
}
