namespace Conscent.Sdk.AspNetCore;

/// <summary>Marks that AddConscentWebhooks ran.</summary>
internal sealed class ConscentWebhookServicesMarker
{
}
