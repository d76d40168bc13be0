using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Tests.Webhooks;

/// <summary>
/// A delivery posted to the URL of another webhook is refused by the parser, before any handler: every docs sample
/// against every payload type. Only Sign Up and Login share one shape and cannot be told apart.
/// </summary>
public class WebhookKindTests
{
    private static readonly (string File, Func<byte[], object> Parse, string Name)[] Kinds =
    {
        ("webhook-sign-up.json", b => ConscentWebhookParser.ParseSignUp(b), "SignUp"),
        ("webhook-login.json", b => ConscentWebhookParser.ParseLogin(b), "Login"),
        ("webhook-subscription-payment.json", b => ConscentWebhookParser.ParseSubscriptionPayment(b), "SubscriptionPayment"),
        ("webhook-subscription-cancelled.json", b => ConscentWebhookParser.ParseSubscriptionCancelled(b), "SubscriptionCancelled"),
        ("webhook-pass-payment.json", b => ConscentWebhookParser.ParsePassPayment(b), "PassPayment"),
        ("webhook-subscription-bundle-payment.json", b => ConscentWebhookParser.ParseSubscriptionBundlePayment(b), "SubscriptionBundlePayment"),
        ("webhook-review-subscription.json", b => ConscentWebhookParser.ParseReviewSubscription(b), "ReviewSubscription"),
        ("webhook-micro-payment.json", b => ConscentWebhookParser.ParseMicroPayment(b), "MicroPayment"),
    };

    public static IEnumerable<object[]> Pairs()
    {
        for (var body = 0; body < Kinds.Length; body++)
            for (var target = 0; target < Kinds.Length; target++)
                yield return new object[] { body, target };
    }

    private static bool Interchangeable(int a, int b) =>
        a == b || (Kinds[a].Name is "SignUp" or "Login" && Kinds[b].Name is "SignUp" or "Login");

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_sample_parses_only_as_its_own_webhook(int body, int target)
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.Text(Kinds[body].File));
        var parse = () => Kinds[target].Parse(bytes);
        if (Interchangeable(body, target))
        {
            parse.Should().NotThrow();
        }
        else
        {
            parse.Should().Throw<ConscentWebhookPayloadException>()
                .Which.Error.Should().Be(WebhookPayloadError.WrongWebhookType, $"{Kinds[body].Name} posted to the {Kinds[target].Name} URL");
        }
    }

    [Fact]
    public void A_micro_payment_at_the_subscription_url_is_named_in_the_message_without_personal_data()
    {
        var ex = FluentActions.Invoking(() => ConscentWebhookParser.ParseSubscriptionPayment(Samples.Text("webhook-micro-payment.json")))
            .Should().Throw<ConscentWebhookPayloadException>().Which;
        ex.Message.Should().Contain("micro-payment").And.Contain("CONTENT").And.Contain("SubscriptionPaymentWebhook").And.Contain("dashboard");
        var sample = Samples.Node("webhook-micro-payment.json");
        ex.Message.Should().NotContain(sample["userPhoneNumber"]!.GetValue<string>()).And.NotContain(sample["userId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("subscription")]
    [InlineData("Subscription")]
    public void The_type_is_compared_without_case(string type)
    {
        var node = Samples.Node("webhook-subscription-payment.json");
        node["type"] = type;
        ConscentWebhookParser.ParseSubscriptionPayment(node.ToJsonString()).Type.Should().Be(type);
    }

    [Theory]
    [InlineData("webhook-subscription-payment.json")]
    [InlineData("webhook-pass-payment.json")]
    [InlineData("webhook-micro-payment.json")]
    public void A_purchase_record_without_its_type_is_refused(string file)
    {
        var node = Samples.Node(file).AsObject();
        node.Remove("type");
        var kind = Array.Find(Kinds, k => k.File == file);
        FluentActions.Invoking(() => kind.Parse(Encoding.UTF8.GetBytes(node.ToJsonString())))
            .Should().Throw<ConscentWebhookPayloadException>().Which.Error.Should().Be(WebhookPayloadError.WrongWebhookType);
    }

    [Fact]
    public void A_type_that_is_not_a_plain_word_is_not_echoed()
    {
        var node = Samples.Node("webhook-pass-payment.json");
        node["type"] = "me@example.com";
        FluentActions.Invoking(() => ConscentWebhookParser.ParsePassPayment(node.ToJsonString()))
            .Should().Throw<ConscentWebhookPayloadException>().Which.Message.Should().NotContain("me@example.com");
    }
}
