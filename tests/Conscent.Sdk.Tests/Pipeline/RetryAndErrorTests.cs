using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Conscent.Sdk.Tests.Contract;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace Conscent.Sdk.Tests.Pipeline;

/// <summary>The one pipeline's retry, timeout, cancellation and error-mapping rules, against a real socket server.</summary>
public sealed class RetryAndErrorTests : IDisposable
{
    private const string Scenario = "flaky";
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    private void Sequence(string method, params (int Status, string Body, string? RetryAfter)[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var (status, body, retryAfter) = answers[i];
            var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
            if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
            var given = _mock.Server.Given(Request.Create().UsingMethod(method)).InScenario(Scenario);
            if (i > 0) given = given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(response);
        }
    }

    private static string GetBody => Samples.Text("content-get.response.json");

    [Fact]
    public async Task Get_503_503_200_succeeds_after_two_retries()
    {
        Sequence("GET", (503, "{}", null), (503, "{}", null), (200, GetBody, null));
        using var client = _mock.Client();

        var item = await client.Content.GetAsync("Client Content Id 6");

        item.Title.Should().Be("Tesla Tequila");
        _mock.Server.LogEntries.Should().HaveCount(3);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Get_is_retried_on_transient_statuses(int status)
    {
        Sequence("GET", (status, "{}", null), (200, GetBody, null));
        using var client = _mock.Client();

        (await client.Content.GetAsync("x")).ContentId.Should().Be("Client Content Id 6");
        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Patch_is_retried_like_get()
    {
        Sequence("PATCH", (500, "{}", null), (200, Samples.Text("content-edit.response.json"), null));
        using var client = _mock.Client();

        var edited = await client.Content.EditAsync("x", new EditContentRequest { Title = "t" });

        edited.Message.Should().Be("Content Edited Successfully");
        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task Post_is_not_retried_when_the_server_may_have_processed_it(int status)
    {
        Sequence("POST", (status, "{\"message\":\"boom\"}", null), (200, Samples.Text("content-create.response.json"), null));
        using var client = _mock.Client();

        await FluentActions.Awaiting(() => client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("id_1")))
            .Should().ThrowAsync<ConscentApiException>();
        _mock.Server.LogEntries.Should().ContainSingle("a POST that may have been processed is never sent twice");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Post_is_retried_when_refused_before_processing(int status)
    {
        Sequence("POST", (status, "{}", "0"), (200, Samples.Text("content-create.response.json"), null));
        using var client = _mock.Client();

        var created = await client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("id_1"));

        created.Message.Should().Be("New Content Created!");
        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxDelay_is_not_cut_short_but_surfaced_for_the_caller()
    {
        Sequence("POST", (429, "{\"message\":\"slow down\"}", "7"), (201, "{}", null));
        using var client = _mock.Client(); // MaxDelay 50 ms in these tests

        var ex = (await FluentActions.Awaiting(() => client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("id_1")))
            .Should().ThrowAsync<ConscentRateLimitedException>()).Which;

        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(7));
        ex.ServerMessage.Should().Be("slow down");
        _mock.Server.LogEntries.Should().HaveCount(1, "waiting 50 ms where the server asked for 7 s would be a retry it forbade");
    }

    [Fact]
    public async Task A_503_whose_Retry_After_exceeds_the_time_left_is_surfaced_on_the_server_exception()
    {
        Sequence("GET", (503, "{\"message\":\"maintenance\"}", "60"), (200, GetBody, null));
        using var client = _mock.Client(o => { o.Retry.MaxDelay = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromSeconds(30); }); // 30 s left < 60 s asked

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentServerException>()).Which;

        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        ex.IsTransient.Should().BeTrue();
        _mock.Server.LogEntries.Should().HaveCount(1);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task No_retry_is_sent_before_the_time_the_server_gave(int status)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        using var handler = new RetryAfterScriptedHandler(time, sent, status, retryAfterSeconds: 2, successBody: GetBody);
        using var http = new HttpClient(handler);
        var options = _mock.Options(o => { o.Retry.MaxDelay = TimeSpan.FromSeconds(10); o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromMinutes(10); });
        var client = new ConscentClient(new ConscentHttpPipeline(http, new ConscentRuntime(options, time), null));

        var call = client.Content.GetAsync("x");
        // Move the fake clock in 50 ms steps until the retry goes out; bounded.
        for (var step = 0; step < 400 && !call.IsCompleted; step++)
        {
            await Task.Delay(1);
            if (!sent.IsEmpty) time.Advance(TimeSpan.FromMilliseconds(50));
        }

        (await call).Title.Should().NotBeNull();
        var times = sent.ToArray();
        times.Should().HaveCount(2);
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "Retry-After: 2 forbids an earlier retry");
    }

    [Fact]
    public async Task Post_connection_refused_is_retried_because_nothing_was_sent()
    {
        var deadPort = MockServer.FreePort();
        using var handler = new CountingHandler(new SocketsHttpHandler());
        using var client = new ConscentClient(_mock.Options(o => o.BaseAddress = new Uri($"http://127.0.0.1:{deadPort}")), handler);

        var ex = (await FluentActions.Awaiting(() => client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("id_1")))
            .Should().ThrowAsync<ConscentNetworkException>()).Which;

        handler.Calls.Should().Be(4, "connection refused means the POST never reached a server, so all 3 retries are safe");
        ex.Message.Should().Contain("Content.Create");
    }

    [Fact]
    public async Task Get_reset_mid_response_is_retried_and_post_reset_is_not()
    {
        using var broken = new RawTcpServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"contentId\":");
        using var client = new ConscentClient(_mock.Options(o => o.BaseAddress = broken.BaseAddress));

        await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentNetworkException>();
        var getConnections = broken.Connections;
        await FluentActions.Awaiting(() => client.Content.CreateAsync(ContentContractTests.SampleCreateRequest("id_1"))).Should().ThrowAsync<ConscentNetworkException>();

        getConnections.Should().Be(4, "a GET cut off mid-body is retried 3 times");
        (broken.Connections - getConnections).Should().Be(1, "the POST reached the server: it may have been processed");
    }

    [Fact]
    public async Task Empty_200_body_is_a_serialization_error()
    {
        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));
        using var client = _mock.Client();

        (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentSerializationException>())
            .Which.Message.Should().Contain("empty body");
    }

    [Fact]
    public async Task Attempt_timeout_is_retried_for_get_then_reported_as_a_conscent_timeout()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(GetBody).WithDelay(TimeSpan.FromSeconds(2)));
        using var client = _mock.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxRetryAttempts = 1;
        });

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentTimeoutException>()).Which;

        ex.Timeout.Should().Be(TimeSpan.FromMilliseconds(200));
        ex.Operation.Should().Be("Content.Get");
        _mock.Recorder.Sent.Should().HaveCount(2, "one retry after the first attempt timed out");
    }

    [Fact]
    public async Task Total_timeout_bounds_the_whole_call()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(GetBody).WithDelay(TimeSpan.FromSeconds(3)));
        using var client = _mock.Client(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
        });

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentTimeoutException>()).Which;

        ex.Timeout.Should().Be(TimeSpan.FromMilliseconds(300));
        _mock.Server.LogEntries.Should().HaveCountLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Caller_cancellation_wins_and_is_an_OperationCanceledException()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(GetBody).WithDelay(TimeSpan.FromSeconds(3)));
        using var client = _mock.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => client.Content.GetAsync("x", cts.Token);

        var ex = (await act.Should().ThrowAsync<OperationCanceledException>()).Which;
        ex.Should().NotBeAssignableTo<ConscentException>();
        cts.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        using var client = _mock.Client();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => client.Content.GetAsync("x", cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        _mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Unauthorized_message_never_contains_the_secret_or_authorization()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(401)
            .WithBody($"{{\"message\":\"Invalid API Key & API Secret: {MockServer.ApiSecret} for reader someone@example.com +91 98475 98673\"}}"));
        using var client = _mock.Client();

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentAuthenticationException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var text = ex.ToString();
        text.Should().NotContain(MockServer.ApiSecret);
        text.Should().NotContain(MockServer.ExpectedAuthorization["Basic ".Length..]);
        text.Should().NotContain("someone@example.com");
        text.Should().NotContain("98475");
        ex.ServerMessage.Should().StartWith("Invalid API Key & API Secret");
        _mock.Server.LogEntries.Should().ContainSingle("401 is not retried");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_gateways_html_error_page_is_a_server_error_by_its_status_with_a_short_redacted_snippet(int status)
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", "text/html").WithBody("<html><head><title>Bad Gateway</title></head><body>reader@example.com " + new string('x', 5000) + "</body></html>"));
        using var client = _mock.Client();

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentServerException>()).Which;

        ((int)ex.StatusCode).Should().Be(status, "an outage is caught by catch (ConscentServerException), whatever the body");
        ex.IsTransient.Should().BeTrue();
        ex.ServerMessage.Should().StartWith("an HTML page").And.Contain("<html><head><title>Bad Gateway").And.NotContain("reader@example.com");
        ex.ServerMessage!.Length.Should().BeLessThan(400);
        _mock.Server.LogEntries.Should().HaveCount(4, "a 5xx on a GET is retried before giving up");
    }

    [Fact]
    public async Task An_html_page_with_a_success_status_is_the_only_html_that_is_a_serialization_error()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "text/html").WithBody("<html><body>Welcome</body></html>"));
        using var client = _mock.Client();

        (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentSerializationException>())
            .Which.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Truncated_json_is_a_serialization_error_not_a_JsonException()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(GetBody[..40]));
        using var client = _mock.Client();

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentSerializationException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.OK);
        ex.BodySnippet.Should().StartWith("{");
        ex.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("{\"price\": true}")]
    [InlineData("{\"price\": 1e400}")]
    public async Task Unreadable_success_bodies_are_serialization_errors(string body)
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(body));
        using var client = _mock.Client();

        await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentSerializationException>();
    }

    [Fact]
    public async Task Oversized_response_is_refused()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200)
            .WithBody("{\"contentId\":\"" + new string('a', 10_000) + "\"}"));
        using var client = _mock.Client(o => o.MaxResponseBodyBytes = 2048);

        var ex = (await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentSerializationException>()).Which;

        ex.Message.Should().Contain("MaxResponseBodyBytes");
        _mock.Server.LogEntries.Should().ContainSingle("a body over the limit is not retried");
    }

    [Fact]
    public async Task Circuit_breaker_opens_after_repeated_failures_and_fails_fast()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        using var client = _mock.Client(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = true, FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30) };
        });

        for (var i = 0; i < 4; i++)
            await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentServerException>();
        await FluentActions.Awaiting(() => client.Content.GetAsync("x")).Should().ThrowAsync<ConscentCircuitOpenException>();

        _mock.Server.LogEntries.Should().HaveCount(4, "the open circuit sends nothing");
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
