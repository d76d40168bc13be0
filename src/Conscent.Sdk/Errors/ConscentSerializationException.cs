using System;
using System.Net;

namespace Conscent.Sdk;

/// <summary>
/// ConsCent's answer could not be read as the documented JSON (an HTML page from a proxy, a truncated body, a value of
/// the wrong type, a body over the size limit). <see cref="BodySnippet"/> holds a short, redacted start of the body.
/// </summary>
public sealed class ConscentSerializationException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentSerializationException(string message, HttpStatusCode? statusCode, string? bodySnippet, Exception? innerException = null, string? operation = null)
        : base(message + (string.IsNullOrEmpty(bodySnippet) ? "" : " Body starts: " + bodySnippet), innerException)
    {
        StatusCode = statusCode;
        BodySnippet = bodySnippet;
        Operation = operation;
    }

    /// <summary>The HTTP status of the unreadable answer, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The first characters of the body, with emails, phone numbers and tokens masked.</summary>
    public string? BodySnippet { get; }
}
