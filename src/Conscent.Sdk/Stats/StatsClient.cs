using Conscent.Sdk.Http;

namespace Conscent.Sdk.Stats;

/// <summary>Sales statistics: one content's purchases, daily totals, current subscribers.</summary>
public class StatsClient : IStatsClient
{
    private readonly ConscentHttpPipeline _pipeline;

    internal StatsClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected StatsClient() => _pipeline = null!;
}
