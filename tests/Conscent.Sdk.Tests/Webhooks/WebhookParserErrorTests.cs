using System;
using System.Text;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Tests.Webhooks;

public class WebhookParserErrorTests
{
    private static ConscentWebhookPayloadException Fails(byte[] body) =>
        FluentActions.Invoking(() => ConscentWebhookParser.Parse<SubscriptionPaymentWebhook>(body))
            .Should().Throw<ConscentWebhookPayloadException>().Which;

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_body_is_empty_body(string text)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().Be(WebhookPayloadError.EmptyBody);
        ex.Should().BeAssignableTo<ConscentWebhookException>().And.BeAssignableTo<ConscentException>();
    }

    [Fact]
    public void Empty_span_and_null_string_are_empty_body()
    {
        FluentActions.Invoking(() => ConscentWebhookParser.Parse<SignUpWebhook>(ReadOnlySpan<byte>.Empty))
            .Should().Throw<ConscentWebhookPayloadException>().Which.Error.Should().Be(WebhookPayloadError.EmptyBody);
        FluentActions.Invoking(() => ConscentWebhookParser.Parse<SignUpWebhook>((string)null!))
            .Should().Throw<ConscentWebhookPayloadException>().Which.Error.Should().Be(WebhookPayloadError.EmptyBody);
    }

    [Theory]
    [InlineData("{\"_id\": \"abc\"")]
    [InlineData("not json at all")]
    [InlineData("{\"userEmail\": \"secret.reader@example.com\",}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public void Invalid_json_is_invalid_json_and_never_a_JsonException(string text)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().BeOneOf(WebhookPayloadError.InvalidJson, WebhookPayloadError.UnexpectedShape);
        ex.Message.Should().NotContain("secret.reader").And.NotContain("example.com");
    }

    [Fact]
    public void Truncated_sample_is_invalid_json()
    {
        var text = Samples.Text("webhook-subscription-payment.json");
        Fails(Encoding.UTF8.GetBytes(text.Substring(0, text.Length / 2))).Error.Should().Be(WebhookPayloadError.InvalidJson);
    }

    [Fact]
    public void Non_utf8_bytes_are_invalid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"userName\": \"Jos\u00e9\"}");
        var latin1 = Encoding.Latin1.GetBytes("{\"userName\": \"Jos\u00e9\"}");
        latin1.Should().NotEqual(bytes);
        Fails(latin1).Error.Should().Be(WebhookPayloadError.InvalidUtf8);
        Fails(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D }).Error.Should().Be(WebhookPayloadError.InvalidUtf8);
    }

    [Fact]
    public void Utf8_bom_is_accepted()
    {
        var body = Encoding.UTF8.GetPreamble().AsSpan().ToArray();
        var json = Encoding.UTF8.GetBytes("{\"_id\":\"b1\",\"type\":\"CONTENT\"}");
        var withBom = new byte[body.Length + json.Length];
        body.CopyTo(withBom, 0);
        json.CopyTo(withBom, body.Length);
        ConscentWebhookParser.Parse<MicroPaymentWebhook>(withBom).Id.Should().Be("b1");
    }

    [Theory]
    [InlineData("{\"price\": {\"oops\": true}}", "$.price")]
    [InlineData("{\"price\": \"one hundred\"}", "$.price")]
    [InlineData("{\"bundle\": \"yes\"}", "$.bundle")]
    [InlineData("{\"location\": [1, 2]}", "$.location")]
    [InlineData("{\"expiryDate\": \"yesterday\"}", "$.expiryDate")]
    public void Wrong_field_type_is_unexpected_shape_naming_the_path_not_the_value(string text, string path)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().Be(WebhookPayloadError.UnexpectedShape);
        ex.Path.Should().Be(path);
        ex.Message.Should().Contain(path).And.NotContain("one hundred").And.NotContain("yesterday");
    }

    [Fact]
    public void Deeply_nested_body_is_rejected_not_stack_overflow()
    {
        var text = "{\"x\":" + new string('[', 500) + new string(']', 500) + "}";
        Fails(Encoding.UTF8.GetBytes(text)).Error.Should().BeOneOf(WebhookPayloadError.InvalidJson, WebhookPayloadError.UnexpectedShape);
    }
}
