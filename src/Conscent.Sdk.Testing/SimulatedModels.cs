using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing;

/// <summary>
/// A ConsCent reader account, seeded with <see cref="ConscentSimulator.SeedUser"/> or created by a migration. Fields left
/// null are left out of the simulator's answers (as ConsCent leaves out what it does not have).
/// </summary>
public sealed class SimulatedUser
{
    /// <summary>ConsCent's user id (24 hex digits); generated when null.</summary>
    public string? Id { get; set; }

    /// <summary>The reader's name.</summary>
    public string? Name { get; set; }

    /// <summary>The login email.</summary>
    public string? Email { get; set; }

    /// <summary>The login phone number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>A secondary email.</summary>
    public string? SecondaryEmail { get; set; }

    /// <summary>A secondary phone number.</summary>
    public string? SecondaryPhoneNumber { get; set; }

    /// <summary>The date of birth.</summary>
    public DateTimeOffset? DateOfBirth { get; set; }

    /// <summary>The country code, such as <c>IN</c>.</summary>
    public string? Country { get; set; }

    /// <summary>The postal address.</summary>
    public SimulatedAddress? Address { get; set; }

    /// <summary>Whether the reader accepted promotions.</summary>
    public bool? PromotionalOptIn { get; set; }

    /// <summary>The last purchase date; computed from the reader's purchases when null.</summary>
    public DateTimeOffset? LastPurchasedOn { get; set; }

    /// <summary>The wallet balance (sent as <c>{"$numberDecimal": "50.00"}</c>, as ConsCent does).</summary>
    public decimal? WalletBalance { get; set; }

    /// <summary>The wallet currency.</summary>
    public string WalletCurrency { get; set; } = "INR";

    /// <summary>The publisher's own id for the reader (<c>clientSpecificUserId</c> / migrate's <c>clientUserId</c>).</summary>
    public string? ClientSpecificUserId { get; set; }
}

/// <summary>A postal address as ConsCent returns it.</summary>
public sealed class SimulatedAddress
{
    /// <summary>Apartment.</summary>
    public string? Apartment { get; set; }

    /// <summary>Area.</summary>
    public string? Area { get; set; }

    /// <summary>Postal code.</summary>
    public string? Pincode { get; set; }

    /// <summary>Landmark.</summary>
    public string? Landmark { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>State.</summary>
    public string? State { get; set; }

    /// <summary>Country.</summary>
    public string? Country { get; set; }
}

/// <summary>
/// A pass or micropayment purchase, seeded with <see cref="ConscentSimulator.SeedPurchase"/>. Shown by
/// <c>/client/purchases</c>, <c>/client/purchases/passes</c> or <c>/client/purchases/micropayments</c> and the
/// user-and-purchase details.
/// </summary>
public sealed class SimulatedPurchase
{
    /// <summary>ConsCent's purchase id (<c>_id</c>); generated when null.</summary>
    public string? Id { get; set; }

    /// <summary>The buyer's ConsCent user id; must be a seeded user. Required.</summary>
    public string? UserId { get; set; }

    /// <summary><see cref="PurchaseTypes.Pass"/> or <see cref="PurchaseTypes.Content"/> (default).</summary>
    public string Type { get; set; } = PurchaseTypes.Content;

    /// <summary>The publisher's content id (<c>clientContentId</c>).</summary>
    public string? ClientContentId { get; set; }

    /// <summary>ConsCent's internal content id (<c>contentId</c> in purchase records); generated when null.</summary>
    public string? ContentId { get; set; }

    /// <summary>The content or pass title.</summary>
    public string? Title { get; set; }

    /// <summary>The content URL.</summary>
    public string? Url { get; set; }

    /// <summary>The list price.</summary>
    public decimal Price { get; set; }

    /// <summary>What the buyer paid; defaults to <see cref="Price"/>.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "INR";

    /// <summary>The GST part (user-and-purchase details only).</summary>
    public decimal? Gst { get; set; }

    /// <summary>When it was bought; the simulator's now when null.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When access ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>Free trial.</summary>
    public bool FreeTrial { get; set; }

    /// <summary>Promotional.</summary>
    public bool Promotional { get; set; }

    /// <summary>Migrated from the publisher's system.</summary>
    public bool Migrated { get; set; }
}

/// <summary>
/// A subscription, seeded with <see cref="ConscentSimulator.SeedSubscription"/> or created by a migration. Shown by the
/// current-subscriber list (while active), <c>/client/purchases/subscriptions</c>, <c>/client/purchases</c> and the
/// user details; cancelled by <c>/client/cancel-subscriptions/{userId}</c>.
/// </summary>
public sealed class SimulatedSubscription
{
    /// <summary>ConsCent's purchase id (<c>_id</c>); generated when null.</summary>
    public string? Id { get; set; }

    /// <summary>The subscriber's ConsCent user id; must be a seeded user. Required.</summary>
    public string? UserId { get; set; }

    /// <summary>The subscription's title.</summary>
    public string? Title { get; set; }

    /// <summary>The list price.</summary>
    public decimal Price { get; set; }

    /// <summary>What the subscriber paid; defaults to <see cref="Price"/>.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The currency.</summary>
    public string Currency { get; set; } = "INR";

    /// <summary>A physical (print) subscription.</summary>
    public bool Physical { get; set; }

