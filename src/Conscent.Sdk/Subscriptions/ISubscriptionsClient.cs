namespace Conscent.Sdk.Subscriptions;

/// <summary>Subscriptions: migrate a reader's subscription into ConsCent, cancel a reader's active subscriptions.</summary>
public interface ISubscriptionsClient
{
}
