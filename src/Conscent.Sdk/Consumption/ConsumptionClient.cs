using Conscent.Sdk.Http;

namespace Conscent.Sdk.Consumption;

/// <summary>Consumption validation: confirm on the server that a reader really paid before unlocking content.</summary>
public class ConsumptionClient : IConsumptionClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal ConsumptionClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected ConsumptionClient() => _pipeline = null!;
}
