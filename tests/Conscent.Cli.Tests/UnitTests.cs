using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json.Nodes;
using Conscent.Cli.Commands;
using Conscent.Cli.Output;
using Conscent.Cli.Sdk;
using Conscent.Sdk;

namespace Conscent.Cli.Tests;

public sealed class UnitTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new ConscentValidationException([new ConscentValidationError("ContentId", "is required.")]), ExitCodes.Validation },
        { new ConscentBadRequestException("contentId already exists", "POST", "/api/v1/content"), ExitCodes.Api },
        { new ConscentAuthenticationException(HttpStatusCode.Unauthorized, "Unauthorized", "GET", "/x"), ExitCodes.Api },
        { new ConscentNotFoundException(HttpStatusCode.NotFound, "Not found", "GET", "/x"), ExitCodes.Api },
        { new ConscentRateLimitedException("Slow down", "GET", "/x", TimeSpan.FromSeconds(3)), ExitCodes.Api },
        { new ConscentServerException(HttpStatusCode.InternalServerError, "Oops", "GET", "/x"), ExitCodes.Api },
        { new ConscentSerializationException("Unreadable answer", HttpStatusCode.OK, null), ExitCodes.Api },
        { new ConscentNetworkException("Connection refused", null), ExitCodes.Network },
        { new ConscentTimeoutException("Timed out", TimeSpan.FromSeconds(10)), ExitCodes.Network },
        { new ConscentCircuitOpenException("Circuit open", null), ExitCodes.Network },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Every_sdk_failure_has_its_exit_code_and_a_one_line_message_naming_its_type(Exception exception, int exitCode)
    {
        var failure = ConscentApi.Describe(exception);

        failure.Should().NotBeNull();
        failure!.ExitCode.Should().Be(exitCode);
        failure.Message.Should().NotContain("\n");
        if (exception is not ConscentValidationException) failure.Message.Should().StartWith(exception.GetType().Name + ": ");
        else failure.Message.Should().Contain("contentId: is required.");
    }

    [Fact]
    public void Other_exceptions_are_not_sdk_failures() => ConscentApi.Describe(new IOException("disk full")).Should().BeNull();

    [Fact]
    public void Content_validation_uses_the_sdks_rules_without_sending()
    {
        var problems = ConscentApi.ValidateContent(new ContentDraft("bad id", "", "https://a.example/", -1, "RUPEES", "COMIC", null, "An Author", null, null, null));

        problems.Should().Contain(p => p.Field == "contentId").And.Contain(p => p.Field == "title").And.Contain(p => p.Field == "price")
            .And.Contain(p => p.Field == "currency").And.Contain(p => p.Field == "authorId");
        problems.Should().NotContain(p => p.Field == "contentType", "content types are an open set: a kind ConsCent adds tomorrow is sent as is");
        ConscentApi.ValidateContent(new ContentDraft("ok-1", "Title", "https://a.example/", 5, "INR", "STORY", null, null, null, null, null)).Should().BeEmpty();
    }

    [Fact]
    public void Csv_reader_gives_the_line_each_record_starts_on_across_quoted_line_breaks()
    {
        var records = Csv.Read("\uFEFFa,b\r\n1,\"two\nlines\"\n\n3,\"say \"\"hi\"\"\"\n4,x");

        records.Should().HaveCount(5);
        records[0].Line.Should().Be(1);
        records[0].Fields.Should().Equal("a", "b");
        records[1].Line.Should().Be(2);
        records[1].Fields.Should().Equal("1", "two\nlines");
        records[2].IsBlank.Should().BeTrue();
        records[3].Line.Should().Be(5);
        records[3].Fields.Should().Equal("3", "say \"hi\"");
        records[4].Line.Should().Be(6);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("with, comma", "\"with, comma\"")]
    [InlineData("a \"quote\"", "\"a \"\"quote\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("@handle", "'@handle")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_as_needed_and_formulas_are_disarmed(string? value, string expected) => Csv.Field(value).Should().Be(expected);

    [Fact]
    public void Payload_overrides_merge_objects_replace_values_and_null_removes()
    {
        var target = JsonNode.Parse("""{ "a": 1, "b": { "c": 2, "d": 3 }, "e": [1], "f": "x" }""")!.AsObject();

        WebhooksCommand.Merge(target, JsonNode.Parse("""{ "a": 5, "b": { "d": null, "g": 4 }, "e": [2, 3], "f": null, "h": true }""")!.AsObject());

        target.ToJsonString().Should().Be("""{"a":5,"b":{"c":2,"g":4},"e":[2,3],"h":true}""");
    }

    [Fact]
    public void Forged_identifiers_do_not_verify_while_genuine_ones_do()
    {
        var payload = ConscentTestKit.DefaultPayload(WebhookEvent.SignUp, DateTimeOffset.UtcNow).ToJsonString();
        var verifier = new Conscent.Sdk.Webhooks.ConscentWebhookVerifier("key", "secret");

        var genuine = ConscentTestKit.Sign(WebhookEvent.SignUp, payload, "key", "secret");
        verifier.VerifyIdentity(System.Text.Encoding.UTF8.GetBytes(genuine.Body)).IsValid.Should().BeTrue();
        verifier.VerifyAuthorization(genuine.Authorization).IsValid.Should().BeTrue();

        foreach (var forgery in new[] { Forgery.AlgNone, Forgery.Tampered })
        {
            var forged = ConscentTestKit.Forge(WebhookEvent.SignUp, payload, "key", "secret", forgery);
            verifier.VerifyAuthorization(forged.Authorization).IsValid.Should().BeTrue(forgery.ToString());
            verifier.VerifyIdentity(System.Text.Encoding.UTF8.GetBytes(forged.Body)).IsValid.Should().BeFalse(forgery.ToString());
        }
        var wrongSecret = ConscentTestKit.Forge(WebhookEvent.SignUp, payload, "key", "secret", Forgery.WrongSecret);
        verifier.VerifyAuthorization(wrongSecret.Authorization).IsValid.Should().BeFalse();
    }

    [Fact]
    public void The_demo_data_is_the_same_for_the_same_day()
    {
        static List<string> Snapshot()
        {
            using var simulator = Infrastructure.TestSimulator.Demo();
            var items = new List<string>();
            foreach (var p in simulator.Purchases) items.Add($"{p.Type} {p.CreatedAt:O} {p.Price} {p.ClientContentId}");
            foreach (var c in simulator.Consumptions) items.Add($"{c.ContentId} {c.CreatedAt:O}");
            items.Sort(StringComparer.Ordinal);
            return items;
        }

        Snapshot().Should().Equal(Snapshot());
    }
}
