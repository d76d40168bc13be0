namespace Conscent.Sdk.Loyalty;

/// <summary>Loyalty: report reader events to Conscent.ai rewards.</summary>
public interface ILoyaltyClient
{
}
