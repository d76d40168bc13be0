using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// Turns a <see cref="ConscentRawRequest"/> into the pipeline's <see cref="ConscentRequest"/> (after checking every
/// rule, so nothing is sent for a bad one) and the pipeline's answer into a <see cref="ConscentRawResponse"/>.
/// </summary>
internal static class RawRequestSender
{
    private const int MaxOperationNameLength = 64;

    public static async Task<ConscentRawResponse> SendAsync(ConscentHttpPipeline pipeline, ConscentRawRequest request, CancellationToken cancellationToken)
    {
        var call = Build(request);
        using var answer = await pipeline.SendRawAsync(call, cancellationToken).ConfigureAwait(false);
        return new ConscentRawResponse(answer.StatusCode, answer.Body.ToArray(), answer.Headers, pipeline.Runtime.Redactor, call.Endpoint.Operation);
    }

    /// <summary>Checks the request and builds the call: a one-off endpoint named by the method and path template.</summary>
    internal static ConscentRequest Build(ConscentRawRequest? request)
    {
        request = RequestValidator.EnsureRequest(request, "Raw");
        var method = request.Method;
        var operation = request.OperationName ?? (method is null ? "Raw" : "Raw " + method.Method);
        var v = new RequestValidator(IsValidOperationName(operation) ? operation : "Raw");

        if (method is null)
            v.Add("method", "is required.");
        else if (string.Equals(method.Method, "CONNECT", StringComparison.OrdinalIgnoreCase) || string.Equals(method.Method, "TRACE", StringComparison.OrdinalIgnoreCase))
            v.Add("method", "must not be CONNECT or TRACE.");

        if (request.OperationName is not null && !IsValidOperationName(request.OperationName))
            v.Add("operationName", $"must be 1 to {MaxOperationNameLength} letters, digits, spaces, '.', '_' or '-' (it names the endpoint in logs and traces).");

        var (host, auth) = request.Auth switch
        {
            ConscentRawAuth.Basic => (EndpointHost.Api, EndpointAuth.Basic),
            ConscentRawAuth.None => (EndpointHost.Api, EndpointAuth.None),
            ConscentRawAuth.LoyaltyKey => (EndpointHost.Loyalty, EndpointAuth.LoyaltyApiKey),
            _ => (EndpointHost.Api, EndpointAuth.None),
        };
        if (request.Auth is not (ConscentRawAuth.Basic or ConscentRawAuth.None or ConscentRawAuth.LoyaltyKey))
            v.Add("auth", "must be Basic, None or LoyaltyKey.");

        var path = ResolvePath(request, v);
        CheckQuery(request, v);
        var body = CheckBody(request, method, v);
        v.ThrowIfInvalid();

        // The template, never the values, names the call; a literal the caller wrote into it is masked all the same.
        var endpoint = new ConscentEndpoint(operation, method!, SensitiveDataRedactor.Redact(request.Path!), auth, request.IsSafeToRetry, host)
        {
            RetryWhenRefused = false,
        };
        var call = new ConscentRequest(endpoint).WithResolvedPath(path!);
        call.CaptureHeaders = true;
        foreach (var pair in request.QueryParameters) call.WithQuery(pair.Key, pair.Value);
        if (body is not null) call.WithUtf8JsonBody(body);
        return call;
    }

