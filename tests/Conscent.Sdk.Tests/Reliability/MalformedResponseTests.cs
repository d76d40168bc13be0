using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Conscent.Sdk.Http;
using Conscent.Sdk.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Conscent.Sdk.Tests.Reliability;

/// <summary>
/// Every response model the SDK reads, fed thousands of malformed bodies generated from the docs' samples: truncated,
/// wrong types, huge numbers, deep nesting, invalid UTF-8, duplicate keys, nulls everywhere, flipped bytes. The only
/// exception allowed out is <see cref="ConscentSerializationException"/>.
/// </summary>
public sealed class MalformedResponseTests(ITestOutputHelper output)
{
    private static readonly ConscentEndpoint Endpoint = new("Fuzz.Read", HttpMethod.Get, "/fuzz", EndpointAuth.None, safeToRetry: true);

    /// <summary>Every type listed in every source-generated context of the SDK.</summary>
    public static IEnumerable<(JsonSerializerContext Context, Type Type)> AllModelTypes()
    {
        var assembly = typeof(ConscentClient).Assembly;
        foreach (var contextType in assembly.GetTypes().Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var context = (JsonSerializerContext)contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            // The attribute keeps no property for its type: read it from the attribute's metadata.
            foreach (var attribute in contextType.GetCustomAttributesData().Where(a => a.AttributeType == typeof(JsonSerializableAttribute)))
                yield return (context, (Type)attribute.ConstructorArguments[0].Value!);
        }
    }

