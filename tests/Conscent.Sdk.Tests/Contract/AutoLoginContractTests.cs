using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>
/// E20: the auto-login token endpoint, pinned against the docs' sample. The docs name query parameters while ConsCent's
/// mobile SDK sends a JSON body, so the SDK sends both (docs/rulings.md#auto-login-query-or-body).
/// </summary>
public sealed class AutoLoginContractTests : ContractTestBase
{
    private const string Path = "/client/generate-temp-token";

    [Fact]
    public async Task E20_generate_temp_token_posts_email_and_phone_as_query_and_json_body_with_basic_auth()
    {
        RespondWithSample("POST", Path, "generate-temp-token.response.json");
        using var client = Client();

        var response = await client.AutoLogin.GenerateTokenAsync("reader+1@example.com", "+91 8750334265");

        var log = SingleRequest();
        log.Method.Should().Be("POST");
        log.AbsolutePath.Should().Be(Path, "no /api/v1 prefix: the path is used as documented");
        log.RawQuery.Should().Be("?email=reader%2B1%40example.com&phoneNumber=%2B91%208750334265",
            "'+', '@' and space are percent-encoded, never '+' for space");
        log.Query!["email"].Single().Should().Be("reader+1@example.com");
        log.Query["phoneNumber"].Single().Should().Be("+91 8750334265");
        log.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        log.Headers["Content-Type"].Single().Should().StartWith("application/json");
        var body = JsonNode.Parse(log.Body!)!;
        JsonNode.DeepEquals(body, new JsonObject { ["email"] = "reader+1@example.com", ["phoneNumber"] = "+91 8750334265" })
            .Should().BeTrue(log.Body);

        var expected = Samples.Node("generate-temp-token.response.json")["tempAuthToken"]!.GetValue<string>();
        response.TempAuthToken.Should().Be(expected).And.Be("644a2c13ce90df4882d1787a");
        response.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E20_generate_temp_token_email_only_sends_only_email()
    {
        RespondWithSample("POST", Path, "generate-temp-token.response.json");
        using var client = Client();

        await client.AutoLogin.GenerateTokenAsync(new GenerateTempTokenRequest { Email = "bnnnn@gmail.com" });

        var log = Mock.Server.LogEntries.Single().RequestMessage!;
        log.RawQuery.Should().Be("?email=bnnnn%40gmail.com");
        log.Query!.Keys.Should().Equal("email");
        JsonNode.DeepEquals(JsonNode.Parse(log.Body!), new JsonObject { ["email"] = "bnnnn@gmail.com" }).Should().BeTrue(log.Body, "no null phoneNumber in the body");
    }

    [Fact]
    public async Task E20_generate_temp_token_phone_only_sends_only_phone()
    {
        RespondWithSample("POST", Path, "generate-temp-token.response.json");
        using var client = Client();

        await client.AutoLogin.GenerateTokenAsync(email: null, phoneNumber: "8750334265");

        var log = Mock.Server.LogEntries.Single().RequestMessage!;
        log.RawQuery.Should().Be("?phoneNumber=8750334265");
        JsonNode.DeepEquals(JsonNode.Parse(log.Body!), new JsonObject { ["phoneNumber"] = "8750334265" }).Should().BeTrue(log.Body);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", null)]
    public async Task E20_generate_temp_token_requires_email_or_phone_and_sends_nothing(string? email, string? phone)
    {
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.AutoLogin.GenerateTokenAsync(email, phone)).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle(e => e.Field == "email");
        ex.Message.Should().Contain("email").And.Contain("phoneNumber").And.NotContain("PhoneNumber", "fields are named in camelCase, as on the wire");
        ex.Operation.Should().Be("AutoLogin.GenerateToken");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E20_generate_temp_token_null_request_is_a_validation_error()
    {
        using var client = Client();
        (await FluentActions.Awaiting(() => client.AutoLogin.GenerateTokenAsync((GenerateTempTokenRequest)null!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle(e => e.Field == "request");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E20_generate_temp_token_ToString_never_shows_the_token_or_the_reader()
    {
        RespondWithSample("POST", Path, "generate-temp-token.response.json");
        using var client = Client();

        var response = await client.AutoLogin.GenerateTokenAsync("bnnnn@gmail.com", null);

        response.ToString().Should().NotContain("644a2c13ce90df4882d1787a").And.Contain("***");
        new GenerateTempTokenRequest { Email = "bnnnn@gmail.com", PhoneNumber = "8750334265" }.ToString()
            .Should().NotContain("bnnnn").And.NotContain("8750334265");
    }

    [Fact]
    public async Task E20_generate_temp_token_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Respond("POST", Path, "{\"tempAuthToken\":\"t1\",\"expiresIn\":300}");
        using var client = Client();
        var withExtra = await client.AutoLogin.GenerateTokenAsync("a@b.c", null);
        withExtra.TempAuthToken.Should().Be("t1");
        withExtra.AdditionalProperties!["expiresIn"].GetInt32().Should().Be(300);

        Mock.Server.Reset();
        Respond("POST", Path, "{}");
        var empty = await client.AutoLogin.GenerateTokenAsync("a@b.c", null);
        empty.TempAuthToken.Should().BeNull();
        empty.ToString().Should().Contain("(none)");
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(403, typeof(ConscentAuthenticationException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(429, typeof(ConscentRateLimitedException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E20_generate_temp_token_documented_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Respond("POST", Path, "{\"message\":\"User not found\"}", status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.AutoLogin.GenerateTokenAsync("bnnnn@gmail.com", null)).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ((int)ex.StatusCode).Should().Be(status);
        ex.ServerMessage.Should().Be("User not found");
        ex.PathTemplate.Should().Be(Path);
        ex.Message.Should().NotContain("bnnnn", "the reader's email is never repeated in errors");
    }

    [Fact]
    public async Task E20_generate_temp_token_an_empty_body_is_a_serialization_error()
    {
        Mock.Server.Given(Request.Create().WithPath(Path).UsingPost()).RespondWith(Response.Create().WithStatusCode(HttpStatusCode.OK));
        using var client = Client();

        await FluentActions.Awaiting(() => client.AutoLogin.GenerateTokenAsync("a@b.c", null)).Should().ThrowAsync<ConscentSerializationException>();
    }
}
