using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>One request exactly as the SDK handed it to the HTTP stack (the raw URI, before any server decoding).</summary>
public sealed record SentRequest(string Method, string Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public JsonNode? BodyJson => Body is null || Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>Records each request the SDK sends, then forwards it to the mock server.</summary>
public sealed class SentRequestRecorder : DelegatingHandler
{
    public SentRequestRecorder() : base(new HttpClientHandler()) { }

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.OriginalString, headers, request.Content?.Headers.ContentType?.MediaType, body));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A mock server plus a client whose requests are recorded.</summary>
public abstract class EndpointContractTestBase : IDisposable
{
    protected EndpointContractTestBase()
    {
        Mock = new MockServer();
        Recorder = new SentRequestRecorder();
    }

    protected MockServer Mock { get; }

    protected SentRequestRecorder Recorder { get; }

    protected string Base => Mock.BaseAddress.AbsoluteUri.TrimEnd('/');

    protected ConscentClient Client(Action<ConscentOptions>? configure = null) => new(Mock.Options(configure), Recorder);

    protected void Respond(string method, string path, string body, int status = 200) =>
        Mock.Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>Answers any request (used where the path holds percent-encoded ids).</summary>
    protected void RespondToAnything(string body, int status = 200) =>
        Mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    protected static string ErrorBody(string message) => new JsonObject { ["message"] = message }.ToJsonString();

    /// <summary>A sample with one unknown field added at the top level.</summary>
    protected static string WithExtraField(string sampleFile, Func<JsonNode, JsonObject>? target = null)
    {
        var node = Samples.Node(sampleFile);
        (target?.Invoke(node) ?? node.AsObject())["futureField"] = "kept";
        return node.ToJsonString();
    }

    public void Dispose()
    {
        Mock.Dispose();
        Recorder.Dispose();
        GC.SuppressFinalize(this);
    }
}