    internal static IEnumerable<byte[]> Mutations(string sample, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(sample);
        for (var cut = 1; cut < bytes.Length; cut += Math.Max(1, bytes.Length / 12)) yield return bytes[..cut];
        yield return Array.Empty<byte>();
        yield return "null"u8.ToArray();
        yield return "[]"u8.ToArray();
        yield return "\"just a string\""u8.ToArray();
        yield return "12345"u8.ToArray();
        yield return Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000));
        yield return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + new string('}', 3000));
        yield return new byte[] { 0xFF, 0xFE, 0x7B, 0x7D };
        var withBadUtf8 = bytes.ToArray();
        for (var i = 0; i < withBadUtf8.Length; i++)
            if (withBadUtf8[i] == (byte)'"' && i + 1 < withBadUtf8.Length && char.IsLetter((char)withBadUtf8[i + 1])) { withBadUtf8[i + 1] = 0xC3; break; }
        yield return withBadUtf8;
        for (var flip = 0; flip < 20; flip++)
        {
            var copy = bytes.ToArray();
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
            yield return copy;
        }

        JsonNode? root;
        try { root = JsonNode.Parse(sample); } catch (JsonException) { yield break; }
        var paths = new List<Func<JsonNode, JsonNode?>>();
        foreach (var replacement in new Func<JsonNode?, JsonNode?>[]
                 {
                     _ => null,
                     _ => JsonValue.Create("not-a-number"),
                     _ => JsonValue.Create(1e300),
                     _ => JsonNode.Parse("99999999999999999999999999999999999999"),
                     _ => JsonValue.Create(true),
                     _ => new JsonArray(1, "x", null),
                     _ => new JsonObject { ["$numberDecimal"] = "abc" },
                     _ => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray() } },
                     _ => JsonValue.Create(-1),
                     _ => JsonValue.Create("2021-13-45T99:99:99Z"),
                 })
        {
            foreach (var variant in ReplaceEachValue(root!, replacement)) yield return Encoding.UTF8.GetBytes(variant);
        }
        // Duplicate keys: repeat every property of the root object with a wrong type.
        if (root is JsonObject obj)
        {
            var text = sample.TrimEnd();
            var dup = string.Join(",", obj.Select(p => $"\"{p.Key}\": [[[]]]"));
            if (text.EndsWith('}') && dup.Length > 0) yield return Encoding.UTF8.GetBytes(text[..^1] + "," + dup + "}");
        }
    }

    /// <summary>One variant per value in the document: that value replaced (the rest untouched).</summary>
    private static IEnumerable<string> ReplaceEachValue(JsonNode root, Func<JsonNode?, JsonNode?> replacement)
    {
        var count = CountValues(root);
        for (var target = 0; target < count; target++)
        {
            var copy = root.DeepClone();
            var index = 0;
            Replace(copy, ref index, target, replacement);
            yield return copy.ToJsonString();
        }
    }

    private static int CountValues(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => 1 + CountValues(p.Value)),
        JsonArray a => a.Sum(v => 1 + CountValues(v)),
        _ => 0,
    };

    private static void Replace(JsonNode? node, ref int index, int target, Func<JsonNode?, JsonNode?> replacement)
    {
        if (node is JsonObject o)
        {
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                if (index++ == target) { o[key] = replacement(o[key]); return; }
                Replace(o[key], ref index, target, replacement);
                if (index > target) return;
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (index++ == target) { a[i] = replacement(a[i]); return; }
                Replace(a[i], ref index, target, replacement);
                if (index > target) return;
            }
        }
    }

    [Fact]
    public void Every_response_model_only_ever_throws_the_SDKs_serialization_exception()
    {
        var models = AllModelTypes().Where(m => !m.Type.IsPrimitive && m.Type != typeof(string)).ToList();
        models.Should().HaveCountGreaterThan(20, "every area's context is found");
        var samples = Directory.GetFiles(Samples.Dir, "*.json").Select(File.ReadAllText).ToList();
        var random = new Random(20261125);
        var pipeline = new ConscentHttpPipeline(new HttpClient(), new ConscentRuntime(new ConscentOptions { ApiKey = "k", ApiSecret = "s", ClientId = "c" }), null);
        var deserialize = typeof(ConscentHttpPipeline).GetMethod("Deserialize", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var cases = 0;
        var rejected = 0;
        var failures = new List<string>();

        foreach (var (context, type) in models)
        {
            var typeInfo = context.GetTypeInfo(type)!;
            var generic = deserialize.MakeGenericMethod(type);
            foreach (var sample in samples)
            {
                foreach (var body in Mutations(sample, random))
                {
                    cases++;
                    using var response = ConscentResponse.FromBody(HttpStatusCode.OK, body);
                    try
                    {
                        generic.Invoke(pipeline, new object[] { response, typeInfo, Endpoint });
                    }
                    catch (TargetInvocationException ex) when (ex.InnerException is ConscentSerializationException)
                    {
                        rejected++;
                    }
                    catch (TargetInvocationException ex)
                    {
                        if (failures.Count < 10) failures.Add($"{type.Name}: {ex.InnerException!.GetType().Name}: {ex.InnerException.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{models.Count} models x {samples.Count} samples: {cases} malformed bodies, {rejected} rejected with ConscentSerializationException, the rest parsed.");
        cases.Should().BeGreaterThan(10_000);
        failures.Should().BeEmpty();
    }

    [Fact]
    public void Every_webhook_payload_only_ever_throws_the_SDKs_webhook_exception_and_verification_never_throws()
    {
        var payloadTypes = typeof(ConscentClient).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Conscent.Sdk.Webhooks.IConscentWebhookPayload).IsAssignableFrom(t)).ToList();
        payloadTypes.Should().HaveCount(8);
        var parse = typeof(Conscent.Sdk.Webhooks.ConscentWebhookParser).GetMethods()
            .Single(m => m.Name == "Parse" && m.IsGenericMethod && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType == typeof(string));
        var verifier = new Conscent.Sdk.Webhooks.ConscentWebhookVerifier(MockServer.ApiKey, MockServer.ApiSecret);
        var samples = Directory.GetFiles(Samples.Dir, "webhook-*.json").Select(File.ReadAllText).ToList();
        samples.Should().HaveCount(8);
        var random = new Random(7);
        var cases = 0;
        var failures = new List<string>();

        foreach (var type in payloadTypes)
        {
            var generic = parse.MakeGenericMethod(type);
            foreach (var sample in samples)
            {
                foreach (var body in Mutations(sample, random))
                {
                    cases++;
                    try
                    {
                        generic.Invoke(null, new object[] { Encoding.UTF8.GetString(body) });
                    }
                    catch (TargetInvocationException ex) when (ex.InnerException is Conscent.Sdk.Webhooks.ConscentWebhookException)
                    {
                    }
                    catch (TargetInvocationException ex)
                    {
                        if (failures.Count < 10) failures.Add($"{type.Name}: {ex.InnerException!.GetType().Name}: {ex.InnerException.Message}");
                    }
                    try
                    {
                        verifier.Verify(MockServer.ExpectedAuthorization, body);
                    }
                    catch (Exception ex)
                    {
                        if (failures.Count < 10) failures.Add($"Verify: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{payloadTypes.Count} webhook types x {samples.Count} samples: {cases} malformed bodies parsed and verified.");
        cases.Should().BeGreaterThan(10_000);
        failures.Should().BeEmpty();
    }
}
