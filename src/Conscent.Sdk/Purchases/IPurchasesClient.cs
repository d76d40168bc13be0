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
/// the server judge (see docs/rulings.md#purchases-mandatory-filters). Each list is read a page at a time as you enumerate it,
/// and stops at the last page (from the totals where ConsCent gives them, else at a page shorter than the page size).
/// </remarks>
public interface IPurchasesClient
{
    /// <summary>
    /// Purchases of every type (<c>GET /client/purchases</c>), read a page at a time as you enumerate. Here the buyer,
    /// your client and the content are embedded documents; see <see cref="PurchaseTransaction"/>.
    /// </summary>
    /// <remarks>
    /// This list carries <b>no buyer id, no publisher content id and no currency</b>: it embeds the buyer's email and
    /// phone, your client's name and the content's title and URL. For exports that need who bought what in which
    /// currency, use <see cref="ListRecordsAsync"/> (or the per-type lists), which carry <c>userId</c>,
    /// <c>clientContentId</c> and <c>priceDetails.currency</c>.
    /// </remarks>
    /// <param name="query">Filters, the start page and the page size (default 1 and <see cref="PurchaseQuery.DefaultPageSize"/>). Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<PurchaseTransaction> ListAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscription purchases (<c>GET /client/purchases/subscriptions</c>), read a page at a time as you enumerate.
    /// ConsCent documents only the <c>userId</c> filter for this list; an email or phone number you set is sent too.
    /// The pages carry no totals: reading ends at a short page.
    /// </summary>
    /// <param name="query">Filters, the start page and the page size. Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<SubscriptionPurchase> ListSubscriptionsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Pass purchases (<c>GET /client/purchases/passes</c>), read a page at a time as you enumerate.</summary>
    /// <param name="query">Filters, the start page and the page size. Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<PassPurchase> ListPassesAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>Pay-per-use (micropayment) purchases (<c>GET /client/purchases/micropayments</c>), read a page at a time as you enumerate.</summary>
    /// <param name="query">Filters, the start page and the page size. Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<MicropaymentPurchase> ListMicropaymentsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every purchase of every type as one typed list, read from the three per-type lists: all subscriptions, then all
    /// passes, then all micropayments (each in ConsCent's order; the lists share no order to merge by). Each item is a
    /// <see cref="SubscriptionPurchase"/>, <see cref="PassPurchase"/> or <see cref="MicropaymentPurchase"/>, so it
    /// carries the buyer's <c>userId</c>, your <c>clientContentId</c> and the currency, which <see cref="ListAsync"/>
    /// does not. The same <paramref name="query"/> (filters, start page, page size) applies to each list.
    /// </summary>
    /// <param name="query">Filters, the start page of each list and the page size. Checked here (validation errors name the
    /// operation <c>Purchases.Records</c>); nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<PurchaseRecord> ListRecordsAsync(PurchaseQuery? query = null, CancellationToken cancellationToken = default);
}
