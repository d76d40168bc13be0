using System;
using System.Diagnostics;
using System.Text.Json;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// A verified delivery of a webhook the SDK has no type for, mapped with <c>MapConscentRawWebhook</c>: its JSON body
/// (a JSON object), the id it was deduplicated by, and the account it was verified for.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ConscentRawWebhook
{
    /// <summary>Creates a delivery (for tests of your handlers).</summary>
    /// <param name="body">The delivery's JSON body. Kept as is; it does not depend on any <see cref="JsonDocument"/> you dispose.</param>
    /// <param name="deduplicationKey">The id <see cref="ConscentRawWebhookOptions.DeduplicationKey"/> gave; null when none.</param>
    /// <param name="accountName">The named account the delivery was verified for; null for the default account.</param>
    public ConscentRawWebhook(JsonElement body, string? deduplicationKey = null, string? accountName = null)
    {
        Body = body;
        DeduplicationKey = deduplicationKey;
        AccountName = accountName;
    }

    /// <summary>The delivery's JSON body. It stays valid after the handler returns (it owns its memory).</summary>
    public JsonElement Body { get; }

    /// <summary>The id <see cref="ConscentRawWebhookOptions.DeduplicationKey"/> gave for this delivery; null when none.</summary>
    public string? DeduplicationKey { get; }

    /// <summary>The named account (<c>ForConscentAccount</c>) the delivery was verified for; null for the default account.</summary>
    public string? AccountName { get; }

    /// <summary>Describes the delivery without its body (which may hold readers' details).</summary>
    public override string ToString() =>
        $"ConscentRawWebhook {{ Kind = {Body.ValueKind}, Account = {AccountName ?? "(default)"}, Deduplicated = {DeduplicationKey is not null} }}";
}

/// <summary>How a raw webhook endpoint (<c>MapConscentRawWebhook</c>) deduplicates deliveries.</summary>
public sealed class ConscentRawWebhookOptions
{
    /// <summary>
    /// Gives a delivery's id from its JSON body (say <c>body =&gt; body.TryGetProperty("eventId", out var id) ? id.GetString() : null</c>).
    /// A delivery whose id was already handled at this URL and account is answered 200 without calling the handler again,
    /// with the same duplicate guard (in memory, distributed cache or Redis) and <see cref="ConscentWebhookOptions"/>
    /// settings as typed webhooks. Null (the default), or a null or empty id: no deduplication. When it throws, the
    /// delivery is answered 500 and can be retried.
    /// </summary>
    public Func<JsonElement, string?>? DeduplicationKey { get; set; }
}
