using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Raw;

/// <summary>A raw request that breaks a rule is refused with every problem listed, and nothing reaches the server.</summary>
public sealed class RawRequestValidationTests : IDisposable
{
    private readonly MockServer _mock = new();

    public RawRequestValidationTests() =>
        _mock.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));

    public void Dispose() => _mock.Dispose();

    private async Task<ConscentValidationException> Refused(ConscentRawRequest? request)
    {
        using var client = _mock.Client();
        var ex = (await FluentActions.Awaiting(() => client.SendAsync(request!)).Should().ThrowAsync<ConscentValidationException>()).Which;
        _mock.Recorder.Sent.Should().BeEmpty("nothing is sent for an invalid request");
        _mock.Server.LogEntries.Should().BeEmpty();
        return ex;
    }

    [Theory]
    [InlineData("https://evil.example/api/v1/content")]
    [InlineData("http://127.0.0.1/x")]
    [InlineData("//evil.example/api")]
    [InlineData("api/v1/content")]
    [InlineData("\\\\evil.example\\x")]
    public async Task An_absolute_url_or_a_path_that_names_another_host_is_refused(string path)
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, path));

        ex.Errors.Should().ContainSingle(e => e.Field == "path");
    }

    [Theory]
    [InlineData("/api/../admin")]
    [InlineData("/api/./x")]
    [InlineData("/api/%2e%2e/admin")]
    [InlineData("/api/%2E./admin")]
    [InlineData("/..")]
    [InlineData("/api//x")]
    public async Task A_path_with_dot_segments_or_empty_segments_is_refused(string path)
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, path));

        ex.Errors.Should().ContainSingle(e => e.Field == "path");
    }

    [Theory]
    [InlineData("/api/x?email=a@b.co")]
    [InlineData("/api/x#frag")]
    [InlineData("/api/x y")]
    [InlineData("/api/ü")]
    [InlineData("/api/x%2")]
    [InlineData("/api/{unclosed")]
    [InlineData("/api/}x")]
    [InlineData("/api/{}")]
    public async Task A_path_with_a_query_a_fragment_or_unencoded_characters_is_refused(string path)
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, path));

        ex.Errors.Should().ContainSingle(e => e.Field == "path");
        ex.Message.Should().NotContain("a@b.co");
    }

    [Fact]
    public async Task A_missing_method_and_path_are_both_listed()
    {
        var ex = await Refused(new ConscentRawRequest());

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo("method", "path");
        ex.Message.Should().Contain("nothing was sent");
    }

    [Fact]
    public async Task A_null_request_is_a_validation_error()
    {
        var ex = await Refused(null);

        ex.Errors.Should().ContainSingle(e => e.Field == "request");
    }

    [Fact]
    public async Task A_dot_path_value_is_refused_even_where_it_would_make_a_dot_dot_segment()
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, "/api/.{x}/y").WithPathParameter("x", "."));

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("pathParameters.x");
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_without_the_values()
    {
        var request = new ConscentRawRequest(new HttpMethod("TRACE"), "/api/{userId}/{other}")
        {
            OperationName = "reader a@b.co",
            SafeToRetry = true,
        };
        request.PathParameters["other"] = "..";
        request.PathParameters["unused"] = "v";
        request.QueryParameters.Add(new("", "x"));
        request.QueryParameters.Add(new("email", null!));
        request.JsonBody = "{not json"u8.ToArray();

        var ex = await Refused(request);

        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            "method", "operationName", "pathParameters.userId", "pathParameters.other", "pathParameters.unused",
            "queryParameters[0].name", "queryParameters[1].value", "jsonBody");
        ex.Message.Should().NotContain("a@b.co");
    }

    [Fact]
    public async Task A_body_on_a_get_is_refused()
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, "/api/x") { JsonBody = "{}"u8.ToArray() });

        ex.Errors.Should().ContainSingle(e => e.Field == "jsonBody");
    }

    [Fact]
    public async Task An_undefined_json_element_body_is_refused()
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Post, "/api/x").WithJsonBody(default(JsonElement)));

        ex.Errors.Should().ContainSingle(e => e.Field == "jsonBody");
    }

    [Fact]
    public async Task An_undefined_auth_value_is_refused()
    {
        var ex = await Refused(new ConscentRawRequest(HttpMethod.Get, "/api/x") { Auth = (ConscentRawAuth)42 });

        ex.Errors.Should().ContainSingle(e => e.Field == "auth");
    }

    [Theory]
    [InlineData("/api/v2/a-b_c.d~e/!$&'()*+,;=:@/x%20y/")]
    [InlineData("/")]
    public async Task Path_characters_and_a_trailing_slash_are_accepted_and_sent_as_written(string path)
    {
        using var client = _mock.Client();

        await client.SendAsync(new ConscentRawRequest(HttpMethod.Get, path));

        _mock.Recorder.Uris.Single().Should().Be(_mock.BaseAddress.AbsoluteUri.TrimEnd('/') + path);
    }

    [Fact]
    public void Safe_to_retry_defaults_to_get_and_head_only()
    {
        new ConscentRawRequest(HttpMethod.Get, "/x").IsSafeToRetry.Should().BeTrue();
        new ConscentRawRequest(HttpMethod.Head, "/x").IsSafeToRetry.Should().BeTrue();
        new ConscentRawRequest(HttpMethod.Post, "/x").IsSafeToRetry.Should().BeFalse();
        new ConscentRawRequest(HttpMethod.Put, "/x").IsSafeToRetry.Should().BeFalse();
        new ConscentRawRequest(HttpMethod.Delete, "/x").IsSafeToRetry.Should().BeFalse();
        new ConscentRawRequest(new HttpMethod("PATCH"), "/x").IsSafeToRetry.Should().BeFalse();
        new ConscentRawRequest(HttpMethod.Post, "/x") { SafeToRetry = true }.IsSafeToRetry.Should().BeTrue();
        new ConscentRawRequest(HttpMethod.Get, "/x") { SafeToRetry = false }.IsSafeToRetry.Should().BeFalse();
    }

    [Fact]
    public void The_request_describes_itself_without_values()
    {
        var request = new ConscentRawRequest(HttpMethod.Get, "/api/users/{id}").WithPathParameter("id", "reader@example.com").WithQuery("phone", "9847598673");

        request.ToString().Should().Be("GET /api/users/{id}");
    }
}
