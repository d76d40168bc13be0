namespace Conscent.Sdk.Consumption;

/// <summary>Consumption validation: confirm on the server that a reader really paid before unlocking content.</summary>
public interface IConsumptionClient
{
}
