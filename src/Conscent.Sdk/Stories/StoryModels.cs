using System;
using System.Collections.Generic;

namespace Conscent.Sdk;

/// <summary>A story as the deprecated story API returns it (create, edit, get and list answers).</summary>
public sealed class Story : ConscentModel
{
    /// <summary>The publisher's own id for the story (the id in your CMS).</summary>
    public string? StoryId { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The price in INR, one of <see cref="StoryPrices.Allowed"/>.</summary>
    public decimal? Price { get; set; }

    /// <summary>Where the story lives on the publisher's site.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access after purchase (unit not stated by ConsCent; standard practice 1 day).</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Per-country prices.</summary>
    public PriceOverrides? PriceOverrides { get; set; }
}

/// <summary>The only prices the story API accepts (in INR), for <c>price</c> and every price override.</summary>
public static class StoryPrices
{
    private static readonly decimal[] AllowedValues = { 0m, 0.01m, 1m, 2m, 3m, 5m, 7m, 10m };

    /// <summary>0, 0.01, 1, 2, 3, 5, 7 and 10: any other price makes ConsCent answer 400.</summary>
    public static IReadOnlyList<decimal> Allowed => AllowedValues;

    /// <summary>True when <paramref name="price"/> is one of <see cref="Allowed"/> (<c>1.00</c> equals <c>1</c>).</summary>
    public static bool IsAllowed(decimal price) => Array.IndexOf(AllowedValues, price) >= 0;
}

/// <summary>
/// Registers a story (<c>POST /api/v1/story</c>). <see cref="StoryId"/>, <see cref="Title"/>, <see cref="Price"/> and
/// <see cref="Url"/> are required; prices must be one of <see cref="StoryPrices.Allowed"/>.
/// </summary>
public sealed class CreateStoryRequest : ConscentModel
{
    /// <summary>Your CMS's id for the story. Required.</summary>
    public string? StoryId { get; set; }

    /// <summary>The title. Required.</summary>
    public string? Title { get; set; }

    /// <summary>The price in INR: one of 0, 0.01, 1, 2, 3, 5, 7, 10. Required.</summary>
    public decimal? Price { get; set; }

    /// <summary>Where the story lives on your site. Required.</summary>
    public string? Url { get; set; }

    /// <summary>How long a buyer keeps access. Optional: ConsCent's samples omit it and it defaults to 1 day.</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id; required when <see cref="AuthorName"/> is set.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Per-country prices, each one of <see cref="StoryPrices.Allowed"/>.</summary>
    public PriceOverrides? PriceOverrides { get; set; }
}

/// <summary>
/// Changes a registered story (<c>PATCH /api/v1/story/{storyId}</c>). Only the fields you set are sent; the id travels
/// in the path and cannot be changed.
/// </summary>
public sealed class EditStoryRequest : ConscentModel
{
    /// <summary>The new title.</summary>
    public string? Title { get; set; }

    /// <summary>The new price: one of 0, 0.01, 1, 2, 3, 5, 7, 10.</summary>
    public decimal? Price { get; set; }

    /// <summary>The new URL.</summary>
    public string? Url { get; set; }

    /// <summary>The new access duration.</summary>
    public decimal? Duration { get; set; }

    /// <summary>The author's id; required when <see cref="AuthorName"/> is set.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Replacement per-country prices, each one of <see cref="StoryPrices.Allowed"/>.</summary>
    public PriceOverrides? PriceOverrides { get; set; }
}

/// <summary>The answer to story create.</summary>
public sealed class CreateStoryResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>New Story Created!</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The registered story.</summary>
    public Story? Story { get; set; }
}

/// <summary>The answer to story edit.</summary>
public sealed class EditStoryResponse : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Story Edited Successfully</c>.</summary>
    public string? Message { get; set; }

    /// <summary>The story after the edit.</summary>
    public Story? EditedStory { get; set; }
}

/// <summary>One page of the story list.</summary>
internal sealed class StoryListResponse : ConscentModel
{
    /// <summary>The stories on this page.</summary>
    public IList<Story>? Stories { get; set; }

    /// <summary>Paging details.</summary>
    public Pagination? Pagination { get; set; }
}

/// <summary>
/// ConsCent's confirmation of a story read (purchase), from the read validation API; the paywall's success callback
/// carries the same shape. Compare <see cref="ReadId"/>, <see cref="StoryReadPayload.ClientId"/> and
/// <see cref="StoryReadPayload.StoryId"/> with what the paywall gave you before showing the story.
/// </summary>
public sealed class StoryReadValidation : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Story Read Confirmed</c>.</summary>
    public string? Message { get; set; }

    /// <summary>Which client and story the read is for, and when it happened.</summary>
    public StoryReadPayload? Payload { get; set; }

    /// <summary>The unique id of this read (transaction).</summary>
    public string? ReadId { get; set; }

    /// <summary>ConsCent's signature (the docs give no algorithm to check it).</summary>
    public string? Signature { get; set; }
}

/// <summary>The details of a story read.</summary>
public sealed class StoryReadPayload : ConscentModel
{
    /// <summary>Your ConsCent client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The story's id in your CMS.</summary>
    public string? StoryId { get; set; }

    /// <summary>When the read (purchase) happened.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>
/// Aggregate story statistics for a date range (the story API's answer from <c>/api/v1/client/stats/daily</c>). The
/// same path answers with <see cref="TotalContentConsumed"/> in the current docs, so both counts are read.
/// </summary>
public sealed class StoryDailyStats : ConscentModel
{
    /// <summary>Stories read (bought) in the range (the story API's field).</summary>
    public long? TotalStoriesRead { get; set; }

    /// <summary>Content items consumed in the range (the current API's field for the same path).</summary>
    public long? TotalContentConsumed { get; set; }

    /// <summary>Revenue in the range, in INR (ConsCent's default; no currency is returned).</summary>
    public decimal? TotalRevenueGenerated { get; set; }
}
