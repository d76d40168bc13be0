using Conscent.Sdk.Testing.Internal;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing;

/// <summary>A request as the simulator's core sees it, whatever the transport.</summary>
internal sealed class SimHttpRequest
{
    public SimHttpRequest(string method, string rawPath, string rawQuery, string host, Dictionary<string, string> headers, byte[] body, SimulatorTransport transport)
    {
        Method = method.ToUpperInvariant();
        RawPath = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        RawQuery = rawQuery.StartsWith('?') ? rawQuery.Substring(1) : rawQuery;
        Host = host;
        Headers = headers;
        Body = body;
        Transport = transport;
    }

    public string Method { get; }
    public string RawPath { get; }
    public string RawQuery { get; }
    public string Host { get; }
    public Dictionary<string, string> Headers { get; }
    public byte[] Body { get; }
    public SimulatorTransport Transport { get; }
}

/// <summary>The simulator core's answer: a response, or a dropped connection.</summary>
internal sealed class SimHttpResponse
{
    public SimHttpResponse(int status, string? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        Status = status;
        Body = body;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public int Status { get; }
    public string? Body { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public bool Drop { get; private init; }
    public bool Processed { get; private init; }

    public static SimHttpResponse Dropped(bool processed) => new(0, null) { Drop = true, Processed = processed };

    public static SimHttpResponse Json(int status, JsonNode node) => new(status, node.ToJsonString());

    public static SimHttpResponse Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["message"] = message }.ToJsonString(), headers);
}

/// <summary>A 4xx the handler raises to stop with an error answer.</summary>
internal sealed class SimulatorError : Exception
{
    public SimulatorError(int status, string message)
        : base(message) => Status = status;

    public SimulatorError()
    {
    }

    public SimulatorError(string message)
        : base(message)
    {
    }

    public SimulatorError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; } = 400;
}

/// <summary>Query-string parsing: first value wins, <c>+</c> is a space, percent-escapes are decoded.</summary>
internal static class SimulatorQuery
{
    public static Dictionary<string, string> Parse(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(query)) return result;
        foreach (var part in query!.TrimStart('?').Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? part : part.Substring(0, eq));
            var value = eq < 0 ? "" : Decode(part.Substring(eq + 1));
            if (!result.ContainsKey(name)) result[name] = value;
        }
        return result;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

/// <summary>Small shared helpers: ids, dates, JSON reading.</summary>
internal static class Sim
{
    public static string NewObjectId()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Date(DateTimeOffset? value) => value is { } v ? JsonValue.Create(Date(v)) : null;

    public static string Hmac(string secret, string text)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    /// <summary>Parses the body as a JSON object or stops with a 400.</summary>
    public static JsonObject BodyObject(byte[] body)
    {
        if (body.Length == 0) throw new SimulatorError(400, "The request body must be a JSON object.");
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new SimulatorError(400, "The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new SimulatorError(400, "The request body is not valid JSON.");
        }
    }

    public static bool Has(JsonObject o, string name) => o.TryGetPropertyValue(name, out var v) && v is not null;

    /// <summary>A string field: null when absent or null, a 400 when it is not a string.</summary>
    public static string? Str(JsonObject o, string name, List<string> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        errors.Add($"{name} must be a string");
        return null;
    }

    /// <summary>A number field: null when absent or null, an error when it is not a number.</summary>
    public static decimal? Num(JsonObject o, string name, List<string> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d)) return d;
        if (node is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
        {
            try
            {
                return decimal.Parse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
            }
            catch (OverflowException)
            {
            }
        }
        errors.Add($"{name} must be a number");
        return null;
    }

    public static bool? Bool(JsonObject o, string name, List<string> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        errors.Add($"{name} must be a boolean");
        return null;
    }

    public static List<string>? StrArray(JsonObject o, string name, List<string> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is not JsonArray array)
        {
            errors.Add($"{name} must be an array of strings");
            return null;
        }
        var list = new List<string>();
        foreach (var item in array)
        {
            if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String) list.Add(v.GetValue<string>());
            else
            {
                errors.Add($"{name} must be an array of strings");
                return null;
            }
        }
        return list;
    }

    public static JsonObject? Obj(JsonObject o, string name, List<string> errors)
    {
        if (!o.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is JsonObject obj) return obj;
        errors.Add($"{name} must be an object");
        return null;
    }

    public static DateTimeOffset? ParseDate(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)) return value;
        errors.Add($"{name} must be an ISO date string");
        return null;
    }

    public static void ThrowIf(List<string> errors)
    {
        if (errors.Count > 0) throw new SimulatorError(400, string.Join("; ", errors.Distinct(StringComparer.Ordinal)));
    }

    public static JsonArray Array(IEnumerable<string>? items)
    {
        var array = new JsonArray();
        if (items is not null)
            foreach (var item in items) array.AddNode(JsonValue.Create(item));
        return array;
    }

    /// <summary>Adds the property only when the value is not null (ConsCent leaves out what it does not have).</summary>
    public static JsonObject Put(this JsonObject o, string name, JsonNode? value)
    {
        if (value is not null) o[name] = value;
        return o;
    }

    public static JsonObject Put(this JsonObject o, string name, string? value) => value is null ? o : o.Put(name, JsonValue.Create(value));

    public static JsonObject Put(this JsonObject o, string name, decimal? value) => value is null ? o : o.Put(name, JsonValue.Create(value.Value));

    public static JsonObject Put(this JsonObject o, string name, bool? value) => value is null ? o : o.Put(name, JsonValue.Create(value.Value));

    public static JsonObject Put(this JsonObject o, string name, int? value) => value is null ? o : o.Put(name, JsonValue.Create(value.Value));

    public static JsonObject Put(this JsonObject o, string name, DateTimeOffset? value) => o.Put(name, Date(value));
}