    private static bool IsValidOperationName(string name)
    {
        if (name.Length is 0 or > MaxOperationNameLength || string.IsNullOrWhiteSpace(name)) return false;
        foreach (var c in name)
            if (!(IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-')) return false;
        return true;
    }

    /// <summary>The path with every placeholder replaced by its percent-encoded value; null when it breaks a rule.</summary>
    private static string? ResolvePath(ConscentRawRequest request, RequestValidator v)
    {
        var template = request.Path;
        if (string.IsNullOrWhiteSpace(template))
        {
            v.Add("path", "is required.");
            return null;
        }
        if (template![0] != '/' || template.StartsWith("//", StringComparison.Ordinal))
        {
            // "https://host/x", "//host/x" or "x": only a path under the configured base address may be sent.
            v.Add("path", "must start with a single '/': a path relative to the base address, never an absolute URL or '//host'.");
            return null;
        }
        if (template.IndexOf('?') >= 0 || template.IndexOf('#') >= 0)
        {
            v.Add("path", "must not contain '?' or '#': put the query in queryParameters.");
            return null;
        }

        var builder = new StringBuilder(template.Length + 32);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                var close = template.IndexOf('}', i + 1);
                var name = close < 0 ? null : template.Substring(i + 1, close - i - 1);
                if (name is null || !IsValidPlaceholder(name))
                {
                    v.Add("path", "has a '{' that does not open a '{name}' placeholder (letters, digits, '_', '-' or '.').");
                    return null;
                }
                used.Add(name);
                if (!request.PathParameters.TryGetValue(name, out var value))
                {
                    v.Add("pathParameters." + name, "is required: the path has a placeholder for it.");
                    ok = false;
                }
                else if (CheckPathValue(value, name, v))
                {
                    builder.Append(ConscentRequest.EncodeSegment(value));
                }
                else
                {
                    ok = false;
                }
                i = close;
            }
            else if (c == '}')
            {
                v.Add("path", "has a '}' outside a '{name}' placeholder.");
                return null;
            }
            else if (c == '%')
            {
                if (i + 2 >= template.Length || !IsHex(template[i + 1]) || !IsHex(template[i + 2]))
                {
                    v.Add("path", "has a '%' that does not start a percent-encoded byte (%XX).");
                    return null;
                }
                builder.Append(template, i, 3);
                i += 2;
            }
            else if (IsPathCharacter(c))
            {
                builder.Append(c);
            }
            else
            {
                v.Add("path", "has a character that must be percent-encoded (or passed as a path parameter): only letters, digits, '/' and -._~!$&'()*+,;=:@ are sent as they are.");
                return null;
            }
        }

        foreach (var name in request.PathParameters.Keys)
            if (!used.Contains(name))
            {
                v.Add("pathParameters." + name, "has no '{" + name + "}' placeholder in the path.");
                ok = false;
            }
        if (!ok) return null;

        var path = builder.ToString();
        var segments = path.Split('/');
        // segments[0] is the empty string before the leading '/'; a trailing '/' (an empty last segment) is allowed.
        for (var s = 1; s < segments.Length; s++)
        {
            var segment = segments[s];
            if (segment.Length == 0 && s < segments.Length - 1)
            {
                v.Add("path", "must not contain an empty segment ('//').");
                return null;
            }
            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "." or "..")
            {
                // The URI would be normalised to another endpoint, or out of the base address's path.
                v.Add("path", "must not contain a '.' or '..' segment (encoded or not).");
                return null;
            }
        }
        return path;
    }

    /// <summary>A path value: present, not '.' or '..' (which URI normalisation would follow), no control characters.</summary>
    private static bool CheckPathValue(string? value, string name, RequestValidator v)
    {
        var field = "pathParameters." + name;
        if (string.IsNullOrWhiteSpace(value))
        {
            v.Add(field, "is required.");
            return false;
        }
        if (value is "." or "..")
        {
            v.Add(field, "must not be '.' or '..'.");
            return false;
        }
        foreach (var c in value!)
        {
            if (char.IsControl(c))
            {
                v.Add(field, "must not contain control characters.");
                return false;
            }
        }
        return true;
    }

    private static void CheckQuery(ConscentRawRequest request, RequestValidator v)
    {
        var query = request.QueryParameters;
        for (var i = 0; i < query.Count; i++)
        {
            if (string.IsNullOrEmpty(query[i].Key)) v.Add($"queryParameters[{i}].name", "is required.");
            if (query[i].Value is null) v.Add($"queryParameters[{i}].value", "must not be null (leave the parameter out instead).");
        }
    }

    private static byte[]? CheckBody(ConscentRawRequest request, HttpMethod? method, RequestValidator v)
    {
        if (request.JsonBody is not { } body) return null;
        if (method == HttpMethod.Get || method == HttpMethod.Head)
        {
            v.Add("jsonBody", "must be null for GET and HEAD.");
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ConscentJson.MaxDepth });
        }
        catch (JsonException)
        {
            v.Add("jsonBody", "must be one valid UTF-8 JSON value.");
            return null;
        }
        return body.ToArray();
    }

    private static bool IsValidPlaceholder(string name)
    {
        if (name.Length == 0) return false;
        foreach (var c in name)
            if (!(IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')) return false;
        return true;
    }

    /// <summary>RFC 3986 <c>pchar</c> (unreserved, sub-delims, ':' and '@') and '/'; '%' is handled by the caller.</summary>
    private static bool IsPathCharacter(char c) =>
        IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/';

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
