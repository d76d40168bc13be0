using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk.Http;

/// <summary>One call to make: an endpoint, its path values, query and body. Built by an area client, sent by the pipeline.</summary>
internal sealed class ConscentRequest
{
    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    private List<KeyValuePair<string, string>>? _pathValues;
    private List<KeyValuePair<string, string>>? _query;

    public ConscentRequest(ConscentEndpoint endpoint) => Endpoint = endpoint;

    // A raw request's path, already resolved and percent-encoded (its endpoint's template is only for display).
    private string? _resolvedPath;

    public ConscentEndpoint Endpoint { get; private set; }

    /// <summary>The UTF-8 JSON body, serialized once so every attempt sends the same bytes.</summary>
    public byte[]? Body { get; private set; }

    /// <summary>Replaces <c>{name}</c> in the path with the value, percent-encoded as one path segment.</summary>
    public ConscentRequest WithPath(string name, string value)
    {
        (_pathValues ??= new List<KeyValuePair<string, string>>(2)).Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Adds a query parameter when the value is not null.</summary>
    public ConscentRequest WithQuery(string name, string? value)
    {
        if (value is null) return this;
        (_query ??= new List<KeyValuePair<string, string>>(4)).Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    /// <summary>Adds an integer query parameter when it has a value.</summary>
    public ConscentRequest WithQuery(string name, int? value) =>
        value is null ? this : WithQuery(name, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Adds a date query parameter in the documented form (UTC, milliseconds, <c>Z</c>) when it has a value.</summary>
    public ConscentRequest WithQuery(string name, DateTimeOffset? value) =>
        value is null ? this : WithQuery(name, IsoDateTimeOffsetConverter.Format(value.Value));

    /// <summary>Sets the JSON body, serialized with the source-generated metadata.</summary>
    public ConscentRequest WithJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        Body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        return this;
    }

    /// <summary>Sets a UTF-8 JSON body already in hand (a raw request's), sent as is on every attempt.</summary>
    public ConscentRequest WithUtf8JsonBody(byte[] body)
    {
        Body = body;
        return this;
    }

    /// <summary>
    /// Sends to <paramref name="encodedPath"/> (resolved and percent-encoded by the caller) instead of the endpoint's
    /// template, which then only names the call in logs, traces and exceptions (raw requests).
    /// </summary>
    public ConscentRequest WithResolvedPath(string encodedPath)
    {
        _resolvedPath = encodedPath;
        return this;
    }

    /// <summary>Keep the answer's headers (raw requests hand them to the caller; typed calls do not read them).</summary>
    public bool CaptureHeaders { get; set; }

    /// <summary>Sends the same call with another method (stats GET→POST fallback).</summary>
    public ConscentRequest WithMethod(System.Net.Http.HttpMethod method)
    {
        Endpoint = Endpoint.WithMethod(method);
        return this;
    }

    /// <summary>
    /// <paramref name="baseAddress"/> (no trailing slash) followed by the path and query, built in one string:
    /// placeholders replaced and every value percent-encoded.
    /// </summary>
    public string BuildUri(string baseAddress)
    {
        var template = _resolvedPath ?? Endpoint.PathTemplate;
        // Most calls have no path value and no query: one concatenation, no builder.
        if (_query is not { Count: > 0 } && template.IndexOf('{') < 0) return string.Concat(baseAddress, template);

        var builder = _cachedBuilder ?? new StringBuilder(256);
        _cachedBuilder = null;
        builder.Clear().Append(baseAddress);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            builder.Append(template, i, open - i);
            builder.Append(EncodeSegment(FindPathValue(template, open + 1, close - open - 1)));
            i = close + 1;
        }
        if (_query is { Count: > 0 })
        {
            for (var q = 0; q < _query.Count; q++)
            {
                builder.Append(q == 0 ? '?' : '&');
                builder.Append(Uri.EscapeDataString(_query[q].Key)).Append('=').Append(Uri.EscapeDataString(_query[q].Value));
            }
        }
        var uri = builder.ToString();
        // Keep one small builder per thread for the next call (a rare huge one is dropped).
        if (builder.Capacity <= 1024) _cachedBuilder = builder;
        return uri;
    }

    private string FindPathValue(string template, int start, int length)
    {
        if (_pathValues is not null)
            foreach (var pair in _pathValues)
                if (pair.Key.Length == length && string.CompareOrdinal(pair.Key, 0, template, start, length) == 0) return pair.Value;
        throw new InvalidOperationException($"No value for path parameter '{template.Substring(start, length)}' of {Endpoint}.");
    }

    /// <summary>
    /// Percent-encodes a value as exactly one path segment: space is %20 (never +), and '/', '?', '#', '%' and non-ASCII
    /// are encoded, so an id can never change which endpoint is called ('.' and '..' are refused by validation).
    /// </summary>
    internal static string EncodeSegment(string value) => Uri.EscapeDataString(value);
}
