using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Conscent.Sdk.Tests.Webhooks;

/// <summary>tests/fixtures/jwt/vectors.json, made by generate.js with Node's jsonwebtoken (tests do not need Node).</summary>
public static class JwtVectors
{
    public sealed record Vector(string Name, string Field, string Plain, string Secret, string PayloadForm, string Token, string Expected, string? NodeSameValue);

    private static readonly Lazy<IReadOnlyList<Vector>> All = new(Load);

    public static IReadOnlyList<Vector> Vectors => All.Value;

    public static Vector Named(string name) => Vectors.Single(v => v.Name == name);

    public static IEnumerable<object[]> Names() => Vectors.Select(v => new object[] { v.Name });

    private static List<Vector> Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "fixtures", "jwt", "vectors.json");
            if (!File.Exists(path)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("vectors").EnumerateArray().Select(v => new Vector(
                v.GetProperty("name").GetString()!,
                v.GetProperty("field").GetString()!,
                v.GetProperty("plain").GetString()!,
                v.GetProperty("secret").GetString()!,
                v.GetProperty("payloadForm").GetString()!,
                v.GetProperty("token").GetString()!,
                v.GetProperty("expected").GetString()!,
                v.TryGetProperty("nodeSameValue", out var n) ? n.GetString() : null)).ToList();
        }
        throw new FileNotFoundException("tests/fixtures/jwt/vectors.json was not found above the test output directory.");
    }

    public static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string B64Url(string text) => B64Url(Encoding.UTF8.GetBytes(text));

    public static byte[] FromB64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    /// <summary>Signs header.payload with HMAC-SHA256 regardless of what the header claims (for crafted attacks).</summary>
    public static string Sign(string headerJson, string payload, string secret)
    {
        var signingInput = B64Url(headerJson) + "." + B64Url(payload);
        var sig = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + B64Url(sig);
    }
}
