using System;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Conscent.Sdk.Http;

/// <summary>Turns a non-2xx answer into the typed exception for its status, with the server's message, redacted.</summary>
internal static class ConscentErrorMapper
{
    public static ConscentException FromResponse(ConscentResponse response, ConscentEndpoint endpoint, ConscentRuntime runtime)
    {
        var redactor = runtime.Redactor;
        var status = response.StatusCode;
        var method = endpoint.Method.Method;
        var path = endpoint.PathTemplate;

        // An error status maps by its status whatever the body: a gateway's HTML 502/503/504 page is an outage
        // (ConscentServerException), not a serialization error. The message says where the page came from.
        var message = LooksLikeHtml(response)
            ? "an HTML page, not ConsCent's JSON (likely a proxy or load balancer in front of it): " + Snippet(response, redactor)
            : ServerMessage(response, redactor);
        return (int)status switch
        {
            400 => new ConscentBadRequestException(message, method, path, endpoint.Operation) { Reason = BadRequestReasonOf(endpoint, message) },
            401 or 403 => new ConscentAuthenticationException(status, message, method, path, endpoint.Operation),
            404 or 410 => new ConscentNotFoundException(status, message, method, path, endpoint.Operation),
            429 => new ConscentRateLimitedException(message, method, path, response.RetryAfter, endpoint.Operation),
            >= 500 => new ConscentServerException(status, message, method, path, endpoint.Operation) { RetryAfter = response.RetryAfter },
            _ => new ConscentApiException(status, message, method, path, endpoint.Operation),
        };
    }

    /// <summary>What a 400 means, where ConsCent's answer says it plainly (a create whose id is taken).</summary>
    private static ConscentBadRequestReason BadRequestReasonOf(ConscentEndpoint endpoint, string? message) =>
        message is not null && endpoint.Method == System.Net.Http.HttpMethod.Post
            && message.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0
            ? ConscentBadRequestReason.AlreadyExists
            : ConscentBadRequestReason.Unspecified;

    /// <summary>The <c>message</c> (or <c>error</c>) string of a JSON error body, else the start of the text; redacted.</summary>
    internal static string? ServerMessage(ConscentResponse response, SensitiveDataRedactor redactor)
    {
        if (response.BodyLength == 0) return null;
        try
        {
            var reader = new Utf8JsonReader(response.Body, new JsonReaderOptions { MaxDepth = 16 });
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                string? error = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isMessage = reader.ValueTextEquals("message"u8);
                    var isError = reader.ValueTextEquals("error"u8);
                    reader.Read();
                    if ((isMessage || isError) && reader.TokenType == JsonTokenType.String)
                    {
                        var text = reader.GetString();
                        if (isMessage && !string.IsNullOrWhiteSpace(text)) return redactor.RedactText(text!);
                        error ??= text;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
                if (!string.IsNullOrWhiteSpace(error)) return redactor.RedactText(error!);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the raw text.
        }
        return Snippet(response, redactor);
    }

    /// <summary>A short, redacted start of the body, safe for messages and logs.</summary>
    internal static string? Snippet(ConscentResponse response, SensitiveDataRedactor redactor)
    {
        if (response.BodyLength == 0) return null;
        var body = response.Body;
        var take = body.Length > 1024 ? body.Slice(0, 1024) : body;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(take.ToArray());
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(take.ToArray());
        }
        return redactor.RedactText(text);
    }

    private static bool LooksLikeHtml(ConscentResponse response)
    {
        if (response.MediaType is { } media && media.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0) return true;
        var body = response.Body;
        var i = 0;
        while (i < body.Length && (body[i] == (byte)' ' || body[i] == (byte)'\n' || body[i] == (byte)'\r' || body[i] == (byte)'\t')) i++;
        return i < body.Length && body[i] == (byte)'<';
    }
}
