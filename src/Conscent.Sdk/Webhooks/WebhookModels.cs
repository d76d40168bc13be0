using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Webhooks;

/// <summary>Where a purchase or login happened, as ConsCent geolocated it.</summary>
public sealed class WebhookLocation : ConscentModel
{
    /// <summary>Latitude.</summary>
    public decimal? Latitude { get; set; }

    /// <summary>Longitude.</summary>
    public decimal? Longitude { get; set; }

    /// <summary>The postcode. ConsCent sends it as a number in Sign Up/Login and as a string elsewhere; both read as text.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Postcode { get; set; }
}

/// <summary>
/// A reader's postal address (<c>address</c> in Sign Up/Login/Review, <c>userAddress</c> in purchase webhooks).
/// Every field is optional: the Subscription Bundle Payment webhook sends only state, city, area and pincode.
/// </summary>
public sealed class WebhookAddress : ConscentModel
{
    /// <summary>Apartment or street line.</summary>
    public string? Apartment { get; set; }

    /// <summary>Area or locality.</summary>
    public string? Area { get; set; }

    /// <summary>The PIN or postal code (a number on the wire is read as text).</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Pincode { get; set; }

    /// <summary>A landmark.</summary>
    public string? Landmark { get; set; }

    /// <summary>City.</summary>
    public string? City { get; set; }

    /// <summary>State.</summary>
    public string? State { get; set; }

    /// <summary>Country (free text in practice; usually an ISO 3166-1 alpha-2 code).</summary>
    public string? Country { get; set; }
}

/// <summary>A price and its currency (<c>priceDetails</c>, <c>renewalDetails</c>, <c>bundlePriceDetails</c>).</summary>
public sealed class WebhookPrice : ConscentModel
{
    /// <summary>The amount.</summary>
    public decimal? Price { get; set; }

    /// <summary>The ISO 4217 currency code, such as <c>INR</c>.</summary>
    public string? Currency { get; set; }
}

/// <summary>GST amounts split by the physical and digital parts of a purchase.</summary>
public sealed class GstComponents : ConscentModel
{
    /// <summary>GST on the physical part.</summary>
    public decimal? Physical { get; set; }

    /// <summary>GST on the digital part.</summary>
    public decimal? Digital { get; set; }
}

/// <summary>Whether a subscription is physical, digital, or both.</summary>
public sealed class WebhookSubscriptionType : ConscentModel
{
    /// <summary>Includes a physical product (print edition).</summary>
    public bool? Physical { get; set; }

    /// <summary>Includes digital access.</summary>
    public bool? Digital { get; set; }

    /// <summary>Ad-free access (seen in other ConsCent answers).</summary>
    public bool? AdFree { get; set; }
}

/// <summary>
/// What a micropayment bought (<c>contentType</c> in the Micro Payment webhook). Here it is an object, unlike the
/// content API where <c>contentType</c> is a string such as <c>STORY</c>.
/// </summary>
public sealed class WebhookContentAccess : ConscentModel
{
    /// <summary>Digital access.</summary>
    public bool? Digital { get; set; }

    /// <summary>Ad-free access.</summary>
    public bool? AdFree { get; set; }
}

/// <summary>A subscription's free trial, as an object (<c>{"enabled": true, "duration": 14}</c>) in a subscription plan (a boolean elsewhere).</summary>
public sealed class WebhookFreeTrial : ConscentModel
{
    /// <summary>Whether the plan offers a free trial.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The trial length as ConsCent sends it (the docs do not state the unit).</summary>
    public decimal? Duration { get; set; }
}

/// <summary>A subscription tier (<c>chosenTier</c>, or an entry of a plan's <c>tiers</c>).</summary>
public sealed class WebhookSubscriptionTier : ConscentModel
{
    /// <summary>ConsCent's id for the tier.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The publisher's own id for the tier, when set.</summary>
    public string? ClientTierId { get; set; }

    /// <summary>The tier price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The base price.</summary>
    public decimal? BasePrice { get; set; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>The tier duration as ConsCent sends it (the docs do not state the unit).</summary>
    public decimal? Duration { get; set; }

    /// <summary>Per-country prices.</summary>
    public WebhookPriceOverrides? PriceOverrides { get; set; }

    /// <summary>Offers on the tier (undocumented shape; kept as raw JSON).</summary>
    public IList<JsonElement>? Offers { get; set; }
}

/// <summary>Per-country prices of a tier: <c>{"country": [{"name": "IN", "price": 5}]}</c>.</summary>
public sealed class WebhookPriceOverrides : ConscentModel
{
    /// <summary>One entry per country.</summary>
    public IList<WebhookCountryPrice>? Country { get; set; }
}

/// <summary>The price in one country.</summary>
public sealed class WebhookCountryPrice : ConscentModel
{
    /// <summary>ConsCent's id for the entry.</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code.</summary>
    public string? Name { get; set; }

    /// <summary>The price in that country.</summary>
    public decimal? Price { get; set; }
}

/// <summary>UTM campaign parameters captured with a purchase. Other <c>utm_*</c> keys land in <see cref="ConscentModel.AdditionalProperties"/>.</summary>
public sealed class WebhookUtmParameters : ConscentModel
{
    /// <summary><c>utm_source</c>.</summary>
    [JsonPropertyName("utm_source")]
    public string? Source { get; set; }

    /// <summary><c>utm_medium</c>.</summary>
    [JsonPropertyName("utm_medium")]
    public string? Medium { get; set; }

    /// <summary><c>utm_name</c>.</summary>
    [JsonPropertyName("utm_name")]
    public string? Name { get; set; }

    /// <summary><c>utm_campaign</c>.</summary>
    [JsonPropertyName("utm_campaign")]
    public string? Campaign { get; set; }
}

/// <summary>Known values of a purchase's <c>type</c> (an open set: other values are kept as sent).</summary>
public static class WebhookPurchaseTypes
{
    /// <summary>A subscription purchase.</summary>
    public const string Subscription = "SUBSCRIPTION";

    /// <summary>A pass (time-limited access).</summary>
    public const string Pass = "PASS";

    /// <summary>A single content item (micropayment).</summary>
    public const string Content = "CONTENT";
}

/// <summary>Known entries of a purchase's <c>paymentType</c> array (an open set).</summary>
public static class WebhookPaymentTypes
{
    /// <summary>A first payment.</summary>
    public const string New = "NEW";

    /// <summary>A repeat payment.</summary>
    public const string Repeat = "REPEAT";

    /// <summary>Paid through the network (wallet).</summary>
    public const string Network = "NETWORK";
}

/// <summary>Known values of a subscription's <c>status</c> and <c>autoRenew</c> (an open set).</summary>
public static class WebhookSubscriptionStatuses
{
    /// <summary>Active.</summary>
    public const string Active = "ACTIVE";

    /// <summary>Cancelled.</summary>
    public const string Cancelled = "CANCELLED";
}

internal static class DeliveryIds
{
    internal static string? Of(string? purchaseId, string? id, string? renewalId = null)
    {
        var key = !string.IsNullOrEmpty(purchaseId) ? purchaseId : !string.IsNullOrEmpty(id) ? id : null;
        if (key is null) return null;
        return string.IsNullOrEmpty(renewalId) ? key : key + "/" + renewalId;
    }
}

/// <summary>Reads a JSON string or number as text (a number keeps its exact digits).</summary>
internal sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
