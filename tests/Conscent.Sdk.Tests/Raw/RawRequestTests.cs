using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Raw;

/// <summary>Raw requests on the wire, against a real socket server: encoding, credentials, retries, errors, budgets.</summary>
public sealed class RawRequestTests : IDisposable
{
    private const string Scenario = "raw";
    private const string Email = "reader.one+news@example.com";
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    private void Answer(int status, string body, string contentType = "application/json", string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    private void Sequence(params (int Status, string Body)[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            var given = _mock.Server.Given(Request.Create().UsingAnyMethod()).InScenario(Scenario);
            if (i > 0) given = given.WhenStateIs($"s{i}");
            given.WillSetStateTo($"s{i + 1}").RespondWith(Response.Create().WithStatusCode(answers[i].Status).WithHeader("Content-Type", "application/json").WithBody(answers[i].Body));
        }
    }

    [Fact]
    public async Task A_get_sends_the_path_values_and_query_percent_encoded_exactly()
    {
        Answer(200, "{\"points\":12}");
        using var client = _mock.Client();
        var request = new ConscentRawRequest(HttpMethod.Get, "/api/v2/users/{userId}/points")
            .WithPathParameter("userId", "a b/c?d#e%f")
            .WithQuery("email", Email)
            .WithQuery("tag", new[] { "x&y=z", "ü é" })
            .WithQuery("skipped", (string?)null);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _mock.Recorder.Uris.Should().ContainSingle().Which.Should().Be(
            _mock.BaseAddress.AbsoluteUri.TrimEnd('/')
            + "/api/v2/users/a%20b%2Fc%3Fd%23e%25f/points?email=reader.one%2Bnews%40example.com&tag=x%26y%3Dz&tag=%C3%BC%20%C3%A9");
        _mock.Recorder.Sent.Single().Method.Should().Be("GET");
        _mock.Recorder.Sent.Single().Body.Should().BeNull();
    }

    [Fact]
    public async Task Basic_auth_is_sent_by_default_with_the_sdk_user_agent()
    {
        Answer(200, "{}");
        using var client = _mock.Client();

        await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/anything"));

        var sent = _mock.Recorder.Sent.Single();
        sent.Headers["Authorization"].Should().Be(MockServer.ExpectedAuthorization);
        sent.Headers["User-Agent"].Should().StartWith("Conscent.Sdk/");
        sent.Headers.Should().NotContainKey("X-API-KEY");
    }

    [Fact]
    public async Task No_credentials_are_sent_when_auth_is_none()
    {
        Answer(200, "{}");
        using var client = _mock.Client();

        await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v1/open") { Auth = ConscentRawAuth.None });

        var sent = _mock.Recorder.Sent.Single();
        sent.Headers.Should().NotContainKey("Authorization");
        sent.Headers.Should().NotContainKey("X-API-KEY");
    }

    [Fact]
    public async Task The_loyalty_key_goes_to_the_loyalty_host_and_the_basic_credentials_do_not()
    {
        using var loyalty = new MockServer();
        loyalty.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"balance\":3}"));
        Answer(200, "{}");
        using var client = new ConscentClient(_mock.Options(o =>
        {
            o.Loyalty.BaseAddress = loyalty.BaseAddress;
            o.Loyalty.ApiKey = "LOYALTY-KEY-1234";
        }), _mock.Recorder);

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/reward/{partnerId}/api/balance")
        {
            Auth = ConscentRawAuth.LoyaltyKey,
            PathParameters = { ["partnerId"] = "p1" },
        });

        response.ReadJson().GetProperty("balance").GetInt32().Should().Be(3);
        _mock.Server.LogEntries.Should().BeEmpty("a LoyaltyKey request goes to ConscentOptions.Loyalty.BaseAddress");
        var sent = _mock.Recorder.Sent.Single();
        sent.Uri.Should().Be(loyalty.BaseAddress.AbsoluteUri.TrimEnd('/') + "/reward/p1/api/balance");
        sent.Headers["X-API-KEY"].Should().Be("LOYALTY-KEY-1234");
        sent.Headers.Should().NotContainKey("Authorization");
    }

    [Fact]
    public async Task A_post_sends_its_json_body_with_the_json_content_type()
    {
        Answer(201, "{\"id\":\"n1\"}");
        using var client = _mock.Client();
        using var doc = JsonDocument.Parse("{\"name\":\"x\",\"n\":[1,2]}");

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/api/v2/things").WithJsonBody(doc.RootElement));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var sent = _mock.Recorder.Sent.Single();
        sent.ContentType.Should().Be("application/json");
        sent.BodyText.Should().Be("{\"name\":\"x\",\"n\":[1,2]}");
    }

    [Fact]
    public async Task A_get_is_retried_on_503_then_succeeds()
    {
        Sequence((503, "{}"), (503, "{}"), (200, "{\"ok\":true}"));
        using var client = _mock.Client();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/flaky"));

        response.ReadJson().GetProperty("ok").GetBoolean().Should().BeTrue();
        _mock.Server.LogEntries.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_is_not_retried_on_503_unless_the_caller_says_it_is_safe(string method)
    {
        Sequence((503, "{\"message\":\"busy\"}"), (200, "{}"));
        using var client = _mock.Client();

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(new HttpMethod(method), "/api/v2/things/1") { JsonBody = "{}"u8.ToArray() }))
            .Should().ThrowAsync<ConscentServerException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _mock.Server.LogEntries.Should().HaveCount(1, "the SDK cannot know that this endpoint's 503 means the write was not processed");
    }

    [Fact]
    public async Task A_write_marked_safe_to_retry_is_retried_on_503()
    {
        Sequence((503, "{}"), (200, "{\"done\":1}"));
        using var client = _mock.Client();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/api/v2/idempotent") { SafeToRetry = true });

        response.ReadJson().GetProperty("done").GetInt32().Should().Be(1);
        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_get_marked_unsafe_is_not_retried()
    {
        Sequence((500, "{}"), (200, "{}"));
        using var client = _mock.Client();

        await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/counts-a-view") { SafeToRetry = false }))
            .Should().ThrowAsync<ConscentServerException>();

        _mock.Server.LogEntries.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_write_whose_connection_was_refused_is_retried_because_nothing_was_sent()
    {
        var deadPort = MockServer.FreePort();
        using var handler = new CountingHandler(new SocketsHttpHandler());
        using var client = new ConscentClient(_mock.Options(o => o.BaseAddress = new Uri($"http://127.0.0.1:{deadPort}")), handler);

        await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/api/v2/things")))
            .Should().ThrowAsync<ConscentNetworkException>();

        handler.Calls.Should().Be(4, "connection refused: the POST never reached a server, so the 3 retries are safe");
    }

    [Theory]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(403, typeof(ConscentAuthenticationException))]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(429, typeof(ConscentRateLimitedException))]
    [InlineData(500, typeof(ConscentServerException))]
    [InlineData(409, typeof(ConscentApiException))]
    public async Task An_error_status_throws_the_same_typed_exception_as_the_typed_calls(int status, Type expected)
    {
        Answer(status, "{\"message\":\"no such thing\"}");
        using var client = _mock.Client(o => o.Retry.MaxRetryAttempts = 0);

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/things/{id}").WithPathParameter("id", "t-1")))
            .Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ex.StatusCode.Should().Be((HttpStatusCode)status);
        ex.ServerMessage.Should().Be("no such thing");
        ex.Method.Should().Be("GET");
        ex.PathTemplate.Should().Be("/api/v2/things/{id}", "the template names the call, never the id");
        ex.Operation.Should().Be("Raw GET");
        ex.Message.Should().NotContain("t-1");
    }

    [Fact]
    public async Task A_gateway_html_page_is_a_server_error_with_the_page_start_redacted()
    {
        Answer(502, $"<html><body><h1>502 Bad Gateway</h1> upstream for {Email}</body></html>", "text/html");
        using var client = _mock.Client(o => o.Retry.MaxRetryAttempts = 0);

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x")))
            .Should().ThrowAsync<ConscentServerException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        ex.ServerMessage.Should().Contain("HTML").And.Contain("502 Bad Gateway").And.NotContain(Email);
    }

    [Fact]
    public async Task An_email_in_the_query_or_path_values_never_appears_in_the_exception()
    {
        Answer(404, $"{{\"message\":\"no user {Email}\"}}");
        using var client = _mock.Client(o => o.Retry.MaxRetryAttempts = 0);
        var request = new ConscentRawRequest(HttpMethod.Get, "/api/v2/users/{email}")
            .WithPathParameter("email", Email)
            .WithQuery("email", Email)
            .WithQuery("phone", "+919847598673");

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(request)).Should().ThrowAsync<ConscentNotFoundException>()).Which;

        _mock.Recorder.Uris.Single().Should().Contain(Uri.EscapeDataString(Email), "the email was sent");
        var text = ex.ToString() + ex.ServerMessage + ex.PathTemplate + request;
        text.Should().NotContain(Email).And.NotContain(Uri.EscapeDataString(Email)).And.NotContain("9847598673");
    }

    [Fact]
    public async Task An_email_written_into_the_path_itself_is_masked_where_the_path_names_the_call()
    {
        Answer(404, "{}");
        using var client = _mock.Client(o => o.Retry.MaxRetryAttempts = 0);

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/users/" + Email)))
            .Should().ThrowAsync<ConscentNotFoundException>()).Which;

        _mock.Recorder.Uris.Single().Should().EndWith("/api/v2/users/" + Email, "'@' and '+' are path characters, sent as written");
        ex.PathTemplate.Should().Be("/api/v2/users/***@***");
        ex.Message.Should().NotContain(Email);
    }

    [Fact]
    public async Task The_typed_exception_carries_retry_after_when_the_wait_is_longer_than_max_delay()
    {
        Answer(429, "{}", retryAfter: "60");
        using var client = _mock.Client();

        var ex = (await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x")))
            .Should().ThrowAsync<ConscentRateLimitedException>()).Which;

        ex.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        _mock.Server.LogEntries.Should().HaveCount(1, "a Retry-After beyond MaxDelay is reported, not cut short");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task No_retry_is_sent_before_the_time_the_server_gave(int status)
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        using var handler = new RetryAfterScriptedHandler(time, sent, status, retryAfterSeconds: 2, successBody: "{\"ok\":true}");
        using var http = new HttpClient(handler);
        var options = _mock.Options(o => { o.Retry.MaxDelay = TimeSpan.FromSeconds(10); o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromMinutes(10); });
        var client = new ConscentClient(new ConscentHttpPipeline(http, new ConscentRuntime(options, time), null));

        var call = client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x"));
        // Move the fake clock in 50 ms steps until the retry goes out; bounded.
        for (var step = 0; step < 400 && !call.IsCompleted; step++)
        {
            await Task.Delay(1);
            if (!sent.IsEmpty) time.Advance(TimeSpan.FromMilliseconds(50));
        }

        (await call).ReadText().Should().Be("{\"ok\":true}");
        var times = sent.ToArray();
        times.Should().HaveCount(2);
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "Retry-After: 2 forbids an earlier retry");
    }

    [Fact]
    public async Task Per_call_options_apply_to_raw_requests()
    {
        Sequence((503, "{}"), (503, "{}"), (200, "{}"));
        using var client = _mock.Client();
        var once = client.WithRequestOptions(new ConscentRequestOptions { MaxRetryAttempts = 0 });

        await FluentActions.Awaiting(() => once.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x")))
            .Should().ThrowAsync<ConscentServerException>();

        _mock.Server.LogEntries.Should().HaveCount(1, "MaxRetryAttempts = 0 for this call");
    }

    [Fact]
    public async Task A_per_call_attempt_timeout_applies_to_raw_requests()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(3)));
        using var client = _mock.Client();
        var quick = client.WithRequestOptions(new ConscentRequestOptions { AttemptTimeout = TimeSpan.FromMilliseconds(100), TotalTimeout = TimeSpan.FromMilliseconds(150), MaxRetryAttempts = 0 });

        var ex = (await FluentActions.Awaiting(() => quick.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/slow")))
            .Should().ThrowAsync<ConscentTimeoutException>()).Which;

        ex.Operation.Should().Be("Raw GET");
        ex.Message.Should().Contain("100 ms");
    }

    [Fact]
    public async Task An_open_circuit_stops_raw_requests_too()
    {
        Answer(500, "{}");
        using var client = _mock.Client(o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = true, FailureRatio = 0.5, MinimumThroughput = 2, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30) };
        });

        for (var i = 0; i < 2; i++)
            await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x"))).Should().ThrowAsync<ConscentServerException>();
        await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x"))).Should().ThrowAsync<ConscentCircuitOpenException>();

        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task The_response_hands_over_status_headers_and_body()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create()
            .WithStatusCode(200)
            .WithHeader("Content-Type", "application/json; charset=utf-8")
            .WithHeader("X-Request-Id", "req-42")
            .WithBody("{\"items\":[{\"id\":\"a\"}],\"total\":1}"));
        using var client = _mock.Client();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/list"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.GetHeader("x-request-id").Should().Be("req-42");
        response.Headers["X-REQUEST-ID"].Should().Equal("req-42");
        response.ContentType.Should().Be("application/json");
        response.ReadText().Should().Be("{\"items\":[{\"id\":\"a\"}],\"total\":1}");
        Encoding.UTF8.GetString(response.Body.ToArray()).Should().Be(response.ReadText());
        var json = response.ReadJson();
        json.GetProperty("items")[0].GetProperty("id").GetString().Should().Be("a");
        json.GetProperty("total").GetInt32().Should().Be(1);
        response.ToString().Should().NotContain("req-42");
    }

    [Fact]
    public async Task A_body_that_is_not_json_throws_only_when_json_is_asked_for()
    {
        Answer(200, $"plain text for {Email}", "text/plain");
        using var client = _mock.Client();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/text") { OperationName = "Things.Text" });

        response.ReadText().Should().Be($"plain text for {Email}");
        var ex = FluentActions.Invoking(() => response.ReadJson()).Should().Throw<ConscentSerializationException>().Which;
        ex.StatusCode.Should().Be(HttpStatusCode.OK);
        ex.Operation.Should().Be("Things.Text");
        ex.BodySnippet.Should().StartWith("plain text for").And.NotContain(Email);
        ex.Message.Should().NotContain(Email);
    }

    [Fact]
    public async Task A_head_request_succeeds_with_an_empty_body()
    {
        _mock.Server.Given(Request.Create().UsingHead()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("X-Total", "7"));
        using var client = _mock.Client();

        var response = await client.SendAsync(new ConscentRawRequest(HttpMethod.Head, "/api/v2/things"));

        response.Body.IsEmpty.Should().BeTrue();
        response.GetHeader("X-Total").Should().Be("7");
        FluentActions.Invoking(() => response.ReadJson()).Should().Throw<ConscentSerializationException>().WithMessage("*empty body*");
    }

    [Fact]
    public async Task The_path_is_appended_to_a_base_address_that_has_a_path()
    {
        Answer(200, "{}");
        using var client = _mock.Client(o => o.BaseAddress = new Uri(_mock.BaseAddress, "/gateway/"));

        await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/x"));

        _mock.Recorder.Uris.Single().Should().Be(_mock.BaseAddress.AbsoluteUri.TrimEnd('/') + "/gateway/api/v2/x");
    }

    [Fact]
    public async Task The_caller_token_cancels_a_raw_request()
    {
        _mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromSeconds(5)));
        using var client = _mock.Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await FluentActions.Awaiting(() => client.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/slow"), cts.Token))
            .Should().ThrowAsync<OperationCanceledException>();
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
