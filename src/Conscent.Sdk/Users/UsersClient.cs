using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Reader details (see <see cref="IUsersClient"/>).</summary>
public class UsersClient : IUsersClient
{
    internal static readonly ConscentEndpoint SubscriptionDetails = new("Users.SubscriptionDetails", HttpMethod.Get, "/user/user-and-subscription-details", EndpointAuth.None, safeToRetry: true);
    internal static readonly ConscentEndpoint PurchaseDetails = new("Users.PurchaseDetails", HttpMethod.Get, "/user/user-and-purchase-details", EndpointAuth.None, safeToRetry: true);

    private readonly ConscentHttpPipeline _pipeline;

    internal UsersClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected UsersClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual Task<UserAndSubscriptionDetails> GetUserAndSubscriptionDetailsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var clientId = _pipeline.Options.ClientId;
        new RequestValidator(SubscriptionDetails.Operation)
            .Required(clientId, "ClientId")
            .Required(userId, "userId")
            .ThrowIfInvalid();
        var call = new ConscentRequest(SubscriptionDetails).WithQuery("clientId", clientId).WithQuery("userId", userId);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.UserAndSubscriptionDetails, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<UserAndPurchaseDetails> GetUserAndPurchaseDetailsAsync(PurchaseQuery query, CancellationToken cancellationToken = default)
    {
        var clientId = _pipeline.Options.ClientId;
        var v = new RequestValidator(PurchaseDetails.Operation).Required(clientId, "ClientId");
        if (query is null)
        {
            v.Add("query", "is required (set userId, email or phoneNumber).");
        }
        else
        {
            if (!query.HasUserFilter) v.Add("userId", "or email or phoneNumber is required.");
            query.Validate(v);
        }
        v.ThrowIfInvalid();
        var call = PurchasesClient.WithQuery(new ConscentRequest(PurchaseDetails).WithQuery("clientId", clientId), query);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.UserAndPurchaseDetails, cancellationToken);
    }
}
