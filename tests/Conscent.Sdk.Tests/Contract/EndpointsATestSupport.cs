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

/// <summary>A mock server plus a client whose requests are recorded.</summary>
public abstract class EndpointContractTestBase : IDisposable
{
    protected EndpointContractTestBase()
    {
        Mock = new MockServer();
        Recorder = new RecordingHandler();
    }

    protected MockServer Mock { get; }

    protected RecordingHandler Recorder { get; }

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
