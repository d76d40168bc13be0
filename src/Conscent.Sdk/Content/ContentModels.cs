using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>A content item as ConsCent returns it (create, edit, get and list answers).</summary>
public sealed class ContentItem : ConscentModel
{
    /// <summary>The publisher's own id for the content (the id in your CMS), as registered.</summary>
    public string? ContentId { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The pay-per-use price, in <see cref="Currency"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>The ISO 4217 currency of <see cref="Price"/> (ConsCent's default is INR).</summary>
    public string? Currency { get; set; }

    /// <summary>Where the content lives on the publisher's site.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access after purchase. ConsCent's docs do not state the unit (standard practice: 1 day).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The kind of content.</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Tags.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Sections.</summary>
    public IList<string>? Sections { get; set; }

    /// <summary>The price category registered on the dashboard, used when the content has no price.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>The downloadable file a purchase unlocks.</summary>
    public ContentDownload? Download { get; set; }

    /// <summary>Analytics pixels fired on view and purchase.</summary>
    public ContentPixels? Pixels { get; set; }
}

/// <summary>Per-country prices: <c>{"country": [{"name": "IN", "price": 5}]}</c>.</summary>
public sealed class PriceOverrides : ConscentModel
{
    /// <summary>One entry per country.</summary>
    public IList<CountryPrice>? Country { get; set; }
}

/// <summary>The price of a content item in one country.</summary>
public sealed class CountryPrice : ConscentModel
{
    /// <summary>Creates an empty entry (for deserialization and object initializers).</summary>
    public CountryPrice() { }

    /// <summary>Creates an entry for a country code and price.</summary>
    public CountryPrice(string name, decimal price)
    {
        Name = name;
        Price = price;
    }

    /// <summary>ConsCent's id for this entry (answers only).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The ISO 3166-1 alpha-2 country code, from ConsCent's list (<see cref="CountryCodes"/>).</summary>
    public string? Name { get; set; }

    /// <summary>The price in that country.</summary>
    public decimal? Price { get; set; }
}

/// <summary>A downloadable file unlocked by purchase. All of url, file name and file type are needed.</summary>
public sealed class ContentDownload : ConscentModel
{
    /// <summary>Where the file is.</summary>
    public string? Url { get; set; }

    /// <summary>The file name shown to the reader.</summary>
    public string? FileName { get; set; }

    /// <summary>The file type; ConsCent accepts only <see cref="Pdf"/>.</summary>
    public string? FileType { get; set; }

    /// <summary>ConsCent's storage key for the file (answers only).</summary>
    public string? S3Key { get; set; }

    /// <summary>The only file type ConsCent accepts: <c>PDF</c>.</summary>
    public const string Pdf = "PDF";
}

/// <summary>Analytics pixels.</summary>
public sealed class ContentPixels : ConscentModel
{
    /// <summary>A Facebook pixel.</summary>
    public FacebookPixel? Facebook { get; set; }

    /// <summary>A Google tag.</summary>
    public GooglePixel? Google { get; set; }
}

/// <summary>A Facebook pixel and the events it fires.</summary>
public sealed class FacebookPixel : ConscentModel
{
    /// <summary>The pixel id. Required.</summary>
    public string? PixelId { get; set; }

    /// <summary>The events. Required.</summary>
    public IList<FacebookPixelEvent>? Events { get; set; }
}

/// <summary>One Facebook pixel event.</summary>
public sealed class FacebookPixelEvent : ConscentModel
{
    /// <summary>When it fires: <c>VIEW</c> or <c>CONVERSION</c> (see <see cref="PixelEventTypes"/>).</summary>
    public string? EventType { get; set; }

    /// <summary>The event name configured in Facebook Events Manager.</summary>
    public string? Name { get; set; }

    /// <summary>Free-form event data.</summary>
    public JsonElement? Data { get; set; }
}

/// <summary>The documented Facebook pixel event types.</summary>
public static class PixelEventTypes
{
    /// <summary>Fires when the content is viewed.</summary>
    public const string View = "VIEW";

    /// <summary>Fires when the content is bought.</summary>
    public const string Conversion = "CONVERSION";
}

/// <summary>A Google tag.</summary>
public sealed class GooglePixel : ConscentModel
{
    /// <summary>The tracking id, such as <c>G-RJDY8493</c>. Required.</summary>
    public string? TrackingId { get; set; }
}
