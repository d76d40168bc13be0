using System;
using System.Net;

namespace Conscent.Sdk;

/// <summary>ConsCent answered with a status code that is not a success. Subtypes name the common cases.</summary>
public class ConscentApiException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentApiException(HttpStatusCode statusCode, string? serverMessage, string method, string pathTemplate, string? operation = null)
        : base(BuildMessage(statusCode, serverMessage, method, pathTemplate))
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        Method = method;
        PathTemplate = pathTemplate;
        Operation = operation;
    }

    /// <summary>The HTTP status code ConsCent answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's own message (from a JSON <c>message</c> or <c>error</c>, else the start of the body), redacted.</summary>
    public string? ServerMessage { get; }

    /// <summary>The HTTP method that was sent.</summary>
    public string Method { get; }

    /// <summary>The documented path template, such as <c>/api/v1/content/{contentId}</c> (never the concrete path, which may carry ids).</summary>
    public string PathTemplate { get; }

    /// <summary>
    /// How long ConsCent asked the caller to wait before trying again (<c>Retry-After</c>, on a 429 or 503), when it said.
    /// The SDK never retries sooner; a wait longer than <see cref="ConscentRetryOptions.MaxDelay"/> or the time left in
    /// the call is not waited out but reported here, so you can schedule the retry.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc />
    /// <remarks>408, 429 and 5xx except 501 (Not Implemented) and 505 (HTTP Version Not Supported), which will not heal.</remarks>
    public override bool IsTransient => (int)StatusCode is 408 or 429 || ((int)StatusCode >= 500 && (int)StatusCode is not 501 and not 505);

    private static string BuildMessage(HttpStatusCode status, string? serverMessage, string method, string pathTemplate)
    {
        var text = $"ConsCent answered {(int)status} ({status}) to {method} {pathTemplate}";
        return string.IsNullOrEmpty(serverMessage) ? text + "." : text + ": " + serverMessage;
    }
}

/// <summary>400 Bad Request: ConsCent rejected the request's content (a missing field, an unknown content id, …).</summary>
public sealed class ConscentBadRequestException : ConscentApiException
{
    /// <summary>Creates the exception.</summary>
    public ConscentBadRequestException(string? serverMessage, string method, string pathTemplate, string? operation = null)
        : base(HttpStatusCode.BadRequest, serverMessage, method, pathTemplate, operation) { }

    /// <summary>
    /// What the 400 means, when ConsCent's answer says it plainly: <see cref="ConscentBadRequestReason.AlreadyExists"/>
    /// when a create names a content, bundle or story id that is already registered (ConsCent answers 400 with
    /// "contentId already exists"). Test this instead of the message text.
    /// </summary>
    public ConscentBadRequestReason Reason { get; init; }
}

/// <summary>Why ConsCent answered 400, where its answer says it plainly.</summary>
public enum ConscentBadRequestReason
{
    /// <summary>Not one of the cases below; see <see cref="ConscentApiException.ServerMessage"/>.</summary>
    Unspecified = 0,

    /// <summary>A create named an id that is already registered: register under another id, or edit the existing one.</summary>
    AlreadyExists = 1,
}

/// <summary>401 Unauthorized or 403 Forbidden: the API key or secret is wrong, or the key may not do this.</summary>
public sealed class ConscentAuthenticationException : ConscentApiException
{
    /// <summary>Creates the exception.</summary>
    public ConscentAuthenticationException(HttpStatusCode statusCode, string? serverMessage, string method, string pathTemplate, string? operation = null)
        : base(statusCode, serverMessage, method, pathTemplate, operation) { }
}

/// <summary>404 Not Found (or 410 Gone): no such content, bundle, user or consumption.</summary>
public sealed class ConscentNotFoundException : ConscentApiException
{
    /// <summary>Creates the exception.</summary>
    public ConscentNotFoundException(HttpStatusCode statusCode, string? serverMessage, string method, string pathTemplate, string? operation = null)
        : base(statusCode, serverMessage, method, pathTemplate, operation) { }
}

/// <summary>429 Too Many Requests, after the SDK's retries: slow down, and wait at least <see cref="ConscentApiException.RetryAfter"/> when given.</summary>
public sealed class ConscentRateLimitedException : ConscentApiException
{
    /// <summary>Creates the exception.</summary>
    public ConscentRateLimitedException(string? serverMessage, string method, string pathTemplate, TimeSpan? retryAfter, string? operation = null)
        : base((HttpStatusCode)429, serverMessage, method, pathTemplate, operation)
    {
        RetryAfter = retryAfter;
    }
}

/// <summary>A 5xx answer from ConsCent after the SDK's retries.</summary>
public sealed class ConscentServerException : ConscentApiException
{
    /// <summary>Creates the exception.</summary>
    public ConscentServerException(HttpStatusCode statusCode, string? serverMessage, string method, string pathTemplate, string? operation = null)
        : base(statusCode, serverMessage, method, pathTemplate, operation) { }
}
