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
    public void EmptyBody_IsEmptyBody(string text)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().Be(WebhookPayloadError.EmptyBody);
        ex.Should().BeAssignableTo<ConscentWebhookException>().And.BeAssignableTo<ConscentException>();
    }

    [Fact]
    public void EmptySpanAndNullString_AreEmptyBody()
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
    public void InvalidJson_IsInvalidJson_AndNeverAJsonException(string text)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().BeOneOf(WebhookPayloadError.InvalidJson, WebhookPayloadError.UnexpectedShape);
        ex.Message.Should().NotContain("secret.reader").And.NotContain("example.com");
    }

    [Fact]
    public void TruncatedSample_IsInvalidJson()
    {
        var text = Samples.Text("webhook-subscription-payment.json");
        Fails(Encoding.UTF8.GetBytes(text.Substring(0, text.Length / 2))).Error.Should().Be(WebhookPayloadError.InvalidJson);
    }

    [Fact]
    public void NonUtf8Bytes_AreInvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"userName\": \"Jos\u00e9\"}");
        var latin1 = Encoding.Latin1.GetBytes("{\"userName\": \"Jos\u00e9\"}");
        latin1.Should().NotEqual(bytes);
        Fails(latin1).Error.Should().Be(WebhookPayloadError.InvalidUtf8);
        Fails(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D }).Error.Should().Be(WebhookPayloadError.InvalidUtf8);
    }

    [Fact]
    public void Utf8Bom_IsAccepted()
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
    public void WrongFieldType_IsUnexpectedShape_NamingThePathNotTheValue(string text, string path)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(text));
        ex.Error.Should().Be(WebhookPayloadError.UnexpectedShape);
        ex.Path.Should().Be(path);
        ex.Message.Should().Contain(path).And.NotContain("one hundred").And.NotContain("yesterday");
    }

    [Fact]
    public void DeeplyNestedBody_IsRejectedNotStackOverflow()
    {
        var text = "{\"x\":" + new string('[', 500) + new string(']', 500) + "}";
        Fails(Encoding.UTF8.GetBytes(text)).Error.Should().BeOneOf(WebhookPayloadError.InvalidJson, WebhookPayloadError.UnexpectedShape);
    }
}
