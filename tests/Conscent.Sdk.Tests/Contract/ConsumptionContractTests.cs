using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>E08: consumption validation, and the SDK's verification on top of it.</summary>
public sealed class ConsumptionContractTests : ContractTestBase
{
    private const string ArraySample = "consumption-validate.response.json";
    private const string CallbackSample = "paywall-success-callback.json";

    /// <summary>The consumption id of the docs' validation sample (read from it, not retyped).</summary>
    private static string SampleId => Samples.Node(ArraySample)[0]!["consumptionId"]!.GetValue<string>();

    private static string SampleContentId => Samples.Node(ArraySample)[0]!["payload"]!["contentId"]!.GetValue<string>();

    private static readonly DateTimeOffset SampleCreatedAt = new(2020, 11, 15, 13, 55, 36, 659, TimeSpan.Zero);

    /// <summary>A consumption client on the mock server with a fixed clock.</summary>
    private (ConsumptionClient Client, HttpClient Http) ClientAt(DateTimeOffset now, Action<ConscentOptions>? configure = null)
    {
        var http = new HttpClient(Recorder, disposeHandler: false);
        var pipeline = new ConscentHttpPipeline(http, new ConscentRuntime(Mock.Options(configure)), null);
        return (new ConsumptionClient(pipeline, new FixedTime(now)), http);
    }

    // ---- ValidateAsync ----

    [Fact]
    public async Task E08_validate_consumption_posts_without_credentials_and_reads_the_array_answer()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client();

        var v = await client.Consumption.ValidateAsync(SampleId);

        var sent = Recorder.Sent.Should().ContainSingle().Subject;
        sent.Method.Should().Be("POST");
        sent.Uri.Should().Be(Base + "/api/v1/content/consumption/11c369df-2a30-4a0d-90dc-5a45797dacdd");
        sent.Headers.Should().NotContainKey("authorization", "the docs show no credentials on this endpoint");
        sent.Body.Should().BeNull("the consumption id travels in the path; there is no body");
        var log = Mock.Server.LogEntries.Should().ContainSingle().Subject.RequestMessage!;
        log.Method.Should().Be("POST");
        log.Path.Should().Be("/api/v1/content/consumption/11c369df-2a30-4a0d-90dc-5a45797dacdd");
        log.Headers!.Keys.Should().NotContain(k => string.Equals(k, "Authorization", StringComparison.OrdinalIgnoreCase));

