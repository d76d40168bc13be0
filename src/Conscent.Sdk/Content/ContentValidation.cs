using System.Text.RegularExpressions;

namespace Conscent.Sdk.Content;

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
            v.Add("AuthorId", "is required when AuthorName is given.");
        if (contentType is { } type && !type.IsKnown)
            v.Add("ContentType", "must be one of STORY, VIDEO, SONG, PODCAST, PREMIUM CONTENT.");
        PriceOverrides(v, overrides);
        Download(v, download);
        Pixels(v, pixels);
    }

    public static void PriceOverrides(RequestValidator v, PriceOverrides? overrides)
    {
        if (overrides?.Country is not { } countries) return;
        for (var i = 0; i < countries.Count; i++)
        {
            var entry = countries[i];
            var field = $"PriceOverrides.Country[{i}]";
            if (entry is null)
            {
                v.Add(field, "must not be null.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.Name)) v.Add(field + ".Name", "is required.");
            else v.Country(entry.Name, field + ".Name");
            if (entry.Price is null) v.Add(field + ".Price", "is required.");
            else v.NotNegative(entry.Price, field + ".Price");
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
                    var field = $"Pixels.Facebook.Events[{i}]";
                    if (e is null) { v.Add(field, "must not be null."); continue; }
                    if (e.EventType is not (PixelEventTypes.View or PixelEventTypes.Conversion))
                        v.Add(field + ".EventType", "must be VIEW or CONVERSION.");
                    v.Required(e.Name, field + ".Name");
                }
            }
        }
        if (pixels?.Google is { } google) v.Required(google.TrackingId, "Pixels.Google.TrackingId");
    }
}
