using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Stats;

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
    /// (<c>GET /api/v1/client/stats/daily</c>). Without
    /// <paramref name="from"/> and <paramref name="to"/> ConsCent reports the previous day. Dates are sent in UTC with
    /// milliseconds, as given (<paramref name="to"/> is sent as is; the SDK treats it as inclusive). Revenue is in INR by
    /// default (the answer carries no currency). <paramref name="from"/> must not be after <paramref name="to"/>.
    /// </summary>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every currently active subscription bought through ConsCent, with the buyer's contact details and address
    /// (<c>GET /api/v1/subscription/client/list</c>). The endpoint documents no paging or filters: all records come in one answer.
    /// </summary>
    Task<CurrentSubscribersResponse> ListCurrentSubscribersAsync(CancellationToken cancellationToken = default);
}
