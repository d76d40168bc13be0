namespace Conscent.Sdk.Purchases;

/// <summary>Purchase exports: all purchases, subscriptions, passes and micropayments bought through ConsCent.</summary>
public interface IPurchasesClient
{
}