        v.Should().NotBeNull();
        v!.Message.Should().Be("Content Consumption Confirmed");
        v.Payload!.ClientId.Should().Be("5fbb40b07dd98b0e89d90a25");
        v.Payload.ContentId.Should().Be("Client Content Id");
        v.Payload.CreatedAt.Should().Be(SampleCreatedAt);
        v.ConsumptionId.Should().Be("11c369df-2a30-4a0d-90dc-5a45797dacdd");
        v.Signature.Should().Be("4379hrm47mo34m2340cny2rcn487cn209842cr474107nc409c4");
        v.AccessTimeLeft.Should().BeNull();
        v.AdditionalProperties.Should().BeNullOrEmpty();
        v.Payload.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E08_validate_consumption_reads_a_bare_object_answer_like_the_paywall_callback()
    {
        RespondToAnything(Samples.Text(CallbackSample));
        using var client = Client();

        var v = await client.Consumption.ValidateAsync("a0c433af-a413-49e1-9f40-ce1fbd63f568");

        v!.Message.Should().Be("Content Purchased Successfully");
        v.Payload!.ClientId.Should().Be("5fbb40b07dd98b0e89d90a25");
        v.Payload.ContentId.Should().Be("Client Content Id 5");
        v.Payload.CreatedAt.Should().Be(new DateTimeOffset(2020, 12, 29, 5, 51, 31, 116, TimeSpan.Zero));
        v.ConsumptionId.Should().Be("a0c433af-a413-49e1-9f40-ce1fbd63f568");
        v.Signature.Should().Be("74h9xm2479m7x792nxx247998975393x08y9hubrufyfy3348oqpqqpyg78fhfurifr3");
        v.AdditionalProperties.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task E08_validate_consumption_empty_array_means_no_such_consumption()
    {
        RespondToAnything("[]");
        using var client = Client();

        var v = await client.Consumption.ValidateAsync("unknown-id");

        v.Should().BeNull();
        Mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task E08_validate_consumption_keeps_access_time_left_and_unknown_fields()
    {
        var node = Samples.Node(CallbackSample);
        node["accessTimeLeft"] = 86400;
        node["futureField"] = "kept";
        node["payload"]!["amount"] = 5;
        RespondToAnything(node.ToJsonString());
        using var client = Client();

        var v = await client.Consumption.ValidateAsync("a0c433af-a413-49e1-9f40-ce1fbd63f568");

        v!.AccessTimeLeft!.Value.ValueKind.Should().Be(JsonValueKind.Number);
        v.AccessTimeLeft.Value.GetInt32().Should().Be(86400);
        v.AdditionalProperties!["futureField"].GetString().Should().Be("kept");
        v.Payload!.AdditionalProperties!["amount"].GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task E08_validate_consumption_tolerates_missing_fields()
    {
        var node = Samples.Node(ArraySample);
        node[0]!.AsObject().Remove("payload");
        node[0]!.AsObject().Remove("signature");
        RespondToAnything(node.ToJsonString());
        using var client = Client();

        var v = await client.Consumption.ValidateAsync(SampleId);

        v!.ConsumptionId.Should().Be(SampleId);
        v.Payload.Should().BeNull();
        v.Signature.Should().BeNull();
    }

    [Fact]
    public async Task E08_validate_consumption_encodes_the_id_as_one_path_segment()
    {
        RespondToAnything("[]");
        using var client = Client();

        await client.Consumption.ValidateAsync("a b/c?d");

        Recorder.Sent.Should().ContainSingle().Which.Uri.Should().Be(Base + "/api/v1/content/consumption/a%20b%2Fc%3Fd");
    }

    [Fact]
    public async Task E08_validate_consumption_is_not_retried_after_a_500()
    {
        RespondToAnything(ErrorBody("boom"), 500);
        using var client = Client();

        await FluentActions.Awaiting(() => client.Consumption.ValidateAsync(SampleId)).Should().ThrowAsync<ConscentServerException>();

        Mock.Server.LogEntries.Should().ContainSingle("validation may mark the id as used: a POST the server may have processed is never repeated");
    }

    [Theory]
    [InlineData(400, typeof(ConscentBadRequestException))]
    [InlineData(404, typeof(ConscentNotFoundException))]
    [InlineData(401, typeof(ConscentAuthenticationException))]
    public async Task E08_validate_consumption_maps_error_statuses(int status, Type expected)
    {
        RespondToAnything(ErrorBody("Invalid consumption"), status);
        using var client = Client();

        var ex = (await FluentActions.Awaiting(() => client.Consumption.ValidateAsync(SampleId)).Should().ThrowAsync<ConscentApiException>()).Which;

        ex.Should().BeOfType(expected);
        ex.StatusCode.Should().Be((HttpStatusCode)status);
        ex.ServerMessage.Should().Be("Invalid consumption");
    }

    [Fact]
    public async Task E08_validate_consumption_not_json_is_a_serialization_error()
    {
        RespondToAnything("[{\"message\": ");
        using var client = Client();

        await FluentActions.Awaiting(() => client.Consumption.ValidateAsync(SampleId)).Should().ThrowAsync<ConscentSerializationException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public async Task E08_validate_consumption_requires_an_id_and_sends_nothing(string? id)
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Consumption.ValidateAsync(id!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("consumptionId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    // ---- VerifyAsync ----

    [Fact]
    public async Task E08_verify_consumption_accepts_a_matching_recent_consumption()
    {
        RespondToAnything(Samples.Text(ArraySample));
        var (consumption, http) = ClientAt(SampleCreatedAt.AddMinutes(5));
        using var _ = http;

        var result = await consumption.VerifyAsync(SampleId, SampleContentId, TimeSpan.FromMinutes(10));

        result.IsValid.Should().BeTrue();
        result.Mismatches.Should().Be(ConsumptionMismatch.None);
        result.Age.Should().Be(TimeSpan.FromMinutes(5));
        result.Validation!.ConsumptionId.Should().Be(SampleId);
        result.ToString().Should().Be("Valid");
        Recorder.Sent.Should().ContainSingle().Which.Headers.Should().NotContainKey("authorization");
    }

    [Fact]
    public async Task E08_verify_consumption_without_max_age_applies_the_five_minute_default()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client();

        var result = await client.Consumption.VerifyAsync(SampleId, SampleContentId);

        result.Mismatches.Should().Be(ConsumptionMismatch.TooOld, "the 2020 sample is years older than ConsumptionMaxAge (5 minutes by default)");
        result.Age.Should().BePositive();
    }

    [Fact]
    public async Task E08_verify_consumption_with_the_age_check_turned_off_accepts_the_old_sample()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client();

        var result = await client.Consumption.VerifyAsync(SampleId, SampleContentId, System.Threading.Timeout.InfiniteTimeSpan);

        result.IsValid.Should().BeTrue("Timeout.InfiniteTimeSpan turns the age check off explicitly");
    }

    [Fact]
    public async Task E08_verify_consumption_reports_another_content()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client();

        var result = await client.Consumption.VerifyAsync(SampleId, "Client Content Id 5", System.Threading.Timeout.InfiniteTimeSpan);

        result.IsValid.Should().BeFalse();
        result.Mismatches.Should().Be(ConsumptionMismatch.ContentId);
        result.ToString().Should().Be("Invalid: ContentId");
    }

    [Fact]
    public async Task E08_verify_consumption_reports_another_publishers_consumption()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client(o => o.ClientId = "5fbb40b07dd98b0e89d90a26");

        var result = await client.Consumption.VerifyAsync(SampleId, SampleContentId, System.Threading.Timeout.InfiniteTimeSpan);

        result.Mismatches.Should().Be(ConsumptionMismatch.ClientId);
        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task E08_verify_consumption_reports_an_answer_for_another_consumption_id()
    {
        RespondToAnything(Samples.Text(ArraySample));
        using var client = Client();

        var result = await client.Consumption.VerifyAsync("a0c433af-a413-49e1-9f40-ce1fbd63f568", SampleContentId, System.Threading.Timeout.InfiniteTimeSpan);

        result.Mismatches.Should().Be(ConsumptionMismatch.ConsumptionId);
    }

    [Fact]
    public async Task E08_verify_consumption_reports_a_too_old_consumption()
    {
        RespondToAnything(Samples.Text(ArraySample));
        var (consumption, http) = ClientAt(SampleCreatedAt.AddHours(2));
        using var _ = http;

        var result = await consumption.VerifyAsync(SampleId, SampleContentId, TimeSpan.FromHours(1));

        result.Mismatches.Should().Be(ConsumptionMismatch.TooOld);
        result.Age.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task E08_verify_consumption_reports_every_mismatch_at_once()
    {
        var node = Samples.Node(ArraySample);
        node[0]!["payload"]!.AsObject().Remove("createdAt");
        node[0]!["payload"]!["clientId"] = "someone-else";
        RespondToAnything(node.ToJsonString());
        var (consumption, http) = ClientAt(SampleCreatedAt);
        using var _ = http;

        var result = await consumption.VerifyAsync(SampleId, "other content", TimeSpan.FromHours(1));

        result.Mismatches.Should().Be(ConsumptionMismatch.ClientId | ConsumptionMismatch.ContentId | ConsumptionMismatch.CreatedAtMissing);
        result.Age.Should().BeNull();
    }

    [Fact]
    public async Task E08_verify_consumption_empty_answer_is_not_found()
    {
        RespondToAnything("[]");
        using var client = Client();

        var result = await client.Consumption.VerifyAsync(SampleId, SampleContentId, TimeSpan.FromDays(1));

        result.IsValid.Should().BeFalse();
        result.Mismatches.Should().Be(ConsumptionMismatch.NotFound);
        result.Validation.Should().BeNull();
    }

    [Fact]
    public async Task E08_verify_consumption_requires_a_configured_client_id_and_sends_nothing()
    {
        using var client = Client(o => { o.ClientId = null; o.RequireClientId = false; });

        var ex = (await FluentActions.Awaiting(() => client.Consumption.VerifyAsync(SampleId, SampleContentId))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("clientId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task E08_verify_consumption_requires_the_expected_content_id_and_sends_nothing(string? expected)
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Consumption.VerifyAsync(SampleId, expected!)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Should().ContainSingle().Which.Field.Should().Be("expectedContentId");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task E08_verify_consumption_rejects_a_non_positive_max_age_and_an_empty_id_together()
    {
        using var client = Client();

        (await FluentActions.Awaiting(() => client.Consumption.VerifyAsync("", SampleContentId, TimeSpan.Zero)).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("consumptionId", "maxAge");
        Mock.Server.LogEntries.Should().BeEmpty();
    }

    private sealed class FixedTime : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public FixedTime(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
