using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Purchase exports: all purchases, subscriptions, passes and micropayments bought through ConsCent. Every list takes
/// the same <see cref="PurchaseQuery"/> (user id, email or phone, a date window, page number and size up to 2000).
/// The email and phone number travel as query values and never appear in SDK errors or logs.
/// </summary>
/// <remarks>
/// ConsCent calls the user filters "mandatory", but they are alternatives; the SDK sends whichever you set and lets
/// the server judge (see docs/rulings.md#purchases-mandatory-filters). Each <c>ListAll…</c> method walks every page, fetching the next only when you reach it,
/// and stops at the last page (from the totals where ConsCent gives them, else at a page shorter than the page size).
/// </remarks>
public interface IPurchasesClient
{
    /// <summary>
    /// Reads one page of purchases of every type (<c>GET /client/purchases</c>). Here the buyer, your client and the
    /// content are embedded documents; see <see cref="PurchaseTransaction"/>.
    /// </summary>
    Task<PurchaseTransactionList> ListAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks every page of <see cref="ListAsync"/>. The page size defaults to 500 (ConsCent's own default).
    /// </summary>
    /// <remarks>
    /// This list (<c>GET /client/purchases</c>) carries <b>no buyer id, no publisher content id and no currency</b>: it
    /// embeds the buyer's email and phone, your client's name and the content's title and URL. For exports that need
    /// who bought what in which currency, use <see cref="ListAllRecordsAsync"/> (or the per-type lists), which carry
    /// <c>userId</c>, <c>clientContentId</c> and <c>priceDetails.currency</c>.
    /// </remarks>
    IAsyncEnumerable<PurchaseTransaction> ListAllAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one page of subscription purchases (<c>GET /client/purchases/subscriptions</c>). ConsCent documents only
    /// the <c>userId</c> filter for this list; an email or phone number you set is sent too.
    /// </summary>
    Task<SubscriptionPurchaseList> ListSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page of <see cref="ListSubscriptionsAsync"/>. The page size defaults to 500.</summary>
    IAsyncEnumerable<SubscriptionPurchase> ListAllSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of pass purchases (<c>GET /client/purchases/passes</c>).</summary>
    Task<PassPurchaseList> ListPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page of <see cref="ListPassesAsync"/>. The page size defaults to 500.</summary>
    IAsyncEnumerable<PassPurchase> ListAllPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of pay-per-use (micropayment) purchases (<c>GET /client/purchases/micropayments</c>).</summary>
    Task<MicropaymentPurchaseList> ListMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Walks every page of <see cref="ListMicropaymentsAsync"/>. The page size defaults to 500.</summary>
    IAsyncEnumerable<MicropaymentPurchase> ListAllMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every purchase of every type as one typed stream, built from the three per-type lists: all subscriptions, then
    /// all passes, then all micropayments (each in ConsCent's order; the lists share no order to merge by). Each item is a
    /// <see cref="SubscriptionPurchase"/>, <see cref="PassPurchase"/> or <see cref="MicropaymentPurchase"/>, so it
    /// carries the buyer's <c>userId</c>, your <c>clientContentId</c> and the currency, which <see cref="ListAllAsync"/>
    /// does not. The same <paramref name="query"/> (filters, page size) applies to each list; its page number is the
    /// first page of each.
    /// </summary>
    IAsyncEnumerable<PurchaseRecord> ListAllRecordsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);
}
