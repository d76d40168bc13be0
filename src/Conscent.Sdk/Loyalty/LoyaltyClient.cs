using Conscent.Sdk.Http;

namespace Conscent.Sdk.Loyalty;

/// <summary>Loyalty: report reader events to Conscent.ai rewards.</summary>
public class LoyaltyClient : ILoyaltyClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal LoyaltyClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected LoyaltyClient() => _pipeline = null!;
}
