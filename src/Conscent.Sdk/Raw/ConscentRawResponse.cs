using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Conscent.Sdk.Http;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// ConsCent's successful (2xx) answer to a <see cref="ConscentRawRequest"/>: status, headers and the body as bytes, with
/// <see cref="ReadJson"/> and <see cref="ReadText"/> to read it. An error status never gets here: it throws the same
/// typed <see cref="ConscentApiException"/> as the typed calls. Construct one to mock <see cref="IConscentClient.SendAsync"/>.
/// </summary>
public sealed class ConscentRawResponse
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    // The client's redaction (built once per client), only to mask its secrets in a body snippet; null for a response built by hand.
    private readonly SensitiveDataRedactor? _redactor;
    private readonly string? _operation;

    /// <summary>Creates a response (for tests and mocks).</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body's bytes.</param>
    /// <param name="headers">Headers by name, with their values; names are matched case-insensitively, and a repeated name adds its values.</param>
    public ConscentRawResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body = default, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>? headers = null)
    {
        StatusCode = statusCode;
        Body = body;
        Headers = headers is null ? NoHeaders : Copy(headers);
    }

    internal ConscentRawResponse(HttpStatusCode statusCode, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers, SensitiveDataRedactor redactor, string operation)
        : this(statusCode, body, headers)
    {
        _redactor = redactor;
        _operation = operation;
    }

    /// <summary>The HTTP status ConsCent answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response and content headers, by name (case-insensitive), each with its values in order. Read-only.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body, exactly as received (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The media type of the body (<c>application/json</c>), without parameters, when a <c>Content-Type</c> was given.</summary>
    public string? ContentType
    {
        get
        {
            var value = GetHeader("Content-Type");
            if (value is null) return null;
            var end = value.IndexOf(';');
            var media = (end < 0 ? value : value.Substring(0, end)).Trim();
            return media.Length == 0 ? null : media;
        }
    }

    /// <summary>The first value of the header <paramref name="name"/> (case-insensitive), or null when it was not sent.</summary>
    public string? GetHeader(string name)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        return Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
    }

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>The body's root element (independent of this response).</returns>
    /// <exception cref="ConscentSerializationException">The body is empty or not JSON; the message carries a short, redacted start of it.</exception>
    public JsonElement ReadJson()
    {
        var body = WithoutByteOrderMark(Body);
        if (IsWhiteSpace(body.Span))
            throw new ConscentSerializationException($"The answer ({(int)StatusCode}) to {_operation ?? "the raw request"} has an empty body where JSON was expected.", StatusCode, null, null, _operation);
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ConscentJson.MaxDepth });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            // The reader's own message can quote the offending text: keep its position only.
            var where = $"invalid JSON at line {ex.LineNumber}, byte {ex.BytePositionInLine}";
            throw new ConscentSerializationException(
                $"The answer ({(int)StatusCode}) to {_operation ?? "the raw request"} is not JSON ({where}).",
                StatusCode, Snippet(), new JsonException(where), _operation);
        }
    }

    /// <summary>The body as text, decoded as UTF-8 (invalid bytes become U+FFFD; a byte-order mark is dropped).</summary>
    public string ReadText()
    {
        var body = WithoutByteOrderMark(Body);
        return body.IsEmpty ? string.Empty : Encoding.UTF8.GetString(body.ToArray());
    }

    /// <summary>The status, media type and body length; never header values or the body.</summary>
    public override string ToString() =>
        $"ConscentRawResponse {{ StatusCode = {(int)StatusCode}, ContentType = {ContentType ?? "(none)"}, Body = {Body.Length} bytes }}";

    private string? Snippet()
    {
        if (Body.IsEmpty) return null;
        var take = Body.Length > 1024 ? Body.Slice(0, 1024) : Body;
        var text = Encoding.UTF8.GetString(take.ToArray());
        return _redactor is null ? SensitiveDataRedactor.Redact(text) : _redactor.RedactText(text);
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Length >= 3 && body.Span[0] == 0xEF && body.Span[1] == 0xBB && body.Span[2] == 0xBF ? body.Slice(3) : body;

    private static bool IsWhiteSpace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    private static ReadOnlyDictionary<string, IReadOnlyList<string>> Copy(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> headers)
    {
        var copy = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Key is null) throw new ArgumentException("A header name is null.", nameof(headers));
            if (!copy.TryGetValue(header.Key, out var values)) copy[header.Key] = values = new List<string>();
            if (header.Value is not null) values.AddRange(header.Value);
        }
        var result = new Dictionary<string, IReadOnlyList<string>>(copy.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in copy) result[pair.Key] = pair.Value.AsReadOnly();
        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(result);
    }
}
