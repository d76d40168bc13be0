using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Reader details: a reader's account with their subscriptions or purchases. Both endpoints are documented as
/// "Auth required : NO", so the SDK sends no credentials; it sends your <see cref="ConscentOptions.ClientId"/>,
/// which must be set (else a <see cref="ConscentValidationException"/>, with nothing sent).
/// </summary>
public interface IUsersClient
{
    /// <summary>
    /// Reads one reader's profile (name, contact, address, country, wallet) and their subscriptions with your site
    /// (<c>GET /user/user-and-subscription-details?clientId=…&amp;userId=…</c>). <paramref name="userId"/> is ConsCent's user id.
    /// </summary>
    Task<UserAndSubscriptionDetails> GetUserAndSubscriptionDetailsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads one reader's profile and all their purchases with your site: subscriptions, passes and pay-per-use
    /// (<c>GET /user/user-and-purchase-details</c>). Set at least one of <see cref="PurchaseQuery.UserId"/>,
    /// <see cref="PurchaseQuery.Email"/> and <see cref="PurchaseQuery.PhoneNumber"/>; paging (page size up to 2000) and
    /// the date window are optional. The answer carries no paging details.
    /// </summary>
    Task<UserAndPurchaseDetails> GetUserAndPurchaseDetailsAsync(PurchaseQuery query, CancellationToken cancellationToken = default);
}
