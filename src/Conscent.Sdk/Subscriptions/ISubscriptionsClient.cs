using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>Subscriptions: migrate a reader's subscription into ConsCent, cancel a reader's active subscriptions.</summary>
public interface ISubscriptionsClient
{
    /// <summary>
    /// Imports a subscriber from your own system into ConsCent (<c>POST /api/v1/subscription/migrate</c>): the reader gets
    /// a ConsCent login (their primary email, else their primary phone) and the subscription they bought from you.
    /// The request is checked first and a <see cref="ConscentValidationException"/> lists every problem, with nothing
    /// sent: a primary email or phone, <c>ExpiryDate</c>, <c>PurchaseDate</c>, a <c>Country</c> from
    /// <see cref="CountryCodes"/>, <c>SubscriptionDetails.SubscriptionType</c>, a 3-letter currency, and for a physical
    /// subscription the full <c>UserAddress</c> (address, city, state, postcode).
    /// </summary>
    /// <remarks>
    /// The nested subscription is sent as <c>subscriptionDetails</c> (ConsCent's parameter table and all its samples);
    /// the answer calls it <c>migratedSubscriptionDetails</c>, which is where the SDK reads it (see
    /// docs/rulings.md#subscriptions-migrate-request-object-name). Not retried after a failure the server may have processed: a migration could be recorded twice.
    /// </remarks>
    Task<MigrateSubscriptionResponse> MigrateAsync(MigrateSubscriptionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels every active subscription of one reader (<c>POST /client/cancel-subscriptions/{userId}</c>).
    /// <paramref name="userId"/> is ConsCent's user id (as in the purchase lists), not yours; it is percent-encoded into the path.
    /// </summary>
    /// <remarks>
    /// ConsCent does not say whether this fires the Subscription Cancelled webhook: do not rely on it. Not retried after
    /// a failure the server may have processed.
    /// </remarks>
    Task<CancelSubscriptionsResponse> CancelActiveSubscriptionsAsync(string userId, CancellationToken cancellationToken = default);
}
