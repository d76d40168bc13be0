using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Tests.Reliability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Raw;

/// <summary>Raw requests' spans, metrics and log events: named by operation and template, never by the values sent.</summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class RawRequestTelemetryTests : IDisposable
{
    private const string Email = "reader.one+news@example.com";
    private const string Phone = "9847598673";
    private readonly MockServer _mock = new();
    private readonly TelemetryCapture _telemetry = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _mock.Dispose();
    }

    private static ConscentRawRequest ReaderRequest(string? operationName = null) =>
        new ConscentRawRequest(HttpMethod.Get, "/api/v2/users/{email}/points")
        {
            OperationName = operationName,
        }.WithPathParameter("email", Email).WithQuery("phone", Phone);

    [Fact]
    public async Task A_raw_call_is_one_span_named_by_method_and_template_with_no_reader_values()
    {
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WhenStateIs("ok").RespondWith(Response.Create().WithBody("{}"));
        using var client = _mock.Client();

        await client.SendAsync(ReaderRequest());

        var span = _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "Conscent Raw GET").Subject;
        span.GetTagItem("conscent.operation").Should().Be("Raw GET");
        span.GetTagItem("http.request.method").Should().Be("GET");
        span.GetTagItem("url.template").Should().Be("/api/v2/users/{email}/points");
        span.GetTagItem("conscent.attempts").Should().Be(2);
        var tags = string.Join(";", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        tags.Should().NotContain("reader.one").And.NotContain(Phone);

        _telemetry.RecordObservableInstruments();
        _telemetry.Measurements.Should().Contain(m => m.Instrument == "conscent.client.request.duration" && (string?)m.Tags["conscent.operation"] == "Raw GET");
        _telemetry.Measurements.Should().Contain(m => m.Instrument == "conscent.client.retries" && (string?)m.Tags["conscent.operation"] == "Raw GET");
        _telemetry.Measurements.SelectMany(m => m.Tags.Values).Select(v => v?.ToString()).Should().NotContain(v => v != null && (v.Contains("reader.one", StringComparison.Ordinal) || v.Contains(Phone, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_caller_named_operation_names_the_span_and_the_log_events()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500).WithBody($"{{\"message\":\"no points for {Email}\"}}"));
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions());
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var client = new ConscentClient(_mock.Options(o => o.Retry.MaxRetryAttempts = 1), _mock.Recorder, factory);

        await FluentActions.Awaiting(() => client.SendAsync(ReaderRequest("Loyalty.GetPoints"))).Should().ThrowAsync<ConscentServerException>();

        _telemetry.Activities.Should().ContainSingle(a => a.OperationName == "Conscent Loyalty.GetPoints")
            .Which.GetTagItem("error.type").Should().Be(nameof(ConscentServerException));
        var logs = collector.GetSnapshot();
        logs.Single(l => l.Id.Id == 1002).Message.Should().Contain("Loyalty.GetPoints").And.Contain("2 attempt");
        var all = string.Join("\n", logs.Select(l => l.Message + " " + l.Exception + " " + string.Join(",", l.StructuredState ?? Array.Empty<KeyValuePair<string, string?>>())));
        all.Should().Contain("/api/v2/users/{email}/points").And.NotContain("reader.one").And.NotContain(Phone);
    }
}
