namespace Conscent.Sdk.Stats;

/// <summary>Sales statistics: one content's purchases, daily totals, current subscribers.</summary>
public interface IStatsClient
{
}
