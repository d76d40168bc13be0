using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>Purchases of one content item over a date range (<see cref="IStatsClient.GetContentStatsAsync"/>).</summary>
public sealed class ContentStats : ConscentModel
{
    /// <summary>How many times the content was bought.</summary>
    public int? Count { get; set; }

    /// <summary>What those purchases earned, in <see cref="Currency"/>.</summary>
    public decimal? Amount { get; set; }

    /// <summary>The ISO 4217 currency of <see cref="Amount"/>, such as <c>INR</c>.</summary>
    public string? Currency { get; set; }
}

/// <summary>
/// Totals across all your content (<see cref="IStatsClient.GetDailyStatsAsync"/>, one per day in
/// <see cref="IStatsClient.GetDailySeriesAsync"/>).
/// </summary>
/// <remarks>
/// The current docs name the count <c>totalContentConsumed</c>, the deprecated story docs <c>totalStoriesRead</c> for
/// the same path: <see cref="Consumed"/> reads either. Written back (serialized), the model keeps the name it was read
/// with; a model built in code, or one whose answer had neither name, writes <c>totalContentConsumed</c>
/// (docs/rulings.md#stats-daily-count-name).
/// </remarks>
public sealed class DailyStats : ConscentModel
{
    private int? _contentConsumed;
    private int? _storiesRead;

    /// <summary>
    /// Consumptions in the range: <c>totalContentConsumed</c> (current API), else <c>totalStoriesRead</c> (the
    /// deprecated story API's name for the same count).
    /// </summary>
    [JsonIgnore]
    public int? Consumed
    {
        get => _contentConsumed ?? _storiesRead;
        set
        {
            // Keep the wire name(s) the value came with: only the story name stays the story name.
            if (_storiesRead is not null && _contentConsumed is null)
            {
                _storiesRead = value;
            }
            else
            {
                _contentConsumed = value;
                if (_storiesRead is not null) _storiesRead = value;
            }
        }
    }

    /// <summary>Revenue in the range. The answer carries no currency; ConsCent says it is INR by default.</summary>
    public decimal? TotalRevenueGenerated { get; set; }

    /// <summary>The wire field <c>totalContentConsumed</c> (current API).</summary>
    [JsonInclude]
    [JsonPropertyName("totalContentConsumed")]
    [JsonPropertyOrder(-2)]
    internal int? WireTotalContentConsumed
    {
        get => _contentConsumed;
        set => _contentConsumed = value;
    }

    /// <summary>The wire field <c>totalStoriesRead</c> (deprecated story API).</summary>
    [JsonInclude]
    [JsonPropertyName("totalStoriesRead")]
    [JsonPropertyOrder(-1)]
    internal int? WireTotalStoriesRead
    {
        get => _storiesRead;
        set => _storiesRead = value;
    }
}

/// <summary>The answer to <see cref="IStatsClient.ListCurrentSubscribersAsync"/>: every active subscription, unpaged.</summary>
public sealed class CurrentSubscribersResponse : ConscentModel
{
    /// <summary>The active subscriptions.</summary>
    public IList<CurrentSubscription>? Subscriptions { get; set; }
}

/// <summary>One active subscription bought through ConsCent, with the buyer's details.</summary>
/// <remarks>Holds personal data (name, email, phone, address): treat it accordingly.</remarks>
public sealed class CurrentSubscription : ConscentModel
{
    /// <summary>ConsCent's id for this subscription purchase (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>Whether the subscription renews automatically.</summary>
    public bool? RenewSubscription { get; set; }

    /// <summary>
    /// The free trial. ConsCent sends a boolean here (<c>false</c>) and an object <c>{enabled, duration}</c> elsewhere;
    /// both are read (a boolean becomes <see cref="SubscriptionFreeTrial.Enabled"/>).
    /// </summary>
    [JsonConverter(typeof(SubscriptionFreeTrialConverter))]
    public SubscriptionFreeTrial? FreeTrial { get; set; }

    /// <summary>
    /// The buyer. An embedded object in this answer; should ConsCent send only the account id (as in other answers), it
    /// is read into <see cref="SubscriberAccount.Id"/>.
    /// </summary>
    [JsonConverter(typeof(SubscriberAccountConverter))]
    public SubscriberAccount? UserAccount { get; set; }

    /// <summary>What the buyer paid.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The list price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The price and its currency.</summary>
    public SubscriptionPriceDetails? PriceDetails { get; set; }

    /// <summary>Where the purchase was made: the country code, such as <c>IN</c>.</summary>
    public string? Country { get; set; }

    /// <summary>Where the purchase was made: the city, as detected.</summary>
    public string? City { get; set; }

    /// <summary>When the subscription ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>When it was bought.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The subscription plan's title.</summary>
    public string? SubscriptionTitle { get; set; }

    /// <summary>The buyer's operating system, such as <c>Mac OS</c>.</summary>
    public string? OperatingSystem { get; set; }

    /// <summary>The buyer's device, such as <c>desktop</c> (see <see cref="DeviceTypes"/>; no list is documented).</summary>
    public string? Device { get; set; }

    /// <summary>Whether the plan is physical (print), digital, or both.</summary>
    public SubscriptionKind? SubscriptionType { get; set; }
}

/// <summary>Device values seen in ConsCent's samples. No list is documented; other values are kept as they come.</summary>
public static class DeviceTypes
{
    /// <summary>A desktop browser.</summary>
    public const string Desktop = "desktop";
}

/// <summary>A subscription's free trial: a plain boolean in some answers, <c>{enabled, duration}</c> in others.</summary>
public sealed class SubscriptionFreeTrial : ConscentModel
{
    /// <summary>Whether there is (was) a free trial.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The trial's length (unit not documented; the samples suggest days).</summary>
    public decimal? Duration { get; set; }
}

/// <summary>The buyer of a subscription as the subscriber list embeds it.</summary>
/// <remarks>Personal data: never log it.</remarks>
public sealed class SubscriberAccount : ConscentModel
{
    /// <summary>ConsCent's id for the account (set only when an answer gives the account as a bare id).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The buyer's name.</summary>
    public string? Name { get; set; }

    /// <summary>The buyer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The buyer's phone number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The buyer's delivery address.</summary>
    public SubscriberAddress? Address { get; set; }
}

/// <summary>A buyer's address as ConsCent stores it.</summary>
public sealed class SubscriberAddress : ConscentModel
{
    /// <summary>Flat or house number.</summary>
    public string? Apartment { get; set; }

    /// <summary>Area or locality.</summary>
    public string? Area { get; set; }

    /// <summary>Postal code (read from a string or a number).</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Pincode { get; set; }

    /// <summary>A landmark.</summary>
    public string? Landmark { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>State.</summary>
    public string? State { get; set; }

    /// <summary>Country code, such as <c>IN</c>.</summary>
    public string? Country { get; set; }
}

/// <summary>A price and its currency.</summary>
public sealed class SubscriptionPriceDetails : ConscentModel
{
    /// <summary>The price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The ISO 4217 currency, such as <c>INR</c>.</summary>
    public string? Currency { get; set; }
}

/// <summary>Whether a subscription plan is physical (print delivery), digital, or both.</summary>
public sealed class SubscriptionKind : ConscentModel
{
    /// <summary>Includes physical delivery (an address is needed).</summary>
    public bool? Physical { get; set; }

    /// <summary>Includes digital access.</summary>
    public bool? Digital { get; set; }
}
