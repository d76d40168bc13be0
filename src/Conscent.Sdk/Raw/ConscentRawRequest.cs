using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>
/// A request to a ConsCent endpoint the SDK does not type yet, sent with <see cref="IConscentClient.SendAsync"/> through
/// the same pipeline as the typed calls: credentials, retries where safe, timeouts, circuit breaker, typed exceptions,
/// telemetry and redaction. See docs/raw-requests.md.
/// </summary>
/// <remarks>
/// <para><see cref="Path"/> is relative to the base address and may hold <c>{name}</c> placeholders filled from
/// <see cref="PathParameters"/> (each value percent-encoded as one path segment). The path, never its values, names the
/// call in logs, traces and exceptions: put ids, emails and phone numbers in path parameters or the query, not in the
/// path itself.</para>
/// <para>Everything is checked when the request is sent; a request that breaks a rule throws a
/// <see cref="ConscentValidationException"/> listing every problem, and nothing is sent.</para>
/// </remarks>
public sealed class ConscentRawRequest
{
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly Dictionary<string, string> _pathParameters = new(StringComparer.Ordinal);

    /// <summary>Creates an empty request: set <see cref="Method"/> and <see cref="Path"/>.</summary>
    public ConscentRawRequest()
    {
    }

    /// <summary>Creates a request for <paramref name="method"/> on <paramref name="path"/> (such as <c>/api/v2/user/{userId}/points</c>).</summary>
    public ConscentRawRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method. Required; CONNECT and TRACE are refused.</summary>
    public HttpMethod? Method { get; set; }

    /// <summary>
    /// The path, relative to the base address: it starts with <c>/</c>, and is appended to the base address as is. It may
    /// hold <c>{name}</c> placeholders for <see cref="PathParameters"/>. Not an absolute URL, no query (<c>?</c>, use
    /// <see cref="QueryParameters"/>) or fragment, no <c>.</c>/<c>..</c> or empty segment; other characters than
    /// letters, digits and <c>-._~!$&amp;'()*+,;=:@</c> must be percent-encoded (or passed as path parameters).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The values of the path's <c>{name}</c> placeholders, each sent percent-encoded as one path segment. Every placeholder needs one, and every value a placeholder.</summary>
    public IDictionary<string, string> PathParameters => _pathParameters;

    /// <summary>The query, in order; a name may repeat (<c>tag=a&amp;tag=b</c>). Names and values are percent-encoded when sent.</summary>
    public IList<KeyValuePair<string, string>> QueryParameters => _query;

    /// <summary>
    /// The body: UTF-8 JSON, sent with <c>Content-Type: application/json</c>, or null for none. Must be one valid JSON
    /// value; not allowed on GET or HEAD. <see cref="WithJsonBody(JsonElement)"/> sets it from a <see cref="JsonElement"/>.
    /// </summary>
    public ReadOnlyMemory<byte>? JsonBody { get; set; }

    /// <summary>Which credentials to send, and so which host to send to. <see cref="ConscentRawAuth.Basic"/> unless set.</summary>
    public ConscentRawAuth Auth { get; set; } = ConscentRawAuth.Basic;

    /// <summary>
    /// Whether sending this request twice has the effect of sending it once, so any transient failure (a 5xx, 408, 429,
    /// a timeout, a connection cut mid-answer) may be retried. Null (the default) means true for GET and HEAD and false
    /// otherwise: a POST, PUT, PATCH or DELETE is retried only when you set this to true, or when the connection was
    /// never made (nothing was sent). Never set it for a write the server may not repeat safely.
    /// </summary>
    public bool? SafeToRetry { get; set; }

    /// <summary>
    /// The name that stands for this call in logs, traces, metrics and exceptions, such as <c>Loyalty.GetPoints</c>:
    /// 1 to 64 letters, digits, spaces, <c>.</c>, <c>_</c> or <c>-</c>. Null means <c>Raw {METHOD}</c> (<c>Raw GET</c>).
    /// Name the endpoint, never a reader.
    /// </summary>
    public string? OperationName { get; set; }

    /// <summary>Whether this request may be retried after any transient failure: <see cref="SafeToRetry"/>, else true only for GET and HEAD.</summary>
    public bool IsSafeToRetry => SafeToRetry ?? (Method == HttpMethod.Get || Method == HttpMethod.Head);

    /// <summary>Sets the value of the path's <c>{name}</c> placeholder.</summary>
    /// <returns>This request.</returns>
    public ConscentRawRequest WithPathParameter(string name, string value)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        _pathParameters[name] = value;
        return this;
    }

    /// <summary>Adds a query parameter; a null value adds nothing (handy for optional filters).</summary>
    /// <returns>This request.</returns>
    public ConscentRawRequest WithQuery(string name, string? value)
    {
        if (value is not null) _query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Adds the query parameter once per value (<c>tag=a&amp;tag=b</c>).</summary>
    /// <returns>This request.</returns>
    public ConscentRawRequest WithQuery(string name, IEnumerable<string> values)
    {
        if (values is null) throw new ArgumentNullException(nameof(values));
        foreach (var value in values) _query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Sets the JSON body from <paramref name="body"/> (an undefined element is refused when the request is sent).</summary>
    /// <returns>This request.</returns>
    public ConscentRawRequest WithJsonBody(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Undefined)
        {
            // Kept as an empty body, which validation names, rather than an exception far from the send.
            JsonBody = ReadOnlyMemory<byte>.Empty;
            return this;
        }
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            body.WriteTo(writer);
        }
        JsonBody = stream.ToArray();
        return this;
    }

    /// <summary>Sets the JSON body from JSON text (sent as UTF-8).</summary>
    /// <returns>This request.</returns>
    public ConscentRawRequest WithJsonBody(string json)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        JsonBody = Encoding.UTF8.GetBytes(json);
        return this;
    }

    /// <summary>The method and the path as it names the call (no path values, query or body).</summary>
    public override string ToString() =>
        $"{Method?.Method ?? "(no method)"} {(Path is null ? "(no path)" : SensitiveDataRedactor.Redact(Path))}";
}
