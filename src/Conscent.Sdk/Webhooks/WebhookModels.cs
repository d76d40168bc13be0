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
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Postcode { get; set; }
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
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>Offers on the tier (undocumented shape; kept as raw JSON).</summary>
    public IList<JsonElement>? Offers { get; set; }
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

internal static class DeliveryIds
{
    internal static string? Of(string? purchaseId, string? id, string? renewalId = null)
    {
        var key = !string.IsNullOrEmpty(purchaseId) ? purchaseId : !string.IsNullOrEmpty(id) ? id : null;
        if (key is null) return null;
        return string.IsNullOrEmpty(renewalId) ? key : key + "/" + renewalId;
    }
}

