using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Sales statistics: one content's purchases, daily totals, current subscribers.
/// </summary>
/// <remarks>
/// ConsCent's docs give these endpoints as POST in their "HTTP Request" lines but GET in every code sample. The SDK
/// sends GET; if the server answers 405 Method Not Allowed it repeats that call once with POST (same path and query)
/// and uses POST for that endpoint from then on, for every client sharing the same options (logged once, event
/// <c>ConscentStatsPostFallback</c>).
/// </remarks>
public interface IStatsClient
{
    /// <summary>
    /// Purchases and earnings of one content item (<c>GET /api/v1/client/stats/content/{contentId}</c>). Without
    /// <paramref name="from"/> and <paramref name="to"/> the stats cover all time. Dates are sent in UTC with
    /// milliseconds (<c>2021-02-12T05:45:41.389Z</c>); <paramref name="from"/> must not be after <paramref name="to"/>.
    /// The id is percent-encoded into the path.
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    Task<ContentStats> GetContentStatsAsync(string contentId, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Consumptions and revenue across all your content, one total for the whole range
    /// (<c>GET /api/v1/client/stats/daily</c>; for one total per day see <see cref="GetDailySeriesAsync"/>). Without
    /// <paramref name="from"/> and <paramref name="to"/> ConsCent reports the previous day. Dates are sent in UTC with
    /// milliseconds, as given (<paramref name="to"/> is sent as is; the SDK treats it as inclusive). Revenue is in INR by
    /// default (the answer carries no currency). <paramref name="from"/> must not be after <paramref name="to"/>.
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// One <see cref="DailyStats"/> per calendar day, in date order, for a chart: the days (in
    /// <see cref="DailySeriesOptions.TimeZone"/> or <see cref="DailySeriesOptions.UtcOffset"/>, UTC by default) from the
    /// one that contains <paramref name="from"/> to the one that contains <paramref name="to"/>, both included. Each day
    /// is one <see cref="GetDailyStatsAsync"/> call for <c>[day start, next day start)</c>, sent as
    /// <c>from</c> = the day's start and <c>to</c> = the next day's start minus one millisecond (the smallest step of
    /// the dates sent), so that an inclusive <c>to</c> never counts a consumption in two days.
    /// </summary>
    /// <remarks>
    /// At most <see cref="DailySeriesOptions.MaxConcurrency"/> calls (4 by default) are in flight at once. The first
    /// call that fails cancels the others and its exception (a <see cref="ConscentException"/>, as for a single call) is
    /// thrown; cancelling <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>. Every
    /// argument is checked before anything is sent: <paramref name="from"/> not after <paramref name="to"/>, at most
    /// 366 days, the options valid; all problems come in one <see cref="ConscentValidationException"/>.
    /// </remarks>
    /// <param name="from">An instant in the first day of the series.</param>
    /// <param name="to">An instant in the last day of the series (for "the last 7 days including today": now, and <paramref name="from"/> = now minus 6 days).</param>
    /// <param name="options">The time zone and concurrency; UTC and 4 calls at once when null.</param>
    /// <param name="cancellationToken">Cancels every call of the series.</param>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    Task<IReadOnlyList<DailyStatsPoint>> GetDailySeriesAsync(DateTimeOffset from, DateTimeOffset to, DailySeriesOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every currently active subscription bought through ConsCent, with the buyer's contact details and address
    /// (<c>GET /api/v1/subscription/client/list</c>). The endpoint documents no paging or filters: all records come in one answer.
    /// </summary>
    Task<CurrentSubscribersResponse> ListCurrentSubscribersAsync(CancellationToken cancellationToken = default);
}
