using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Reliability;

/// <summary>Traces, metrics and log events, observed with real listeners. Not parallel: listeners are process-wide.</summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class TelemetryTests : IDisposable
{
    private readonly MockServer _mock = new();
    private readonly TelemetryCapture _telemetry = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _mock.Dispose();
    }

    [Fact]
    public async Task One_span_per_call_with_operation_status_and_attempts_and_no_identifiers()
    {
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WhenStateIs("ok").RespondWith(Response.Create().WithBody(Samples.Text("content-get.response.json")));
        using var client = _mock.Client();

        await client.Content.GetAsync("reader@example.com");

        var span = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "Conscent Content.Get").Subject;
        span.Kind.Should().Be(ActivityKind.Client);
        span.Status.Should().Be(ActivityStatusCode.Ok);
        span.GetTagItem("conscent.operation").Should().Be("Content.Get");
        span.GetTagItem("http.request.method").Should().Be("GET");
        span.GetTagItem("url.template").Should().Be("/api/v1/content/client/{contentId}");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("conscent.attempts").Should().Be(2);
        string.Join(";", span.TagObjects.Select(t => $"{t.Key}={t.Value}")).Should().NotContain("reader@example.com").And.NotContain("reader%40");

        _telemetry.RecordObservableInstruments();
        _telemetry.Measurements.Should().Contain(m => m.Instrument == "conscent.client.request.duration" && (string?)m.Tags["conscent.operation"] == "Content.Get" && m.Value > 0);
        _telemetry.Measurements.Should().Contain(m => m.Instrument == "conscent.client.retries" && m.Value == 1 && (int?)m.Tags["http.response.status_code"] == 503);
    }

    [Fact]
    public async Task Failed_call_marks_the_span_as_an_error_with_the_exception_type()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        using var client = _mock.Client();

        await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentNotFoundException>();

        var span = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "Conscent Content.Get").Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(nameof(ConscentNotFoundException));
        span.GetTagItem("http.response.status_code").Should().Be(404);
    }

    [Fact]
    public async Task Log_events_have_stable_ids_and_no_identifiers()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500).WithBody("{\"message\":\"reader 9847598673 failed\"}"));
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions());
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var client = new ConscentClient(_mock.Options(), new System.Net.Http.SocketsHttpHandler(), factory);

        await FluentActions.Awaiting(() => client.Content.GetAsync("someone@example.com")).Should().ThrowAsync<ConscentServerException>();

        var logs = collector.GetSnapshot();
        logs.Select(l => l.Id.Id).Should().Contain(new[] { 1000, 1002 });
        var failed = logs.Single(l => l.Id.Id == 1002);
        failed.Level.Should().Be(LogLevel.Warning);
        failed.Message.Should().Contain("Content.Get").And.Contain(nameof(ConscentServerException)).And.Contain("4 attempt");
        var all = string.Join("\n", logs.Select(l => l.Message + " " + l.Exception));
        all.Should().NotContain("someone@example.com").And.NotContain("someone%40").And.NotContain("9847598673").And.NotContain(MockServer.ApiSecret);
    }
}

[CollectionDefinition(nameof(ProcessWideListeners), DisableParallelization = true)]
public sealed class ProcessWideListeners
{
}
