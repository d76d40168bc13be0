using System;
using System.Diagnostics;

namespace Conscent.Sdk.AspNetCore;

/// <summary>How the webhook endpoints mapped with <c>MapConscentWebhook</c> behave. Set with <c>AddConscentWebhooks(o => …)</c>.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ConscentWebhookOptions
{
    /// <summary>The largest body accepted, in bytes; larger deliveries get 413. Default 256 KiB (ConsCent's payloads are a few KiB).</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Whether <c>hashedEmail</c> / <c>hashedPhoneNumber</c> (Sign Up, Login, Review Subscription) must be genuine tokens
    /// for the plain email/phone in the same body. Default true: a forged or mismatched identifier gets 401.
    /// </summary>
    public bool VerifyHashedIdentifiers { get; set; } = true;

    /// <summary>
    /// Whether a hashed identifier that is not a token at all (like the placeholders in the docs' Sign Up/Login samples)
    /// is let through instead of answered with 401. Tokens are still checked. Default false.
    /// </summary>
    public bool AllowPlaceholderHashes { get; set; }

    /// <summary>
    /// Whether a delivery whose id (<see cref="Webhooks.IConscentWebhookPayload.DeliveryId"/>) was already handled is answered
    /// 200 without calling the handler again (and a copy whose delivery is being handled meanwhile 503). Default true.
    /// </summary>
    public bool DeduplicateDeliveries { get; set; } = true;

    /// <summary>How long a handled delivery id is remembered. Default 3 days.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long a claim on a delivery holds while its handler runs. Copies that arrive meanwhile get 503 with
    /// <c>Retry-After</c>; when the instance dies mid-handler, the delivery is handled again once the lease ends. Make it
    /// longer than your slowest handler: a handler that outlasts it may run twice. Default 2 minutes.
    /// </summary>
    public TimeSpan DeduplicationLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// What happens when the duplicate guard cannot be reached (for example Redis is down).
    /// <see cref="WebhookDeduplicationFailureMode.FailClosed"/> (default): 503 with <c>Retry-After</c>, the handler is not
    /// called, ConsCent's redelivery is handled once the guard is back. <see cref="WebhookDeduplicationFailureMode.FailOpen"/>:
    /// the handler runs unguarded, so a copy may be handled twice.
    /// </summary>
    public WebhookDeduplicationFailureMode DeduplicationFailureMode { get; set; } = WebhookDeduplicationFailureMode.FailClosed;

    /// <summary>
    /// The <c>Retry-After</c> sent with the duplicate guard's 503 answers (a copy whose delivery is being handled
    /// elsewhere; the guard unreachable), rounded up to whole seconds; zero sends none. Default 5 seconds.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most delivery ids the default in-memory guard keeps (oldest dropped first). Default 10,000.</summary>
    public int InMemoryDeduplicationCapacity { get; set; } = 10_000;

    /// <summary>The status answered when the handler completes: 200 (default) or 204.</summary>
    public int SuccessStatusCode { get; set; } = 200;

    /// <summary>The API key webhooks are verified against. Default: <see cref="ConscentOptions.ApiKey"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret webhooks are verified against. Default: <see cref="ConscentOptions.ApiSecret"/>. Never shown.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>Describes the options without credentials.</summary>
    public override string ToString() =>
        $"ConscentWebhookOptions {{ MaxBodyBytes = {MaxBodyBytes}, VerifyHashedIdentifiers = {VerifyHashedIdentifiers}, AllowPlaceholderHashes = {AllowPlaceholderHashes}, DeduplicateDeliveries = {DeduplicateDeliveries}, DeduplicationWindow = {DeduplicationWindow}, DeduplicationLease = {DeduplicationLease}, DeduplicationFailureMode = {DeduplicationFailureMode}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(from ConscentOptions)" : "***")} }}";
}
