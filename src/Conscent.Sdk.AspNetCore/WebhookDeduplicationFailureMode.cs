namespace Conscent.Sdk.AspNetCore;

/// <summary>What a webhook endpoint does when its duplicate guard cannot be reached (<see cref="ConscentWebhookOptions.DeduplicationFailureMode"/>).</summary>
public enum WebhookDeduplicationFailureMode
{
    /// <summary>Answer 503 with <c>Retry-After</c> and do not call the handler: nothing runs without a claim (the default).</summary>
    FailClosed = 0,

    /// <summary>Call the handler without a claim: the delivery is not delayed, but a copy may be handled twice.</summary>
    FailOpen = 1,
}
