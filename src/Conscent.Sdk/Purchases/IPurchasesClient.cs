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

    /// <summary>Walks every page of <see cref="ListAsync"/>. The page size defaults to 500 (ConsCent's own default).</summary>
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
}
