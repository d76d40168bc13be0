using Conscent.Sdk.Http;

namespace Conscent.Sdk.Subscriptions;

/// <summary>Subscriptions: migrate a reader's subscription into ConsCent, cancel a reader's active subscriptions.</summary>
public class SubscriptionsClient : ISubscriptionsClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal SubscriptionsClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected SubscriptionsClient() => _pipeline = null!;
}
