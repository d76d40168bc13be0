using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E21: the loyalty user-event endpoint on its own host, with X-API-KEY and no Basic auth (docs/rulings.md#loyalty-host-path-id-and-key).</summary>
public sealed class LoyaltyContractTests : ContractTestBase
{

    private static LoyaltyUserEvent SampleEvent()
    {
        var sample = Samples.Node("loyalty-user-event.request.json");
        return new LoyaltyUserEvent(LoyaltyEventTypes.OrderPlaced, sample["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task E21_loyalty_user_event_posts_the_docs_sample_with_api_key_header_and_no_basic_auth()
    {
        Respond("POST", AnyPath, "{\"status\":\"ok\",\"points\":10}");
        using var client = Client();

        var result = await client.Loyalty.PostUserEventAsync(SampleEvent());

        var log = SingleRequest();
        log.Method.Should().Be("POST");
        log.AbsolutePath.Should().Be($"/reward/{MockServer.ClientId}/api/user_event", "the partner id defaults to the client id");
        log.RawQuery.Should().BeNullOrEmpty();
        log.Headers!["X-API-KEY"].Single().Should().Be(MockServer.ApiKey, "the loyalty key defaults to the API key");
        log.Headers.Keys.Should().NotContain(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase));
        log.Headers["Content-Type"].Single().Should().StartWith("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(log.Body!), Samples.Node("loyalty-user-event.request.json")).Should().BeTrue(log.Body);

        result.StatusCode.Should().Be(HttpStatusCode.OK);
        result.Text.Should().Be("{\"status\":\"ok\",\"points\":10}");
        result.IsJson.Should().BeTrue();
        result.Json!.Value.GetProperty("status").GetString().Should().Be("ok");
        result.Json.Value.GetProperty("points").GetInt32().Should().Be(10);
    }

    [Fact]
    public async Task E21_loyalty_user_event_uses_the_separate_loyalty_key_and_partner_id_from_options()
    {
        Respond("POST", AnyPath, "OK", contentType: "text/plain");
        using var client = Client(o =>
        {
            o.Loyalty.ApiKey = "loyalty-key-123";
            o.Loyalty.PartnerId = "partner 7/a";
        });

        await client.Loyalty.PostUserEventAsync(SampleEvent());

        var log = Mock.Server.LogEntries.Single().RequestMessage!;
        log.Headers!["X-API-KEY"].Single().Should().Be("loyalty-key-123");
        log.Headers.Keys.Should().NotContain(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase));
        Recorder.Uris.Single().Should().Be(Base + "/reward/partner%207%2Fa/api/user_event",
            "the partner id is one percent-encoded path segment");
    }

    [Fact]
    public async Task E21_loyalty_user_event_goes_to_the_loyalty_host_not_the_api_host()
    {
        using var apiHost = new MockServer();
        Respond("POST", AnyPath, "OK", contentType: "text/plain");
        using var client = Client(o => o.BaseAddress = apiHost.BaseAddress);

        await client.Loyalty.PostUserEventAsync(SampleEvent());

        Mock.Server.LogEntries.Should().ContainSingle();
        apiHost.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public void E21_loyalty_user_event_default_host_is_conscent_club()
    {
        ConscentOptions.DefaultLoyaltyBaseAddress.Should().Be(new Uri("https://api.conscent.club"));
    }

    [Fact]
    public async Task E21_loyalty_user_event_plain_text_answer_is_text_without_json()
    {
        Respond("POST", AnyPath, "Event recorded", contentType: "text/plain");
        using var client = Client();

        var result = await client.Loyalty.PostUserEventAsync(SampleEvent());

        result.Text.Should().Be("Event recorded");
        result.Json.Should().BeNull();
        result.IsJson.Should().BeFalse();
        result.ToString().Should().Contain("200").And.NotContain("Event recorded");
    }

    [Fact]
    public async Task E21_loyalty_user_event_json_answer_served_as_text_plain_is_still_parsed()
    {
        Respond("POST", AnyPath, "[1,2]", contentType: "text/plain");
        using var client = Client();

        var result = await client.Loyalty.PostUserEventAsync(SampleEvent());

        result.Json!.Value.ValueKind.Should().Be(JsonValueKind.Array);
        result.Json.Value.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task E21_loyalty_user_event_empty_answer_is_empty_text()
    {
        Mock.Server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        using var client = Client();

        var result = await client.Loyalty.PostUserEventAsync(SampleEvent());

        result.StatusCode.Should().Be(HttpStatusCode.NoContent);
        result.Text.Should().BeEmpty();
        result.Json.Should().BeNull();
    }

    [Fact]
    public async Task E21_loyalty_user_event_sends_extra_event_fields_as_given()
    {
        Respond("POST", AnyPath, "oK", contentType: "text/plain");
        using var client = Client();
        var userEvent = SampleEvent();
        userEvent.AdditionalProperties = new System.Collections.Generic.Dictionary<string, JsonElement>
        {
            ["orderValue"] = JsonDocument.Parse("249.5").RootElement,
        };

        await client.Loyalty.PostUserEventAsync(userEvent);

        var expected = Samples.Node("loyalty-user-event.request.json").AsObject();
        expected["orderValue"] = 249.5;
        JsonNode.DeepEquals(JsonNode.Parse(Mock.Server.LogEntries.Single().RequestMessage!.Body!), expected).Should().BeTrue();
    }

    [Fact]
    public async Task E21_loyalty_user_event_requires_a_partner_id_and_sends_nothing()
    {
        using var client = Client(o =>
        {
            o.ClientId = null;
            o.RequireClientId = false;
            o.Loyalty.PartnerId = null;
        });

        var ex = (await FluentActions.Awaiting(() => client.Loyalty.PostUserEventAsync(SampleEvent())).Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle(e => e.Field == "partnerId");
        ex.Message.Should().Contain("PartnerId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E21_loyalty_user_event_partner_id_from_loyalty_options_is_enough_without_client_id()
    {
        Respond("POST", AnyPath, "OK", contentType: "text/plain");
        using var client = Client(o =>
        {
            o.ClientId = null;
            o.RequireClientId = false;
            o.Loyalty.PartnerId = "p-1";
        });

        await client.Loyalty.PostUserEventAsync(SampleEvent());

        Mock.Server.LogEntries.Single().RequestMessage!.AbsolutePath.Should().Be("/reward/p-1/api/user_event");
    }

    [Theory]
    [InlineData(null, "u1", "eventType")]
    [InlineData("ORDER_PLACED", null, "userId")]
    [InlineData(" ", "u1", "eventType")]
    public async Task E21_loyalty_user_event_requires_event_type_and_user_id_and_sends_nothing(string? eventType, string? userId, string field)
    {
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Loyalty.PostUserEventAsync(new LoyaltyUserEvent { EventType = eventType, UserId = userId }))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
        ex.Message.Should().Contain(field);
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E21_loyalty_user_event_null_event_is_a_validation_error()
    {
        using var client = Client();
        await FluentActions.Awaiting(() => client.Loyalty.PostUserEventAsync(null!)).Should().ThrowAsync<ConscentValidationException>();
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    [InlineData(403, typeof(ConscentAuthenticationException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(500, typeof(ConscentServerException))]
    public async Task E21_loyalty_user_event_error_statuses_give_typed_exceptions(int status, Type expected)
    {
        Respond("POST", AnyPath, "{\"message\":\"Invalid API key\"}", status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Loyalty.PostUserEventAsync(SampleEvent())).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ((int)ex.StatusCode).Should().Be(status);
        ex.ServerMessage.Should().Be("Invalid API key");
        ex.PathTemplate.Should().Be("/reward/{partnerId}/api/user_event");
        ex.Message.Should().NotContain(MockServer.ApiKey);
    }
}
