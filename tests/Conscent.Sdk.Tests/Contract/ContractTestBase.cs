using System;
using System.Text.Json.Nodes;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>
/// The base of every contract test class: one mock server per test, one recorder that sees every request exactly as
/// the SDK sent it, clients pointed at both, and the one family of <c>Respond</c> helpers that set up answers.
/// </summary>
public abstract class ContractTestBase : IDisposable
{
    /// <summary>Pass as the path to answer a request on any path (ids in the path, or a host with a configurable prefix).</summary>
    protected const string AnyPath = "*";

    protected MockServer Mock { get; } = new();

    /// <summary>Every request the clients made by <see cref="Client"/> sent, with the exact URI (WireMock's log decodes it).</summary>
    protected RecordingHandler Recorder => Mock.Recorder;

    /// <summary>The mock server's address without the trailing slash, to build expected URIs.</summary>
    protected string Base => Mock.BaseAddress.AbsoluteUri.TrimEnd('/');

    protected ConscentClient Client(Action<ConscentOptions>? configure = null) => Mock.Client(configure);

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (or <see cref="AnyPath"/>) with <paramref name="body"/>.</summary>
    protected void Respond(string method, string path, string body, int status = 200, string contentType = "application/json")
    {
        var request = path == AnyPath ? Request.Create().UsingMethod(method) : Request.Create().WithPath(path).UsingMethod(method);
        Mock.Server.Given(request)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
    }

    /// <summary>Answers with one of the docs' samples (tests/fixtures/docs-samples), verbatim.</summary>
    protected void RespondWithSample(string method, string path, string sampleFile, int status = 200) =>
        Respond(method, path, Samples.Text(sampleFile), status);

    /// <summary>Answers any request on any path (used where the path holds percent-encoded ids).</summary>
    protected void RespondToAnything(string body, int status = 200) =>
        Mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    /// <summary>The one request the server received, as WireMock logged it (decoded path, parsed query); fails if there were more or none.</summary>
    protected IRequestMessage SingleRequest() => Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;

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
        GC.SuppressFinalize(this);
    }
}
