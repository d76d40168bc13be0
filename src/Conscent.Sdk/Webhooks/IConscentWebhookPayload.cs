namespace Conscent.Sdk.Webhooks;

/// <summary>
/// A ConsCent webhook payload. Each webhook gets its own URL on your backend, and the endpoint that receives it knows
/// which payload type to expect. The parser checks that the body really is that webhook: the three purchase records
/// (Subscription Payment, Pass Payment, Micro Payment) say what they are in <c>type</c> (<c>SUBSCRIPTION</c>, <c>PASS</c>,
/// <c>CONTENT</c>), and the others carry fields only they have. A mismatch is a
/// <see cref="ConscentWebhookPayloadException"/> with <see cref="WebhookPayloadError.WrongWebhookType"/>.
/// </summary>
public interface IConscentWebhookPayload
{
    /// <summary>
    /// The key that identifies this delivery for duplicate detection: the purchase id (<c>purchaseId</c>, else
    /// <c>_id</c>), with the renewal id appended for subscription renewals. <see langword="null"/> when the payload
    /// carries no such id (Sign Up, Login, Review Subscription): those deliveries are never treated as duplicates.
    /// </summary>
    string? DeliveryId { get; }
}

/// <summary>
/// A payload that carries the reader's email and/or phone number together with ConsCent's signed copies
/// (<c>hashedEmail</c>, <c>hashedPhoneNumber</c>): Sign Up, Login and Review Subscription.
/// <see cref="ConscentWebhookVerifier.VerifyIdentity(IConscentWebhookIdentity)"/> checks them.
/// </summary>
public interface IConscentWebhookIdentity
{
    /// <summary>The reader's email, when the reader signed in with one.</summary>
    string? Email { get; }

    /// <summary>The reader's phone number, when the reader signed in with one.</summary>
    string? PhoneNumber { get; }

    /// <summary>The email signed with your API secret: a compact JWS (HS256) whose payload is the email.</summary>
    string? HashedEmail { get; }

    /// <summary>The phone number signed with your API secret: a compact JWS (HS256) whose payload is the phone number.</summary>
    string? HashedPhoneNumber { get; }
}
