using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// Checks that a parsed body is the webhook its type says it is, so a delivery sent to the wrong URL is refused before
/// any handler sees it (a ₹1 micro-payment posted to the subscription URL must not grant a subscription).
/// The three purchase records say what they are in <c>type</c> (<c>SUBSCRIPTION</c>, <c>PASS</c>, <c>CONTENT</c>); the other
/// payloads are told apart by the fields only they carry. Sign Up and Login have the same documented shape, so they
/// cannot be told apart from each other: map them to different URLs and keep their handlers equally safe.
/// </summary>
internal static class WebhookKind
{
    public static void Check(object payload)
    {
        var problem = payload switch
        {
            SubscriptionPaymentWebhook p => PurchaseType(p.Type, PurchaseTypes.Subscription, p),
            PassPaymentWebhook p => PurchaseType(p.Type, PurchaseTypes.Pass, p),
            MicroPaymentWebhook p => PurchaseType(p.Type, PurchaseTypes.Content, p),
            SubscriptionCancelledWebhook p => p.CancelledSubscriptionDetails is null
                ? Missing("cancelledSubscriptionDetails", p)
                : Foreign(p, "type"),
            SubscriptionBundlePaymentWebhook p => p.SubscriptionsDetail is null
                ? Missing("subscriptionsDetail", p)
                : Foreign(p, "type", "cancelledSubscriptionDetails"),
            ReviewSubscriptionWebhook p => p.SubscriptionDetails is null
                ? Missing("subscriptionDetails", p)
                : Foreign(p, "type", "cancelledSubscriptionDetails", "subscriptionsDetail"),
            UserWebhookPayload p => Foreign(p, "type", "subscriptionDetails", "cancelledSubscriptionDetails", "subscriptionsDetail"),
            _ => null,
        };
        if (problem is not null)
            throw new ConscentWebhookPayloadException(WebhookPayloadError.WrongWebhookType, problem);
    }

    private static string? PurchaseType(string? actual, string expected, ConscentModel payload)
    {
        if (actual is null) return $"The body carries no \"type\"; a {payload.GetType().Name} says \"{expected}\". {Advice}";
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase)) return null;
        return $"The body is a {Describe(actual)} delivery (\"type\": \"{Safe(actual)}\"), not a {payload.GetType().Name} (\"{expected}\"). {Advice}";
    }

    private static string Missing(string field, ConscentModel payload) =>
        $"The body has no \"{field}\", which every {payload.GetType().Name} carries{Hint(payload.AdditionalProperties)}. {Advice}";

    private static string? Foreign(ConscentModel payload, params string[] fields)
    {
        var extra = payload.AdditionalProperties;
        if (extra is null) return null;
        foreach (var field in fields)
        {
            if (extra.ContainsKey(field))
                return $"The body carries \"{field}\", which a {payload.GetType().Name} never does{Hint(extra)}. {Advice}";
        }
        return null;
    }

    /// <summary>Names what the body looks like, when its own <c>type</c> says so.</summary>
    private static string Hint(IDictionary<string, JsonElement>? extra) =>
        extra is not null && extra.TryGetValue("type", out var type) && type.ValueKind == JsonValueKind.String
            ? $"; it looks like a {Describe(type.GetString())} delivery"
            : string.Empty;

    private static string Describe(string? type) => type?.ToUpperInvariant() switch
    {
        PurchaseTypes.Subscription => "subscription payment",
        PurchaseTypes.Pass => "pass payment",
        PurchaseTypes.Content => "micro-payment",
        _ => "different kind of",
    };

    /// <summary>The type is ConsCent's enum value, not personal data; still, echo it only when it is short and plain.</summary>
    private static string Safe(string value)
    {
        if (value.Length > 32) return "…";
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-')) return "…";
        }
        return value;
    }

    private const string Advice = "Check which URL this webhook is configured to post to on the ConsCent dashboard.";
}
