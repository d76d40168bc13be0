using System.Collections.Generic;

namespace Conscent.Sdk;

/// <summary>
/// Registers a content item with ConsCent (<c>POST /api/v1/content</c>). <see cref="ContentId"/>, <see cref="Title"/>
/// and <see cref="Url"/> are required.
/// </summary>
public sealed class CreateContentRequest : ConscentModel
{
    /// <summary>Your CMS's id for the content: at most 32 characters, only letters, digits, <c>_</c> and <c>-</c>. Required.</summary>
    public string? ContentId { get; set; }

    /// <summary>The title. Required.</summary>
    public string? Title { get; set; }

    /// <summary>The pay-per-use price (not negative). Leave null to price by <see cref="PriceCategory"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>ISO 4217 currency of the price, such as <c>INR</c> (ConsCent's default) or <c>USD</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Where the content lives on your site. Required.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access. Sent as given: ConsCent's docs do not state the unit (default 1 day).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id; required when <see cref="AuthorName"/> is set.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The kind of content; ConsCent uses your account's default when omitted.</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>A downloadable file (url, file name and type <c>PDF</c>, all required).</summary>
    public ContentDownload? Download { get; set; }

    /// <summary>A price category registered on the dashboard, used only when <see cref="Price"/> is null.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Analytics pixels.</summary>
    public ContentPixels? Pixels { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Tags (in ConsCent's samples, not its parameter table).</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Sections (in ConsCent's samples, not its parameter table).</summary>
    public IList<string>? Sections { get; set; }
}

/// <summary>
/// Changes a registered content item (<c>PATCH /api/v1/content/{contentId}</c>). Only the fields you set are sent.
/// The id travels in the path and cannot be changed.
/// </summary>
public sealed class EditContentRequest : ConscentModel
{
    /// <summary>The new title.</summary>
    public string? Title { get; set; }

    /// <summary>The new price (not negative).</summary>
    public decimal? Price { get; set; }

    /// <summary>The new ISO 4217 currency.</summary>
    public string? Currency { get; set; }

    /// <summary>The new URL.</summary>
    public string? Url { get; set; }

    /// <summary>The new access duration (unit not stated by ConsCent).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id; required when <see cref="AuthorName"/> is set.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>The kind of content.</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Replacement per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>Replacement downloadable file.</summary>
    public ContentDownload? Download { get; set; }

    /// <summary>The price category, used only without a price.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Replacement pixels.</summary>
    public ContentPixels? Pixels { get; set; }

    /// <summary>Replacement categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Tags (in ConsCent's samples, not its parameter table); sent only when set, replacing the current ones.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Sections (in ConsCent's samples, not its parameter table); sent only when set, replacing the current ones.</summary>
    public IList<string>? Sections { get; set; }
}

/// <summary>The answer to <see cref="IContentClient.CreateAsync"/>.</summary>
public sealed class CreateContentResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>New Content Created!</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The registered content.</summary>
    public ContentItem? Content { get; set; }
}

/// <summary>The answer to <see cref="IContentClient.EditAsync"/>.</summary>
public sealed class EditContentResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Content Edited Successfully</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The content after the edit.</summary>
    public ContentItem? EditedContent { get; set; }
}

/// <summary>One page of <see cref="IContentClient.ListAsync"/>.</summary>
internal sealed class ContentListResponse : ConscentModel
{
    /// <summary>The content items on this page.</summary>
    public IList<ContentItem>? Content { get; set; }

    /// <summary>Paging details.</summary>
    public Pagination? Pagination { get; set; }
}
