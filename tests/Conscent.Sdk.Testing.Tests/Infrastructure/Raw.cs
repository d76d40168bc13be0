using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing.Tests.Infrastructure;

using Conscent.Sdk.Tests.Infrastructure;

public enum Auth
{
    None,
    Basic,
    WrongBasic,
    ApiKey,
}

/// <summary>Raw HTTP against the simulator (handler or server), with the docs' auth schemes.</summary>
public sealed class Raw : IDisposable
{
    private readonly HttpClient _http;
    private readonly ConscentSimulator _simulator;

    public Raw(ConscentSimulator simulator, bool overServer = false)
    {
        _simulator = simulator;
        _http = overServer
            ? new HttpClient { BaseAddress = simulator.ServerAddress ?? throw new InvalidOperationException("Start the server first.") }
            : new HttpClient(simulator.Handler, disposeHandler: false) { BaseAddress = ConscentSimulator.InProcessBaseAddress };
    }

    public static string BasicValue(string key, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret));

    public async Task<(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Response)> Send(HttpMethod method, string pathAndQuery, JsonNode? body = null, Auth auth = Auth.Basic)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        switch (auth)
        {
            case Auth.Basic:
                request.Headers.TryAddWithoutValidation("Authorization", BasicValue(_simulator.Settings.ApiKey, _simulator.Settings.ApiSecret));
                break;
            case Auth.WrongBasic:
                request.Headers.TryAddWithoutValidation("Authorization", BasicValue(_simulator.Settings.ApiKey, "not-the-secret"));
                break;
            case Auth.ApiKey:
                request.Headers.TryAddWithoutValidation("X-API-KEY", _simulator.Settings.ApiKey);
                break;
        }
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public Task<(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Response)> Get(string pathAndQuery, Auth auth = Auth.Basic) => Send(HttpMethod.Get, pathAndQuery, null, auth);

    public Task<(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Response)> Post(string pathAndQuery, JsonNode? body = null, Auth auth = Auth.Basic) => Send(HttpMethod.Post, pathAndQuery, body, auth);

    public Task<(HttpStatusCode Status, JsonNode? Json, HttpResponseMessage Response)> Patch(string pathAndQuery, JsonNode? body = null, Auth auth = Auth.Basic) => Send(HttpMethod.Patch, pathAndQuery, body, auth);

    public void Dispose() => _http.Dispose();
}

/// <summary>The set of key paths of a JSON document ("a.b", arrays as "a[].b", union over items).</summary>
public static class Shape
{
    public static SortedSet<string> Keys(JsonNode? node)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        Walk(node, "", set);
        return set;
    }

    private static void Walk(JsonNode? node, string prefix, SortedSet<string> set)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var pair in o)
                {
                    var path = prefix.Length == 0 ? pair.Key : prefix + "." + pair.Key;
                    set.Add(path);
                    Walk(pair.Value, path, set);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item, prefix + "[]", set);
                break;
        }
    }

    /// <summary>Asserts that the simulator's answer has exactly the keys of the docs' sample.</summary>
    public static void ShouldMatchSample(this JsonNode? actual, string sampleFile)
    {
        var expected = Keys(Samples.Node(sampleFile));
        var got = Keys(actual);
        got.Except(expected).Should().BeEmpty($"the simulator should not add keys the docs' {sampleFile} lacks");
        expected.Except(got).Should().BeEmpty($"the simulator should have every key of the docs' {sampleFile}");
    }
}

public sealed class FixedClock : TimeProvider
{
    public FixedClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
