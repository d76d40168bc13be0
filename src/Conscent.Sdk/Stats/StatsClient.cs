using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Sales statistics: one content's purchases, daily totals, current subscribers (see <see cref="IStatsClient"/>).</summary>
public class StatsClient : IStatsClient
{
    internal static readonly ConscentEndpoint ContentStatsEndpoint = new("Stats.ContentStats", HttpMethod.Get, "/api/v1/client/stats/content/{contentId}", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint DailyStatsEndpoint = new("Stats.DailyStats", HttpMethod.Get, "/api/v1/client/stats/daily", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint CurrentSubscribersEndpoint = new("Stats.CurrentSubscribers", HttpMethod.Get, "/api/v1/subscription/client/list", EndpointAuth.Basic, safeToRetry: true);
    internal const string DailySeriesOperation = "Stats.DailySeries";

    private readonly ConscentHttpPipeline _pipeline;

    internal StatsClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected StatsClient() => _pipeline = null!;

    /// <inheritdoc />
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    public virtual Task<ContentStats> GetContentStatsAsync(string contentId, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        new RequestValidator(ContentStatsEndpoint.Operation).PathId(contentId, "contentId").DateRange(from, to, "from", "to").ThrowIfInvalid();
        var call = new ConscentRequest(ContentStatsEndpoint).WithPath("contentId", contentId).WithQuery("from", from).WithQuery("to", to);
        return SendWithFallbackAsync(call, ConscentJsonContext.Default.ContentStats, cancellationToken);
    }

    /// <inheritdoc />
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    public virtual Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        new RequestValidator(DailyStatsEndpoint.Operation).DateRange(from, to, "from", "to").ThrowIfInvalid();
        var call = new ConscentRequest(DailyStatsEndpoint).WithQuery("from", from).WithQuery("to", to);
        return SendWithFallbackAsync(call, ConscentJsonContext.Default.DailyStats, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Each day goes through <see cref="GetDailyStatsAsync"/> (so an override of it, such as a cache or a test double,
    /// serves the series too). Validation errors name the operation <c>Stats.DailySeries</c>; a failed call names
    /// <c>Stats.DailyStats</c>.
    /// </remarks>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    public virtual Task<IReadOnlyList<DailyStatsPoint>> GetDailySeriesAsync(DateTimeOffset from, DateTimeOffset to, DailySeriesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DailySeriesOptions();
        var validator = new RequestValidator(DailySeriesOperation).DateRange(from, to, "from", "to");
        var calendar = DailySeriesCalendar.Create(options, validator);
        var days = calendar is not null && from <= to ? calendar.Days(from, to, validator) : null;
        validator.ThrowIfInvalid();
        return GetDaysAsync(days!, Math.Min(options.MaxConcurrency, days!.Count), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CurrentSubscribersResponse> ListCurrentSubscribersAsync(CancellationToken cancellationToken = default)
    {
        var call = new ConscentRequest(CurrentSubscribersEndpoint);
        return SendWithFallbackAsync(call, ConscentJsonContext.Default.CurrentSubscribersResponse, cancellationToken);
    }

    /// <summary>The day calls, at most <paramref name="concurrency"/> at once; results by day; the first failure cancels the rest.</summary>
    private async Task<IReadOnlyList<DailyStatsPoint>> GetDaysAsync(IReadOnlyList<DailySeriesDay> days, int concurrency, CancellationToken cancellationToken)
    {
        var points = new DailyStatsPoint[days.Count];
        var next = -1;
        var done = 0;
        Exception? firstFailure = null;
        using var stopOthers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task WorkAsync()
        {
            // Each worker takes the next day not yet taken, so at most `concurrency` calls are ever in flight.
            for (var i = Interlocked.Increment(ref next); i < days.Count; i = Interlocked.Increment(ref next))
            {
                if (stopOthers.IsCancellationRequested) return;
                var day = days[i];
                try
                {
                    var stats = await GetDailyStatsAsync(day.Start, day.LastMillisecond, stopOthers.Token).ConfigureAwait(false);
                    points[i] = new DailyStatsPoint(day.Date, day.Start, day.End, stats);
                    Interlocked.Increment(ref done);
                }
                catch (Exception ex)
                {
                    // Only the first failure counts: the others are, or may be, the cancellation it causes.
                    if (Interlocked.CompareExchange(ref firstFailure, ex, null) is null) stopOthers.Cancel();
                    return;
                }
            }
        }

        var workers = new Task[concurrency];
        for (var w = 0; w < workers.Length; w++) workers[w] = WorkAsync();
        await Task.WhenAll(workers).ConfigureAwait(false);

        // The first failure as it was thrown (a typed ConscentException, or the caller's cancellation).
        if (firstFailure is not null) ExceptionDispatchInfo.Capture(firstFailure).Throw();
        // Days are left out only when the caller cancelled between two calls.
        if (done != points.Length) cancellationToken.ThrowIfCancellationRequested();
        return points;
    }

    /// <summary>
    /// GET as in every sample; on 405, once more with POST (as in the "HTTP Request" lines), remembered per runtime once
    /// the server has answered the POST with anything but 405.
    /// </summary>
    private async Task<T> SendWithFallbackAsync<T>(ConscentRequest call, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var operation = call.Endpoint.Operation;
        var overrides = _pipeline.Runtime.MethodOverrides;
        if (overrides.TryGetValue(operation, out var method))
            return await _pipeline.SendAsync(call.WithMethod(method), responseType, cancellationToken).ConfigureAwait(false);

        try
        {
            return await _pipeline.SendAsync(call, responseType, cancellationToken).ConfigureAwait(false);
        }
        catch (ConscentApiException ex) when (ex.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            // Fall through: the server refuses GET here.
        }

        try
        {
            var result = await _pipeline.SendAsync(call.WithMethod(HttpMethod.Post), responseType, cancellationToken).ConfigureAwait(false);
            Remember(operation);
            return result;
        }
        catch (ConscentApiException ex) when (ex.StatusCode != HttpStatusCode.MethodNotAllowed)
        {
            // The server took POST (it answered something other than 405): keep using it.
            Remember(operation);
            throw;
        }
    }

    private void Remember(string operation)
    {
        if (_pipeline.Runtime.MethodOverrides.TryAdd(operation, HttpMethod.Post))
            ConscentLog.LogStatsFallback(_pipeline.Logger, operation);
    }
}
