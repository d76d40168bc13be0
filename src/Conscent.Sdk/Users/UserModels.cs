using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// A reader's postal address as ConsCent stores it: <c>{apartment, area, pincode, landmark, city, state, country}</c>.
/// Every field is free text in ConsCent's examples (even <c>country</c>), so none is checked.
/// </summary>
public sealed class ReaderAddress : ConscentModel
{
    /// <summary>Flat or house.</summary>
    public string? Apartment { get; set; }

    /// <summary>Area or street.</summary>
    public string? Area { get; set; }

    /// <summary>The PIN (postal) code, as text (a number is read as its digits).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Pincode { get; set; }

    /// <summary>A landmark.</summary>
    public string? Landmark { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The state.</summary>
    public string? State { get; set; }

    /// <summary>The country (usually an alpha-2 code; not guaranteed).</summary>
    public string? Country { get; set; }
}

/// <summary>A reader's ConsCent wallet.</summary>
public sealed class ReaderWallet : ConscentModel
{
    /// <summary>The balance (ConsCent sends <c>{"$numberDecimal": "50.00"}</c>; plain numbers and strings are read too).</summary>
    public decimal? Balance { get; set; }

    /// <summary>The wallet's ISO 4217 currency.</summary>
    public string? Currency { get; set; }
}

/// <summary>A reader's ConsCent profile (<c>userdetails</c>). Which contact fields are present varies.</summary>
public sealed class ReaderDetails : ConscentModel
{
    /// <summary>The reader's name.</summary>
    public string? Name { get; set; }

    /// <summary>The reader's email.</summary>
    public string? Email { get; set; }

    /// <summary>The reader's phone number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>An alternate email.</summary>
    public string? SecondaryEmail { get; set; }

    /// <summary>An alternate phone number.</summary>
    public string? SecondaryPhoneNumber { get; set; }

    /// <summary>Date of birth.</summary>
    public DateTimeOffset? DateOfBirth { get; set; }

    /// <summary>Postal address.</summary>
    public ReaderAddress? Address { get; set; }

    /// <summary>The reader's country code.</summary>
    public string? Country { get; set; }

    /// <summary>Whether the reader agreed to promotional messages.</summary>
    public bool? PromotionalOptIn { get; set; }

    /// <summary>When the reader last bought anything.</summary>
    public DateTimeOffset? LastPurchasedOn { get; set; }

    /// <summary>The reader's ConsCent wallet.</summary>
    public ReaderWallet? Wallet { get; set; }
}

/// <summary>A purchase of one reader with your site, as the user-details endpoints list it (passes and pay-per-use).</summary>
public class ReaderPurchase : ConscentModel
{
    /// <summary>ConsCent's id for the purchase (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>Your site's name on ConsCent, such as <c>Demo Client</c>.</summary>
    public string? Client { get; set; }

    /// <summary>Your ConsCent client id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ClientId { get; set; }

    /// <summary>The price paid.</summary>
    public decimal? Price { get; set; }

    /// <summary>The GST included in the price (unrounded, as ConsCent sends it).</summary>
    public decimal? Gst { get; set; }

    /// <summary>GST parts of the price.</summary>
    public GstComponents? GstComponents { get; set; }

    /// <summary>When it was bought.</summary>
    public DateTimeOffset? PurchasedOn { get; set; }

    /// <summary>When access ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>Whether it is a free trial.</summary>
    public bool? FreeTrial { get; set; }
}

/// <summary>A subscription of one reader with your site, as the user-details endpoints list it.</summary>
public sealed class ReaderSubscription : ReaderPurchase
{
    /// <summary>The subscription's title.</summary>
    public string? SubscriptionTitle { get; set; }

    /// <summary>Physical, digital and/or ad-free.</summary>
    public SubscriptionType? SubscriptionType { get; set; }

    /// <summary>The plan's benefits, as one text.</summary>
    public string? Benefits { get; set; }

    /// <summary>Your logo's URL, verbatim (ConsCent's example ends in a newline; it is not trimmed).</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The Razorpay subscription id, for auto-renewing subscriptions paid through Razorpay.</summary>
    public string? RzpSubscriptionId { get; set; }

    /// <summary>The status, such as <c>ACTIVE</c> (see <see cref="SubscriptionStatuses"/>).</summary>
    public string? Status { get; set; }

    /// <summary>ConsCent's id for the plan tier.</summary>
    public string? TierId { get; set; }

    /// <summary>The subscription's length in months.</summary>
    public int? SubscriptionDurationInMonths { get; set; }

    /// <summary>The price in INR.</summary>
    public decimal? SubscriptionPriceInInr { get; set; }

    /// <summary>Whether the reader may cancel.</summary>
    public bool? AllowCancellation { get; set; }

    /// <summary>Where the reader cancels (may be empty).</summary>
    public string? CancellationUrl { get; set; }

    /// <summary>Whether the reader may renew.</summary>
    public bool? AllowRenewal { get; set; }

    /// <summary>Where the reader renews (may be empty).</summary>
    public string? RenewalUrl { get; set; }
}

/// <summary>The answer to <see cref="IUsersClient.GetUserAndSubscriptionDetailsAsync"/>.</summary>
public sealed class UserAndSubscriptionDetails : ConscentModel
{
    /// <summary>The reader's profile (<c>userdetails</c>, all lower case on the wire).</summary>
    [JsonPropertyName("userdetails")]
    public ReaderDetails? UserDetails { get; set; }

    /// <summary>The reader's subscriptions with your site.</summary>
    public IList<ReaderSubscription>? UserSubscriptions { get; set; }
}

/// <summary>The answer to <see cref="IUsersClient.GetUserAndPurchaseDetailsAsync"/>. ConsCent sends no paging details here.</summary>
public sealed class UserAndPurchaseDetails : ConscentModel
{
    /// <summary>The reader's profile (<c>userdetails</c>, all lower case on the wire).</summary>
    [JsonPropertyName("userdetails")]
    public ReaderDetails? UserDetails { get; set; }

    /// <summary>The reader's subscriptions with your site.</summary>
    public IList<ReaderSubscription>? UserSubscriptions { get; set; }

    /// <summary>The reader's passes.</summary>
    public IList<ReaderPurchase>? Passes { get; set; }

    /// <summary>The reader's pay-per-use (micropayment) purchases.</summary>
    public IList<ReaderPurchase>? PayPerUses { get; set; }
}
