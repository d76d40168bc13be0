using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Purchase exports (see <see cref="IPurchasesClient"/>).</summary>
public class PurchasesClient : IPurchasesClient
{
    internal static readonly ConscentEndpoint List = new("Purchases.List", HttpMethod.Get, "/client/purchases", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint Subscriptions = new("Purchases.Subscriptions", HttpMethod.Get, "/client/purchases/subscriptions", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint Passes = new("Purchases.Passes", HttpMethod.Get, "/client/purchases/passes", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint Micropayments = new("Purchases.Micropayments", HttpMethod.Get, "/client/purchases/micropayments", EndpointAuth.Basic, safeToRetry: true);

    private readonly ConscentHttpPipeline _pipeline;

    internal PurchasesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected PurchasesClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual Task<PurchaseTransactionList> ListAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Send(List, query, ConscentJsonContext.Default.PurchaseTransactionList, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<PurchaseTransaction> ListAllAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        All(List, query, (q, ct) => ListAsync(q, ct), static page => page.Transactions, static page => page.Pagination?.TotalPages, cancellationToken);

    /// <inheritdoc />
    public virtual Task<SubscriptionPurchaseList> ListSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Send(Subscriptions, query, ConscentJsonContext.Default.SubscriptionPurchaseList, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<SubscriptionPurchase> ListAllSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        All(Subscriptions, query, (q, ct) => ListSubscriptionsAsync(q, ct), static page => page.Purchases, static _ => null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<PassPurchaseList> ListPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Send(Passes, query, ConscentJsonContext.Default.PassPurchaseList, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<PassPurchase> ListAllPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        All(Passes, query, (q, ct) => ListPassesAsync(q, ct), static page => page.Purchases, static _ => null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<MicropaymentPurchaseList> ListMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Send(Micropayments, query, ConscentJsonContext.Default.MicropaymentPurchaseList, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<MicropaymentPurchase> ListAllMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        All(Micropayments, query, (q, ct) => ListMicropaymentsAsync(q, ct), static page => page.Purchases, static _ => null, cancellationToken);

    /// <inheritdoc />
    public virtual async IAsyncEnumerable<PurchaseRecord> ListAllRecordsAsync(PurchaseQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in ListAllSubscriptionsAsync(query, cancellationToken).ConfigureAwait(false)) yield return item;
        await foreach (var item in ListAllPassesAsync(query, cancellationToken).ConfigureAwait(false)) yield return item;
        await foreach (var item in ListAllMicropaymentsAsync(query, cancellationToken).ConfigureAwait(false)) yield return item;
    }

    private Task<T> Send<T>(ConscentEndpoint endpoint, PurchaseQuery? query, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var v = new RequestValidator(endpoint.Operation);
        query?.Validate(v);
        v.ThrowIfInvalid();
        var call = WithQuery(new ConscentRequest(endpoint), query);
        return _pipeline.SendAsync(call, responseType, cancellationToken);
    }

    /// <summary>Adds the purchase filters in the documented names and forms (dates as <c>2021-02-12T05:45:41.389Z</c>).</summary>
    internal static ConscentRequest WithQuery(ConscentRequest call, PurchaseQuery? query) =>
        query is null
            ? call
            : call.WithQuery("userId", NullIfBlank(query.UserId))
                .WithQuery("email", NullIfBlank(query.Email))
                .WithQuery("phoneNumber", NullIfBlank(query.PhoneNumber))
                .WithQuery("from", query.From)
                .WithQuery("to", query.To)
                .WithQuery("pageNumber", query.PageNumber)
                .WithQuery("pageSize", query.PageSize);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IAsyncEnumerable<TItem> All<TPage, TItem>(
        ConscentEndpoint endpoint,
        PurchaseQuery? query,
        Func<PurchaseQuery, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IList<TItem>?> items,
        Func<TPage, int?> totalPages,
        CancellationToken cancellationToken)
        where TItem : class
    {
        // Validate now, not at the first MoveNextAsync, so a bad query fails where it is written.
        var v = new RequestValidator(endpoint.Operation);
        query?.Validate(v);
        v.ThrowIfInvalid();
        var pageSize = query?.PageSize ?? PurchaseQuery.DefaultPageSize;
        var template = query ?? new PurchaseQuery();
        return AutoPager.EnumerateAsync(
            query?.PageNumber ?? 1, pageSize,
            (page, ct) => fetch(template.ForPage(page, pageSize), ct),
            items,
            totalPages,
            cancellationToken);
    }
}
