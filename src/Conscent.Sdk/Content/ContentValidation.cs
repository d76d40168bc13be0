using System.Text.RegularExpressions;

namespace Conscent.Sdk;

/// <summary>The documented rules for content fields, shared by content and bundle requests.</summary>
internal static class ContentValidation
{
    private static readonly Regex ContentIdPattern = new("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);

    /// <summary>The create rule: at most 32 characters, only letters, digits, '_' and '-'.</summary>
    public static void NewContentId(RequestValidator v, string? id, string field = "ContentId")
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            v.Add(field, "is required.");
            return;
        }
        if (id!.Length > 32) v.Add(field, "must be at most 32 characters.");
        if (!ContentIdPattern.IsMatch(id)) v.Add(field, "may contain only letters, digits, '_' and '-'.");
    }

    public static void Common(RequestValidator v, decimal? price, string? currency, string? authorId, string? authorName,
        ContentType? contentType, PriceOverrides? overrides, ContentDownload? download, ContentPixels? pixels, decimal? duration)
    {
        v.NotNegative(price, "Price").Currency(currency, "Currency").NotNegative(duration, "Duration");
        if (!string.IsNullOrEmpty(authorName) && string.IsNullOrWhiteSpace(authorId))
            v.Add("AuthorId", "is required when authorName is given.");
        // An open set: ConsCent may add kinds of content before the SDK knows them, so only an empty value is refused.
        if (contentType is { } type && string.IsNullOrWhiteSpace(type.Value))
            v.Add("ContentType", "must not be empty (STORY, VIDEO, SONG, PODCAST, PREMIUM CONTENT or a newer kind).");
        PriceOverrides(v, overrides);
        Download(v, download);
        Pixels(v, pixels);
    }

    public static void PriceOverrides(RequestValidator v, PriceOverrides? overrides)
    {
        if (overrides?.Country is not { } countries) return;
        for (var i = 0; i < countries.Count; i++)
        {
            // Field names are built only when there is something to report: this runs on every create and edit.
            var entry = countries[i];
            if (entry is null)
            {
                v.Add($"PriceOverrides.Country[{i}]", "must not be null.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.Name)) v.Add($"PriceOverrides.Country[{i}].Name", "is required.");
            else if (!CountryCodes.IsValid(entry.Name)) v.Country(entry.Name, $"PriceOverrides.Country[{i}].Name");
            if (entry.Price is null) v.Add($"PriceOverrides.Country[{i}].Price", "is required.");
            else if (entry.Price < 0) v.NotNegative(entry.Price, $"PriceOverrides.Country[{i}].Price");
        }
    }

    public static void Download(RequestValidator v, ContentDownload? download)
    {
        if (download is null) return;
        v.Required(download.Url, "Download.Url").Required(download.FileName, "Download.FileName").Required(download.FileType, "Download.FileType");
        if (!string.IsNullOrEmpty(download.FileType) && download.FileType != ContentDownload.Pdf)
            v.Add("Download.FileType", "must be PDF (the only type ConsCent accepts).");
    }

    public static void Pixels(RequestValidator v, ContentPixels? pixels)
    {
        if (pixels?.Facebook is { } facebook)
        {
            v.Required(facebook.PixelId, "Pixels.Facebook.PixelId");
            if (facebook.Events is null || facebook.Events.Count == 0) v.Add("Pixels.Facebook.Events", "is required (at least one event).");
            else
            {
                for (var i = 0; i < facebook.Events.Count; i++)
                {
                    var e = facebook.Events[i];
                    if (e is null) { v.Add($"Pixels.Facebook.Events[{i}]", "must not be null."); continue; }
                    if (e.EventType is not (PixelEventTypes.View or PixelEventTypes.Conversion))
                        v.Add($"Pixels.Facebook.Events[{i}].EventType", "must be VIEW or CONVERSION.");
                    if (string.IsNullOrWhiteSpace(e.Name)) v.Add($"Pixels.Facebook.Events[{i}].Name", "is required.");
                }
            }
        }
        if (pixels?.Google is { } google) v.Required(google.TrackingId, "Pixels.Google.TrackingId");
    }
}
