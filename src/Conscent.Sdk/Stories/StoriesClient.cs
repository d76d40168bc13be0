using System;
using System.Diagnostics.CodeAnalysis;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>The deprecated story API (see <see cref="IStoriesClient"/>). Use <see cref="ContentClient"/> instead.</summary>
[Obsolete("The story API is deprecated by ConsCent. Use IConscentClient.Content (and Stats) instead.")]
public class StoriesClient : IStoriesClient
{
    internal static readonly ConscentEndpoint Create = new("Stories.Create", HttpMethod.Post, "/api/v1/story", EndpointAuth.Basic, safeToRetry: false);
    internal static readonly ConscentEndpoint Edit = new("Stories.Edit", new HttpMethod("PATCH"), "/api/v1/story/{storyId}", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint List = new("Stories.List", HttpMethod.Get, "/api/v1/story/client", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint Get = new("Stories.Get", HttpMethod.Get, "/api/v1/story/client/{storyId}", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint ValidateRead = new("Stories.ValidateRead", HttpMethod.Post, "/api/v1/story/read/{readId}", EndpointAuth.None, safeToRetry: false);
    internal static readonly ConscentEndpoint DailyStats = new("Stories.DailyStats", HttpMethod.Get, "/api/v1/client/stats/daily", EndpointAuth.Basic, safeToRetry: true);

    private readonly ConscentHttpPipeline _pipeline;

    private readonly TotalsListEndpoint<StoryListResponse, Story> _list;

    internal StoriesClient(ConscentHttpPipeline pipeline)
    {
        _pipeline = pipeline;
        _list = new(pipeline, List, ConscentJsonContext.Default.StoryListResponse, static answer => answer.Stories, static answer => answer.Pagination);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected StoriesClient()
    {
        _pipeline = null!;
        _list = null!;
    }

    /// <inheritdoc />
    public virtual Task<CreateStoryResponse> CreateAsync(CreateStoryRequest request, CancellationToken cancellationToken = default)
    {
        request = RequestValidator.EnsureRequest(request, Create.Operation);
        var v = new RequestValidator(Create.Operation)
            .Required(request.StoryId, "StoryId")
            .Required(request.Title, "Title")
            .NotNull(request.Price, "Price")
            .Required(request.Url, "Url");
        StoryValidation.Common(v, request.Price, request.Duration, request.AuthorId, request.AuthorName, request.PriceOverrides);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Create).WithJsonBody(request, ConscentJsonContext.Default.CreateStoryRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.CreateStoryResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<EditStoryResponse> EditAsync(string storyId, EditStoryRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator(Edit.Operation).PathId(storyId, "storyId");
        if (request is null) v.Add("request", "is required.");
        else StoryValidation.Common(v, request.Price, request.Duration, request.AuthorId, request.AuthorName, request.PriceOverrides);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Edit).WithPath("storyId", storyId).WithJsonBody(request!, ConscentJsonContext.Default.EditStoryRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.EditStoryResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<Story> GetAsync(string storyId, CancellationToken cancellationToken = default)
    {
        new RequestValidator(Get.Operation).PathId(storyId, "storyId").ThrowIfInvalid();
        var call = new ConscentRequest(Get).WithPath("storyId", storyId);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.Story, cancellationToken);
    }

    /// <inheritdoc />
    public virtual ConscentPageable<Story> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _list.List(options, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<StoryReadValidation?> ValidateReadAsync(string readId, CancellationToken cancellationToken = default)
    {
        new RequestValidator(ValidateRead.Operation).PathId(readId, "readId").ThrowIfInvalid();
        var call = new ConscentRequest(ValidateRead).WithPath("readId", readId);
        using var raw = await _pipeline.SendRawAsync(call, cancellationToken).ConfigureAwait(false);

        // The docs' answer is a one-element array; their example code reads a bare object. Accept both
        // (docs/rulings.md#consumption-array-or-object).
        if (FirstSignificantByte(raw.Body) == (byte)'[')
        {
            var list = _pipeline.Deserialize(raw, ConscentJsonContext.Default.ListStoryReadValidation, ValidateRead);
            return list.FirstOrDefault(static r => r is not null);
        }
        return _pipeline.Deserialize(raw, ConscentJsonContext.Default.StoryReadValidation, ValidateRead);
    }

    /// <inheritdoc />
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    public virtual async Task<StoryDailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        new RequestValidator(DailyStats.Operation).DateRange(from, to, "from", "to").ThrowIfInvalid();
        var overrides = _pipeline.Runtime.MethodOverrides;
        var call = BuildDailyStats(from, to);
        if (overrides.TryGetValue(DailyStats.Operation, out var learnt)) call.WithMethod(learnt);
        else
        {
            try
            {
                return await _pipeline.SendAsync(call, ConscentJsonContext.Default.StoryDailyStats, cancellationToken).ConfigureAwait(false);
            }
            catch (ConscentApiException ex) when (ex.StatusCode == HttpStatusCode.MethodNotAllowed)
            {
                // Every sample uses GET, the heading says POST (docs/rulings.md#stats-get-or-post). The server refused GET:
                // use POST from now on.
                overrides[DailyStats.Operation] = HttpMethod.Post;
                ConscentLog.LogStatsFallback(_pipeline.Logger, DailyStats.Operation);
                call = BuildDailyStats(from, to).WithMethod(HttpMethod.Post);
            }
        }
        return await _pipeline.SendAsync(call, ConscentJsonContext.Default.StoryDailyStats, cancellationToken).ConfigureAwait(false);
    }

    private static ConscentRequest BuildDailyStats(DateTimeOffset? from, DateTimeOffset? to) =>
        new ConscentRequest(DailyStats).WithQuery("from", from).WithQuery("to", to);

    private static byte FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        var i = 0;
        // Skip a UTF-8 byte-order mark and JSON whitespace.
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) i = 3;
        for (; i < body.Length; i++)
        {
            var b = body[i];
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        }
        return 0;
    }
}
