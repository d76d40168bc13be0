using Conscent.Sdk.Http;

namespace Conscent.Sdk.AutoLogin;

/// <summary>Auto-login: temporary tokens that sign a reader into the ConsCent paywall.</summary>
public class AutoLoginClient : IAutoLoginClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal AutoLoginClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected AutoLoginClient() => _pipeline = null!;
}
