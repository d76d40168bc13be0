using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk.Stats;

/// <summary>Sales statistics: one content's purchases, daily totals, current subscribers (see <see cref="IStatsClient"/>).</summary>
public class StatsClient : IStatsClient
{
    internal static readonly ConscentEndpoint ContentStatsEndpoint = new("Stats.ContentStats", HttpMethod.Get, "/api/v1/client/stats/content/{contentId}", EndpointAuth.Basic);
    internal static readonly ConscentEndpoint DailyStatsEndpoint = new("Stats.DailyStats", HttpMethod.Get, "/api/v1/client/stats/daily", EndpointAuth.Basic);
    internal static readonly ConscentEndpoint CurrentSubscribersEndpoint = new("Stats.CurrentSubscribers", HttpMethod.Get, "/api/v1/subscription/client/list", EndpointAuth.Basic);

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
        return SendWithFallbackAsync(call, StatsJsonContext.Default.ContentStats, cancellationToken);
    }

    /// <inheritdoc />
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "from/to is the SDK's name for every date range (ConsCent's query names); VB callers write [to] or pass it by position.")]
    public virtual Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        new RequestValidator(DailyStatsEndpoint.Operation).DateRange(from, to, "from", "to").ThrowIfInvalid();
        var call = new ConscentRequest(DailyStatsEndpoint).WithQuery("from", from).WithQuery("to", to);
        return SendWithFallbackAsync(call, StatsJsonContext.Default.DailyStats, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CurrentSubscribersResponse> ListCurrentSubscribersAsync(CancellationToken cancellationToken = default)
    {
        var call = new ConscentRequest(CurrentSubscribersEndpoint);
        return SendWithFallbackAsync(call, StatsJsonContext.Default.CurrentSubscribersResponse, cancellationToken);
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
