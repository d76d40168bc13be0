using Conscent.Sdk.Http;

namespace Conscent.Sdk.Purchases;

/// <summary>Purchase exports: all purchases, subscriptions, passes and micropayments bought through ConsCent.</summary>
public class PurchasesClient : IPurchasesClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal PurchasesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected PurchasesClient() => _pipeline = null!;
}
