using System;
using System.Diagnostics.CodeAnalysis;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// The deprecated "story" API from ConsCent's older docs: stories with a fixed price list (0, 0.01, 1, 2, 3, 5, 7, 10 INR),
/// read validation and daily story stats. Kept for publishers still registered on it; new integrations use
/// <see cref="IContentClient"/> (and the stats client) instead.
/// </summary>
[Obsolete("The story API is deprecated by ConsCent. Use IConscentClient.Content (and Stats) instead.")]
public interface IStoriesClient
{
    /// <summary>
    /// Registers a story (<c>POST /api/v1/story</c>, no trailing slash). <c>StoryId</c>, <c>Title</c>, <c>Price</c> and
    /// <c>Url</c> are required; the price and every override price must be one of <see cref="StoryPrices.Allowed"/>
    /// (ConsCent answers 400 otherwise); <c>Duration</c> is optional (the docs' table says required, but every sample
    /// omits it and a 1-day default is stated). Problems throw <see cref="ConscentValidationException"/> and nothing is
    /// sent. Not retried after a failure the server may have processed.
    /// </summary>
    /// <param name="request">The story to register.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CreateStoryResponse> CreateAsync(CreateStoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a registered story (<c>PATCH /api/v1/story/{storyId}</c>). Only the fields set on <paramref name="request"/>
    /// are sent; the id is percent-encoded into the path (ids with spaces work) and is not sent in the body, since it
    /// cannot be edited. Prices must be one of <see cref="StoryPrices.Allowed"/>.
    /// </summary>
    /// <param name="storyId">The story's id in your CMS.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<EditStoryResponse> EditAsync(string storyId, EditStoryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one registered story (<c>GET /api/v1/story/client/{storyId}</c>). Throws <see cref="ConscentNotFoundException"/> when there is none.</summary>
    /// <param name="storyId">The story's id in your CMS (percent-encoded into the path).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Story> GetAsync(string storyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Your registered stories (<c>GET /api/v1/story/client?pageNumber=&amp;pageSize=</c>), read a page at a time as you
    /// enumerate: <c>await foreach</c> for every story, <see cref="ConscentPageable{T}.AsPages"/> for the pages with their
    /// totals, <see cref="ConscentPageable{T}.GetPageAsync"/> for one page.
    /// </summary>
    /// <param name="options">The start page and page size (default: page 1, <see cref="ListOptions.DefaultPageSize"/> a page). Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<Story> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a story read (purchase) with ConsCent by the <c>readId</c> the paywall's success callback gave you
    /// (<c>POST /api/v1/story/read/{readId}</c>). No credentials are sent: the docs show none for this call. The docs'
    /// sample answer is a one-element JSON array, while their own example code reads a bare object, so both are
    /// accepted. Returns null when the server answers with an empty array (no such read). Compare the result's read id,
    /// client id and story id with what the paywall gave you before showing the story.
    /// </summary>
    /// <param name="readId">The read id from the paywall's success callback.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<StoryReadValidation?> ValidateReadAsync(string readId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads aggregate story stats for a date range (<c>/api/v1/client/stats/daily?from=&amp;to=</c>); without dates
    /// ConsCent reports the previous day. Dates are sent in UTC with milliseconds (<c>2021-02-12T05:45:41.389Z</c>).
    /// Every docs sample uses GET while the heading says POST: the SDK sends GET, and if the server answers
    /// 405 Method Not Allowed it repeats the call once with POST and keeps using POST on this client.
    /// </summary>
    /// <param name="from">Start of the range; null for ConsCent's default.</param>
    /// <param name="to">End of the range; null for ConsCent's default. Must not be before <paramref name="from"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    Task<StoryDailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);
}
