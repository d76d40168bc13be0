using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Subscriptions: migrate a reader's subscription into ConsCent, cancel a reader's active subscriptions (see <see cref="ISubscriptionsClient"/>).</summary>
public class SubscriptionsClient : ISubscriptionsClient
{
    internal static readonly ConscentEndpoint Migrate = new("Subscriptions.Migrate", HttpMethod.Post, "/api/v1/subscription/migrate", EndpointAuth.Basic, safeToRetry: false);
    internal static readonly ConscentEndpoint CancelActive = new("Subscriptions.CancelActive", HttpMethod.Post, "/client/cancel-subscriptions/{userId}", EndpointAuth.Basic, safeToRetry: false);

    private readonly ConscentHttpPipeline _pipeline;

    internal SubscriptionsClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected SubscriptionsClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual Task<MigrateSubscriptionResponse> MigrateAsync(MigrateSubscriptionRequest request, CancellationToken cancellationToken = default)
    {
        request = RequestValidator.EnsureRequest(request, Migrate.Operation);
        var v = new RequestValidator(Migrate.Operation);
        SubscriptionValidation.Migrate(v, request);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Migrate).WithJsonBody(request, ConscentJsonContext.Default.MigrateSubscriptionRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.MigrateSubscriptionResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CancelSubscriptionsResponse> CancelActiveSubscriptionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        new RequestValidator(CancelActive.Operation).PathId(userId, "userId").ThrowIfInvalid();
        var call = new ConscentRequest(CancelActive).WithPath("userId", userId);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.CancelSubscriptionsResponse, cancellationToken);
    }
}
