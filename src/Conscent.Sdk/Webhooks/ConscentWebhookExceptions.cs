using System;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// The base of the webhook exceptions: a delivery that could not be read (<see cref="ConscentWebhookPayloadException"/>)
/// or did not come from ConsCent (<see cref="ConscentWebhookVerificationException"/>). Messages name fields only, never
/// their values, credentials or tokens.
/// </summary>
public class ConscentWebhookException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentWebhookException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ConscentWebhookException(string message, Exception? innerException) : base(message, innerException) { }
}

/// <summary>Why a webhook body could not be read.</summary>
public enum WebhookPayloadError
{
    /// <summary>The body was empty or only whitespace.</summary>
    EmptyBody = 1,

    /// <summary>The body was not valid UTF-8.</summary>
    InvalidUtf8 = 2,

    /// <summary>The body was not valid JSON, or not a JSON object.</summary>
    InvalidJson = 3,

    /// <summary>The body was JSON but a field had a type the payload cannot hold (for example an object where a price belongs).</summary>
    UnexpectedShape = 4,

    /// <summary>
    /// The body is a different webhook from the one expected: its <c>type</c> names another purchase kind, or it lacks the
    /// fields that tell the expected webhook apart. Usually a URL mapped to the wrong webhook on the ConsCent dashboard.
    /// </summary>
    WrongWebhookType = 5,
}

/// <summary>A webhook body that could not be read as the expected payload. Answer such a delivery with 400.</summary>
public sealed class ConscentWebhookPayloadException : ConscentWebhookException
{
    /// <summary>Creates the exception.</summary>
    public ConscentWebhookPayloadException(WebhookPayloadError error, string message, string? path = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        Path = path;
    }

    /// <summary>What was wrong.</summary>
    public WebhookPayloadError Error { get; }

    /// <summary>The JSON path of the offending field (such as <c>$.priceDetails.price</c>), when known. Never a value.</summary>
    public string? Path { get; }
}

/// <summary>A webhook that failed verification: do not trust its content. Answer such a delivery with 401.</summary>
public sealed class ConscentWebhookVerificationException : ConscentWebhookException
{
    /// <summary>Creates the exception from a failed result.</summary>
    public ConscentWebhookVerificationException(WebhookVerificationResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message)
    {
        Failure = result.Failure;
        Field = result.Field;
    }

    /// <summary>Why verification failed.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>The header or body field that failed (<c>Authorization</c>, <c>hashedEmail</c>, …).</summary>
    public string? Field { get; }
}
