using System.Collections.Generic;

namespace Conscent.Sdk;

/// <summary>A content bundle as ConsCent returns it (create, edit and list answers).</summary>
public sealed class BundleItem : ConscentModel
{
    /// <summary>Your own id for the bundle, as registered. The docs' examples contain spaces; every id ConsCent holds works.</summary>
    public string? ContentId { get; set; }

    /// <summary>The ids of the content items in the bundle (your ids, as registered with the content API).</summary>
    public IList<string>? BundleContentIds { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The bundle price, in <see cref="Currency"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>The ISO 4217 currency of <see cref="Price"/> (ConsCent's default is INR).</summary>
    public string? Currency { get; set; }

    /// <summary>Where the bundle is shown on your site.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access after purchase. ConsCent's docs do not state the unit (standard practice: 1 day).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The kind of content.</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>The price category registered on the dashboard, used when the bundle has no price.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }
}

/// <summary>
/// Registers a bundle (<c>POST /api/v1/content/bundle</c>): a sellable group of content items you already registered.
/// <see cref="ContentId"/>, <see cref="BundleContentIds"/> (at least one), <see cref="Title"/> and <see cref="Url"/> are required.
/// </summary>
public sealed class CreateBundleRequest : ConscentModel
{
    /// <summary>
    /// Your id for the bundle. Required. Unlike content ids, ConsCent documents no character rule for bundle ids, so the
    /// SDK checks only that it is present.
    /// </summary>
    public string? ContentId { get; set; }

    /// <summary>The ids of the content items in the bundle; each must already be registered (ConsCent rejects the bundle otherwise). Required, at least one.</summary>
    public IList<string>? BundleContentIds { get; set; }

    /// <summary>The title. Required.</summary>
    public string? Title { get; set; }

    /// <summary>The bundle price (not negative). Leave null to price by <see cref="PriceCategory"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>ISO 4217 currency of the price, such as <c>INR</c> (ConsCent's default) or <c>USD</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Where the bundle is shown on your site. Required.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access. Sent as given: ConsCent's docs do not state the unit (default 1 day).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The kind of content (one of the documented <see cref="ContentType"/> values).</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>A price category registered on the dashboard, used only when <see cref="Price"/> is null.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }
}

/// <summary>
/// Changes a registered bundle (<c>PATCH /api/v1/content/bundle/{contentId}</c>). Only the fields you set are sent.
/// The bundle id travels in the path and cannot be changed, so it is not part of the body.
/// </summary>
public sealed class EditBundleRequest : ConscentModel
{
    /// <summary>The new bundle membership (registered content ids; at least one when set).</summary>
    public IList<string>? BundleContentIds { get; set; }

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

    /// <summary>The kind of content.</summary>
    public ContentType? ContentType { get; set; }

    /// <summary>Replacement per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }

    /// <summary>The price category, used only without a price.</summary>
    public string? PriceCategory { get; set; }

    /// <summary>Replacement categories.</summary>
    public IList<string>? Categories { get; set; }
}

/// <summary>The answer to <see cref="IBundlesClient.CreateAsync"/>.</summary>
public sealed class CreateBundleResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>New Content Created!</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The registered bundle.</summary>
    public BundleItem? Content { get; set; }
}

/// <summary>The answer to <see cref="IBundlesClient.EditAsync"/>.</summary>
public sealed class EditBundleResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Content Edited Successfully</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The bundle after the edit.</summary>
    public BundleItem? EditedContent { get; set; }
}

/// <summary>One page of <see cref="IBundlesClient.ListAsync"/>. ConsCent names the array <c>content</c>, not <c>bundles</c>.</summary>
internal sealed class BundleListResponse : ConscentModel
{
    /// <summary>The bundles on this page.</summary>
    public IList<BundleItem>? Content { get; set; }

    /// <summary>Paging details.</summary>
    public Pagination? Pagination { get; set; }
}
