using System;
using System.Text;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Tests.Webhooks;

/// <summary>Each <c>ParseX(string)</c> reads exactly what its bytes overload reads, and fails the same typed way.</summary>
public class WebhookParserStringOverloadTests
{
    [Theory]
    [InlineData("webhook-sign-up.json")]
    [InlineData("webhook-login.json")]
    [InlineData("webhook-subscription-payment.json")]
    [InlineData("webhook-subscription-cancelled.json")]
    [InlineData("webhook-pass-payment.json")]
    [InlineData("webhook-subscription-bundle-payment.json")]
    [InlineData("webhook-review-subscription.json")]
    [InlineData("webhook-micro-payment.json")]
    public void Each_string_overload_reads_the_docs_sample_as_its_bytes_overload_does_and_refuses_null_or_empty_as_EmptyBody(string file)
    {
        switch (file)
        {
            case "webhook-sign-up.json": Same(file, ConscentWebhookParser.ParseSignUp, b => ConscentWebhookParser.ParseSignUp(b)); break;
            case "webhook-login.json": Same(file, ConscentWebhookParser.ParseLogin, b => ConscentWebhookParser.ParseLogin(b)); break;
            case "webhook-subscription-payment.json": Same(file, ConscentWebhookParser.ParseSubscriptionPayment, b => ConscentWebhookParser.ParseSubscriptionPayment(b)); break;
            case "webhook-subscription-cancelled.json": Same(file, ConscentWebhookParser.ParseSubscriptionCancelled, b => ConscentWebhookParser.ParseSubscriptionCancelled(b)); break;
            case "webhook-pass-payment.json": Same(file, ConscentWebhookParser.ParsePassPayment, b => ConscentWebhookParser.ParsePassPayment(b)); break;
            case "webhook-subscription-bundle-payment.json": Same(file, ConscentWebhookParser.ParseSubscriptionBundlePayment, b => ConscentWebhookParser.ParseSubscriptionBundlePayment(b)); break;
            case "webhook-review-subscription.json": Same(file, ConscentWebhookParser.ParseReviewSubscription, b => ConscentWebhookParser.ParseReviewSubscription(b)); break;
            case "webhook-micro-payment.json": Same(file, ConscentWebhookParser.ParseMicroPayment, b => ConscentWebhookParser.ParseMicroPayment(b)); break;
            default: throw new ArgumentOutOfRangeException(nameof(file));
        }
    }

    private static void Same<T>(string file, Func<string, T> fromString, Func<byte[], T> fromBytes)
        where T : class, IConscentWebhookPayload
    {
        var text = Samples.Text(file);

        var viaString = fromString(text);
        var viaBytes = fromBytes(Encoding.UTF8.GetBytes(text));
        var viaGeneric = ConscentWebhookParser.Parse<T>(text);

        var expected = ConscentWebhookParser.Serialize(viaBytes);
        expected.Length.Should().BeGreaterThan(2, "the sample has fields");
        ConscentWebhookParser.Serialize(viaString).Should().Be(expected, "the string overload reads the same payload");
        ConscentWebhookParser.Serialize(viaGeneric).Should().Be(expected);
        viaString.DeliveryId.Should().Be(viaBytes.DeliveryId);

        foreach (var nothing in new[] { null, "", "  \r\n" })
        {
            FluentActions.Invoking(() => fromString(nothing!))
                .Should().Throw<ConscentWebhookPayloadException>($"\"{nothing ?? "null"}\" is a typed failure, not a NullReferenceException")
                .Which.Error.Should().Be(WebhookPayloadError.EmptyBody);
        }
    }
}