    /// <summary>A digital subscription.</summary>
    public bool Digital { get; set; } = true;

    /// <summary>Ad-free (shown in user-and-purchase details when set).</summary>
    public bool? AdFree { get; set; }

    /// <summary><c>ACTIVE</c> (default) or <c>CANCELLED</c>.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Auto-renewal on.</summary>
    public bool RenewSubscription { get; set; }

    /// <summary>Renewed by hand.</summary>
    public bool ManuallyRenewed { get; set; }

    /// <summary>Free trial.</summary>
    public bool FreeTrial { get; set; }

    /// <summary>Promotional.</summary>
    public bool Promotional { get; set; }

    /// <summary>Migrated from the publisher's system.</summary>
    public bool Migrated { get; set; }

    /// <summary>When it was bought; the simulator's now when null.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When it ends; an expired subscription is not a current subscriber.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>ConsCent's subscription (plan) id; generated when null.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The plan tier id; generated when null.</summary>
    public string? TierId { get; set; }

    /// <summary>The length of the plan in months.</summary>
    public int DurationInMonths { get; set; } = 1;

    /// <summary>The publisher's content id, when the subscription was bought from a content page.</summary>
    public string? ClientContentId { get; set; }

    /// <summary>ConsCent's internal content id, when bought from a content page.</summary>
    public string? ContentId { get; set; }

    /// <summary>Buyer's country code.</summary>
    public string? Country { get; set; }

    /// <summary>Buyer's city.</summary>
    public string? City { get; set; }

    /// <summary>Device, such as <c>desktop</c>.</summary>
    public string? Device { get; set; }

    /// <summary>Operating system, such as <c>Mac OS</c>.</summary>
    public string? OperatingSystem { get; set; }

    /// <summary>The GST part (user-and-purchase details only).</summary>
    public decimal? Gst { get; set; }

    /// <summary>Plan benefits text.</summary>
    public string? Benefits { get; set; }

    /// <summary>Plan logo URL.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Razorpay subscription id.</summary>
    public string? RzpSubscriptionId { get; set; }

    /// <summary>Whether the reader may cancel.</summary>
    public bool AllowCancellation { get; set; }

    /// <summary>Cancellation page.</summary>
    public string? CancellationUrl { get; set; }

    /// <summary>Whether the reader may renew.</summary>
    public bool AllowRenewal { get; set; }

    /// <summary>Renewal page.</summary>
    public string? RenewalUrl { get; set; }

    /// <summary>The publisher's subscription id (migrations).</summary>
    public string? InternalSubscriptionId { get; set; }

    /// <summary>When the subscription was bought in the publisher's system (migrations).</summary>
    public DateTimeOffset? MigratedCreatedAt { get; set; }

    /// <summary>UTM parameters (migrations).</summary>
    public IDictionary<string, string>? UtmParameters { get; set; }
}

/// <summary>A consumption id issued by <see cref="ConscentSimulator.IssueConsumption"/>: what the paywall hands the browser after a purchase.</summary>
public sealed class SimulatedConsumption
{
    internal SimulatedConsumption(string id, string contentId, string clientId, DateTimeOffset createdAt, decimal amount, string currency)
    {
        Id = id;
        ContentId = contentId;
        ClientId = clientId;
        CreatedAt = createdAt;
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The consumption id (a UUID).</summary>
    public string Id { get; }

    /// <summary>The publisher's content id.</summary>
    public string ContentId { get; }

    /// <summary>The client id reported in the validation payload.</summary>
    public string ClientId { get; }

    /// <summary>When the consumption happened.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>What it earned (counted by the stats endpoints).</summary>
    public decimal Amount { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public string Currency { get; }

    /// <summary>How many times it was validated.</summary>
    public int ValidationCount { get; internal set; }
}

/// <summary>A loyalty event received on <c>/reward/{partnerId}/api/user_event</c>.</summary>
public sealed class SimulatedLoyaltyEvent
{
    internal SimulatedLoyaltyEvent(string partnerId, JsonObject body, DateTimeOffset receivedAt)
    {
        PartnerId = partnerId;
        Body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>The partner id from the path.</summary>
    public string PartnerId { get; }

    /// <summary>The event object as sent.</summary>
    public JsonObject Body { get; }

    /// <summary><c>eventType</c> from the body, or null.</summary>
    public string? EventType => Body["eventType"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary><c>userId</c> from the body, or null.</summary>
    public string? UserId => Body["userId"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>When it arrived (simulator clock).</summary>
    public DateTimeOffset ReceivedAt { get; }
}

/// <summary>An auto-login token issued by <c>/client/generate-temp-token</c>.</summary>
public sealed class SimulatedAutoLoginToken
{
    internal SimulatedAutoLoginToken(string token, string? email, string? phoneNumber, DateTimeOffset issuedAt)
    {
        Token = token;
        Email = email;
        PhoneNumber = phoneNumber;
        IssuedAt = issuedAt;
    }

    /// <summary>The <c>tempAuthToken</c>.</summary>
    public string Token { get; }

    /// <summary>The email it was issued for, or null.</summary>
    public string? Email { get; }

    /// <summary>The phone number it was issued for, or null.</summary>
    public string? PhoneNumber { get; }

    /// <summary>When it was issued (simulator clock).</summary>
    public DateTimeOffset IssuedAt { get; }
}
