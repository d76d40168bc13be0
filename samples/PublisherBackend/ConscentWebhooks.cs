using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherBackend;

/// <summary>
/// The eight ConsCent webhooks, one URL each. Register these URLs on the ConsCent dashboard's Webhook page. Each request
/// is verified (Basic auth, signed email/phone), parsed, and checked to be the webhook its URL expects before your
/// handler runs: the payment webhooks by their <c>type</c> (SUBSCRIPTION, PASS, CONTENT), the others by the fields that
/// tell their shapes apart (Sign Up and Login look the same, so only the URL separates them). A failed check answers
/// 401/400 and the handler never sees it. See docs/webhooks.md.
/// </summary>
public static class ConscentWebhookEndpoints
{
    /// <summary>Where the webhooks are mapped.</summary>
    public const string Prefix = "/webhooks/conscent";

    /// <summary>Maps all eight webhooks onto the entitlement store.</summary>
    public static void MapConscentWebhookEndpoints(this WebApplication app)
    {
        var entitlements = app.Services.GetRequiredService<EntitlementStore>();

        app.MapConscentWebhook<SignUpWebhook>($"{Prefix}/sign-up", (p, ct) =>
            Done(p.UserId, id => entitlements.TouchReader(id)));

        app.MapConscentWebhook<LoginWebhook>($"{Prefix}/login", (p, ct) =>
            Done(p.UserId, id => entitlements.TouchReader(id)));

        app.MapConscentWebhook<SubscriptionPaymentWebhook>($"{Prefix}/subscription-payment", (p, ct) =>
            Done(p.UserId, id => entitlements.Grant(id, $"subscription:{p.SubscriptionId}", p.ExpiryDate)));

        app.MapConscentWebhook<SubscriptionCancelledWebhook>($"{Prefix}/subscription-cancelled", (p, ct) =>
            // Cancelling stops renewal; the reader keeps access until the paid period ends.
            Done(p.UserId, id => entitlements.StopRenewal(id, p.LastPurchaseDetails?.SubscriptionId)));

        app.MapConscentWebhook<PassPaymentWebhook>($"{Prefix}/pass-payment", (p, ct) =>
            // ClientContentId is YOUR content id; ContentId is ConsCent's internal one.
            Done(p.UserId, id => entitlements.Grant(id, $"pass:{p.ClientContentId}", p.ExpiryDate)));

        app.MapConscentWebhook<SubscriptionBundlePaymentWebhook>($"{Prefix}/subscription-bundle-payment", (p, ct) =>
            Done(p.UserId, id =>
            {
                foreach (var subscription in p.SubscriptionsDetail ?? [])
                    entitlements.Grant(id, $"bundle:{subscription.Title}", expiresAt: null);
            }));

        app.MapConscentWebhook<ReviewSubscriptionWebhook>($"{Prefix}/review-subscription", (p, ct) =>
            // The reader reached the subscription checkout: nothing to grant yet (a CRM might follow up).
            Done(p.UserId, id => entitlements.TouchReader(id)));

        app.MapConscentWebhook<MicroPaymentWebhook>($"{Prefix}/micro-payment", (p, ct) =>
            Done(p.UserId, id => entitlements.Grant(id, $"content:{p.ClientContentId}", p.ExpiryDate)));
    }

    // A payload without a user id cannot be attributed; acknowledge it (200) so ConsCent does not redeliver forever.
    private static Task Done(string? userId, System.Action<string> update)
    {
        if (!string.IsNullOrEmpty(userId)) update(userId);
        return Task.CompletedTask;
    }
}
