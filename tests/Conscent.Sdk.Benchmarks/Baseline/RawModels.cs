using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Benchmarks.Baseline;

// The hand-written baseline's models: the same fields and CLR types as the SDK's content models (decimal money,
// lists, nested objects, free-form pixel data), without the SDK's extras (unknown-field bag, open enums, tolerant
// number converter). This is what a careful developer writes when calling ConsCent with HttpClient directly.

public sealed class RawContentItem
{
    public string? ContentId { get; set; }
    public string? Title { get; set; }
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string? Url { get; set; }
    public decimal? Duration { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public string? ContentType { get; set; }
    public List<string>? Categories { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? Sections { get; set; }
    public string? PriceCategory { get; set; }
    public RawPriceOverrides? PriceOverrides { get; set; }
    public RawDownload? Download { get; set; }
    public RawPixels? Pixels { get; set; }
}

public sealed class RawPriceOverrides
{
    public List<RawCountryPrice>? Country { get; set; }
}

public sealed class RawCountryPrice
{
    [JsonPropertyName("_id")]
    public string? Id { get; set; }
    public string? Name { get; set; }
    public decimal? Price { get; set; }
}

public sealed class RawDownload
{
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? FileType { get; set; }
    public string? S3Key { get; set; }
}

public sealed class RawPixels
{
    public RawFacebookPixel? Facebook { get; set; }
    public RawGooglePixel? Google { get; set; }
}

public sealed class RawFacebookPixel
{
    public string? PixelId { get; set; }
    public List<RawFacebookPixelEvent>? Events { get; set; }
}

public sealed class RawFacebookPixelEvent
{
    public string? EventType { get; set; }
    public string? Name { get; set; }
    public JsonElement? Data { get; set; }
}

public sealed class RawGooglePixel
{
    public string? TrackingId { get; set; }
}

public sealed class RawCreateContentRequest
{
    public string? ContentId { get; set; }
    public string? Title { get; set; }
    public decimal? Price { get; set; }
    public string? Currency { get; set; }
    public string? Url { get; set; }
    public decimal? Duration { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public string? ContentType { get; set; }
    public RawPriceOverrides? PriceOverrides { get; set; }
    public RawDownload? Download { get; set; }
    public string? PriceCategory { get; set; }
    public RawPixels? Pixels { get; set; }
    public List<string>? Categories { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? Sections { get; set; }
}

public sealed class RawCreateContentResponse
{
    public string? Message { get; set; }
    public RawContentItem? Content { get; set; }
}

public sealed class RawContentListResponse
{
    public List<RawContentItem>? Content { get; set; }
    public RawPagination? Pagination { get; set; }
}

public sealed class RawPagination
{
    public int PageNumber { get; set; }
    public int PageSize { get; set; }
    public int TotalRecords { get; set; }
    public int TotalPages { get; set; }
}

/// <summary>The baseline's own source-generated metadata (same naming and null handling as the SDK's contexts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawContentItem))]
[JsonSerializable(typeof(RawContentListResponse))]
[JsonSerializable(typeof(RawCreateContentRequest))]
[JsonSerializable(typeof(RawCreateContentResponse))]
internal sealed partial class RawJsonContext : JsonSerializerContext
{
}
