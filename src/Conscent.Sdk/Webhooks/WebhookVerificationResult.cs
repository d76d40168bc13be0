namespace Conscent.Sdk.Webhooks;

/// <summary>Why a webhook failed verification.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>Verification passed.</summary>
    None = 0,

    /// <summary>No <c>Authorization</c> header.</summary>
    MissingAuthorization,

    /// <summary>The <c>Authorization</c> header is not <c>Basic</c>.</summary>
    WrongScheme,

    /// <summary>The Basic credentials are not your API key and secret (or not valid base64).</summary>
    WrongCredentials,

    /// <summary>A hashed identifier is not a compact JWS at all (the docs' Sign Up/Login samples carry such placeholders).</summary>
    NotAToken,

    /// <summary>A hashed identifier looks like a JWS but its parts are not valid base64url or its header is not a JSON object.</summary>
    MalformedToken,

    /// <summary>The token's <c>alg</c> is missing or not <c>HS256</c> (<c>none</c>, <c>HS512</c>, <c>RS256</c>, … are rejected).</summary>
    UnsupportedAlgorithm,

    /// <summary>The token's HMAC-SHA256 signature does not match your API secret: forged, altered, or signed with another secret.</summary>
    BadSignature,

    /// <summary>The token is genuine but signs a different value than the plain email/phone in the same body (or that value is missing).</summary>
    IdentityMismatch,

    /// <summary>The token's <c>exp</c> claim is in the past.</summary>
    TokenExpired,

    /// <summary>The token's <c>nbf</c> claim is in the future.</summary>
    TokenNotYetValid,

    /// <summary>The body could not be read as JSON, so its identifiers could not be checked.</summary>
    MalformedBody,
}

/// <summary>
/// The outcome of <see cref="ConscentWebhookVerifier"/>. <see cref="Message"/> and <see cref="ToString"/> name the
/// header or field that failed, never its value.
/// </summary>
public sealed class WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookVerificationFailure failure, string? field, string message)
    {
        Failure = failure;
        Field = field;
        Message = message;
    }

    /// <summary>A passed verification.</summary>
    public static WebhookVerificationResult Valid { get; } = new(WebhookVerificationFailure.None, null, "The webhook is verified.");

    /// <summary>True when the webhook passed every check.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;

    /// <summary>Why it failed, or <see cref="WebhookVerificationFailure.None"/>.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>The header or body field that failed (<c>Authorization</c>, <c>hashedEmail</c>, <c>hashedPhoneNumber</c>, <c>body</c>).</summary>
    public string? Field { get; }

    /// <summary>A description safe to log: no values, credentials or tokens.</summary>
    public string Message { get; }

    /// <summary>Throws <see cref="ConscentWebhookVerificationException"/> unless <see cref="IsValid"/>.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ConscentWebhookVerificationException(this);
    }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "Valid" : $"{Failure} ({Field}): {Message}";

    internal static WebhookVerificationResult Fail(WebhookVerificationFailure failure, string field, string message) => new(failure, field, message);
}
