using Conscent.Sdk.Http;

namespace Conscent.Sdk.Bundles;

/// <summary>Content bundles: register, edit and list sellable groups of content.</summary>
public class BundlesClient : IBundlesClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal BundlesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected BundlesClient() => _pipeline = null!;
}
