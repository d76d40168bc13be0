using System;
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
    /// <paramref name="fromDate"/> and <paramref name="toDate"/> the stats cover all time. Dates are sent in UTC with
    /// milliseconds (<c>2021-02-12T05:45:41.389Z</c>); <paramref name="fromDate"/> must not be after <paramref name="toDate"/>.
    /// The id is percent-encoded into the path.
    /// </summary>
    Task<ContentStats> GetContentStatsAsync(string contentId, DateTimeOffset? fromDate = null, DateTimeOffset? toDate = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Consumptions and revenue across all your content (<c>GET /api/v1/client/stats/daily</c>). Without
    /// <paramref name="fromDate"/> and <paramref name="toDate"/> ConsCent reports the previous day. Revenue is in INR by default
    /// (the answer carries no currency). <paramref name="fromDate"/> must not be after <paramref name="toDate"/>.
    /// </summary>
    Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? fromDate = null, DateTimeOffset? toDate = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every currently active subscription bought through ConsCent, with the buyer's contact details and address
    /// (<c>GET /api/v1/subscription/client/list</c>). The endpoint documents no paging or filters: all records come in one answer.
    /// </summary>
    Task<CurrentSubscribersResponse> ListCurrentSubscribersAsync(CancellationToken cancellationToken = default);
}
