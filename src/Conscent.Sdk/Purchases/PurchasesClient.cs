using System;
using System.Collections.Generic;
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

    /// <summary>
    /// The merged list's name in validation errors, after the per-type lists' (<c>Purchases.Subscriptions</c>, …): it has no
    /// endpoint of its own, and a failed page names the per-type list that failed.
    /// </summary>
    internal const string RecordsOperation = "Purchases.Records";

    private readonly ConscentHttpPipeline _pipeline;

    internal PurchasesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected PurchasesClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual ConscentPageable<PurchaseTransaction> ListAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Pageable(List, query, ConscentJsonContext.Default.PurchaseTransactionList,
            static (answer, number, size) => ApiPageable<PurchaseTransaction>.ToPage(answer.Transactions, number, size, answer.Pagination?.TotalRecords, answer.Pagination?.TotalPages, answer.AdditionalProperties),
            cancellationToken);

    /// <inheritdoc />
    public virtual ConscentPageable<SubscriptionPurchase> ListSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Pageable(Subscriptions, query, ConscentJsonContext.Default.SubscriptionPurchaseList,
            static (answer, number, size) => ApiPageable<SubscriptionPurchase>.ToPage(answer.Purchases, number, size, null, null, answer.AdditionalProperties),
            cancellationToken);

    /// <inheritdoc />
    public virtual ConscentPageable<PassPurchase> ListPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Pageable(Passes, query, ConscentJsonContext.Default.PassPurchaseList,
            static (answer, number, size) => ApiPageable<PassPurchase>.ToPage(answer.Purchases, number, size, null, null, answer.AdditionalProperties),
            cancellationToken);

    /// <inheritdoc />
    public virtual ConscentPageable<MicropaymentPurchase> ListMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default) =>
        Pageable(Micropayments, query, ConscentJsonContext.Default.MicropaymentPurchaseList,
            static (answer, number, size) => ApiPageable<MicropaymentPurchase>.ToPage(answer.Purchases, number, size, null, null, answer.AdditionalProperties),
            cancellationToken);

    /// <inheritdoc />
    public virtual ConscentPageable<PurchaseRecord> ListRecordsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default)
    {
        // Checked here, so a bad query names the method called rather than the first list it reads.
        Validate(RecordsOperation, query);
        return new ConcatenatedPageable<PurchaseRecord>(
            AsRecordPages(ListSubscriptionsAsync(query, cancellationToken)),
            AsRecordPages(ListPassesAsync(query, cancellationToken)),
            AsRecordPages(ListMicropaymentsAsync(query, cancellationToken)));
    }

    private static void Validate(string operation, PurchaseQuery? query)
    {
        var v = new RequestValidator(operation);
        query?.Validate(v);
        v.ThrowIfInvalid();
    }

    // A page of one purchase type seen as a page of records; the item list is shared, not copied.
    private static Func<CancellationToken, IAsyncEnumerable<ConscentPage<PurchaseRecord>>> AsRecordPages<TItem>(ConscentPageable<TItem> list)
        where TItem : PurchaseRecord =>
        cancellationToken => Pages(list, cancellationToken);

    private static async IAsyncEnumerable<ConscentPage<PurchaseRecord>> Pages<TItem>(ConscentPageable<TItem> list, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TItem : PurchaseRecord
    {
        await foreach (var page in list.AsPages(cancellationToken).ConfigureAwait(false))
        {
            yield return new ConscentPage<PurchaseRecord>(page.Items, page.PageNumber, page.PageSize, page.TotalRecords, page.TotalPages)
            {
                AdditionalProperties = page.AdditionalProperties,
            };
        }
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

    private ConscentPageable<TItem> Pageable<TPage, TItem>(
        ConscentEndpoint endpoint,
        PurchaseQuery? query,
        JsonTypeInfo<TPage> answerType,
        Func<TPage, int, int, ConscentPage<TItem>> toPage,
        CancellationToken cancellationToken)
        where TItem : class
    {
        // Checked now, not at the first page, so a bad query fails where it is written.
        Validate(endpoint.Operation, query);
        var template = query ?? new PurchaseQuery();
        return new ApiPageable<TItem>(
            query?.PageNumber ?? 1,
            query?.PageSize ?? PurchaseQuery.DefaultPageSize,
            async (number, size, ct) =>
            {
                var call = WithQuery(new ConscentRequest(endpoint), template.ForPage(number, size));
                var answer = await _pipeline.SendAsync(call, answerType, ct).ConfigureAwait(false);
                return toPage(answer, number, size);
            },
            cancellationToken);
    }
}
