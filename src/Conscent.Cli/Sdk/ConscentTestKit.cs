using Conscent.Sdk;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;

namespace Conscent.Cli.Sdk;

/// <summary>The eight ConsCent webhooks, by the names the tool (and the sample backend's URLs) use.</summary>
internal enum WebhookEvent
{
    SignUp,
    Login,
    SubscriptionPayment,
    SubscriptionCancelled,
    PassPayment,
    SubscriptionBundlePayment,
    ReviewSubscription,
    MicroPayment,
}

/// <summary>How <c>webhooks trigger --forge</c> spoils a delivery.</summary>
internal enum Forgery
{
    /// <summary>Basic auth and hashed identifiers made with a secret that is not the API secret.</summary>
    WrongSecret,

    /// <summary>Right Basic auth; hashed identifiers replaced by unsigned <c>alg: none</c> tokens.</summary>
    AlgNone,

    /// <summary>Right Basic auth and signatures, then the email (or phone number) changed after signing.</summary>
    Tampered,
}

/// <summary>A delivery ready to post: the body and the <c>Authorization</c> value (never printed).</summary>
internal sealed record WebhookDelivery(string Body, string Authorization);

/// <summary>
/// Everything the tool takes from Conscent.Sdk.Testing (the simulator, its seeding API, the webhook signer and the
/// model factory) and from the SDK's webhook models, in one place, by their public API only.
/// </summary>
internal static class ConscentTestKit
{
    // ---- the simulator --------------------------------------------------------------------------------------------

    /// <summary>A simulator with the docs' public test credentials, on <paramref name="time"/>'s clock.</summary>
    public static ConscentSimulator CreateSimulator(TimeProvider time) => new(new ConscentSimulatorOptions { TimeProvider = time });

    /// <summary>An SDK client that talks to <paramref name="simulator"/> in process.</summary>
    public static ConscentApi Connect(ConscentSimulator simulator) => ConscentApi.Wrap(simulator.CreateClient());

    /// <summary>The simulator's in-process transport, which the Kestrel bridge forwards requests to.</summary>
    public static HttpMessageHandler HandlerOf(ConscentSimulator simulator) => simulator.Handler;

    /// <summary>The simulator's credentials (the public sample values from ConsCent's docs, not an account's).</summary>
    public static (string ApiKey, string ApiSecret, string ClientId) CredentialsOf(ConscentSimulator simulator) =>
        (simulator.Settings.ApiKey, simulator.Settings.ApiSecret, simulator.Settings.ClientId);

    /// <summary>The credentials every simulator the tool starts accepts (<see cref="CredentialsOf"/>'s, before one exists).</summary>
    public static (string ApiKey, string ApiSecret, string ClientId) SimulatorCredentials()
    {
        var defaults = new ConscentSimulatorOptions();
        return (defaults.ApiKey, defaults.ApiSecret, defaults.ClientId);
    }

    /// <summary>What <see cref="SeedDemo"/> put in.</summary>
    internal sealed record DemoSummary(int Content, int Readers, int Purchases, int Subscriptions, int Consumptions, DateOnly FirstDay, DateOnly LastDay);

    /// <summary>The demo content ids (none of them is in samples/scripts/content.sample.csv, so that file imports cleanly).</summary>
    public static readonly IReadOnlyList<(string Id, string Title, string Url, decimal Price)> DemoContent =
    [
        ("demo-cricket-final", "Cricket final: the last over", "https://news.example/sport/cricket-final", 5m),
        ("demo-startup-funding", "Where the startup money went", "https://news.example/business/startup-funding", 3m),
        ("demo-city-floods", "The city after the floods", "https://news.example/city/floods", 2m),
        ("demo-rail-budget", "The rail budget, line by line", "https://news.example/economy/rail-budget", 4m),
        ("demo-ai-jobs", "Which jobs AI changes first", "https://news.example/tech/ai-jobs", 5m),
        ("demo-monsoon-crops", "Monsoon and the kharif crop", "https://news.example/agri/monsoon-crops", 2m),
        ("demo-film-review", "Review: the year's biggest film", "https://news.example/culture/film-review", 1m),
        ("demo-podcast-ep12", "Podcast, episode 12: elections", "https://news.example/audio/podcast-12", 3m),
    ];

    /// <summary>
    /// Demo data over the 30 UTC days before today: content, 24 readers (emails and phone numbers on example
    /// domains and a 9000000 prefix), micropayments, passes, subscriptions and consumptions. Deterministic for a
    /// given day.
    /// </summary>
    public static DemoSummary SeedDemo(ConscentSimulator simulator, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
#pragma warning disable CA5394 // Demo data only: a fixed seed makes it the same on every run.
        var random = new Random(2026);
        foreach (var (id, title, url, price) in DemoContent) simulator.SeedContent(id, title, url, price);

        var readers = new List<SimulatedUser>();
        for (var i = 1; i <= 24; i++)
        {
            var n = i.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            readers.Add(simulator.SeedUser(new SimulatedUser
            {
                Name = "Demo Reader " + n,
                Email = i % 2 == 1 || i % 5 == 0 ? $"reader{n}@example.com" : null,
                PhoneNumber = i % 2 == 0 ? "90000000" + n : null,
                Country = "IN",
            }));
        }

        int purchases = 0, subscriptions = 0, consumptions = 0;
        for (var d = 30; d >= 1; d--)
        {
            var day = new DateTimeOffset(today.AddDays(-d).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            DateTimeOffset At() => day.AddMinutes(random.Next(24 * 60));
            SimulatedUser Reader() => readers[random.Next(readers.Count)];

            for (var k = 4 + random.Next(9); k > 0; k--, consumptions++)
            {
                var content = DemoContent[random.Next(DemoContent.Count)];
                simulator.IssueConsumption(content.Id, createdAt: At());
            }
            for (var k = 1 + random.Next(4); k > 0; k--, purchases++)
            {
                var content = DemoContent[random.Next(DemoContent.Count)];
                var at = At();
                simulator.SeedPurchase(new SimulatedPurchase
                {
                    UserId = Reader().Id, Type = PurchaseTypes.Content, ClientContentId = content.Id, Title = content.Title,
                    Url = content.Url, Price = content.Price, CreatedAt = at, ExpiryDate = at.AddDays(30),
                });
            }
            for (var k = random.Next(3); k > 0; k--, purchases++)
            {
                var weekend = random.Next(2) == 0;
                var at = At();
                simulator.SeedPurchase(new SimulatedPurchase
                {
                    UserId = Reader().Id, Type = PurchaseTypes.Pass, Title = weekend ? "Weekend pass" : "Day pass",
                    Price = weekend ? 49m : 19m, CreatedAt = at, ExpiryDate = at.AddDays(weekend ? 2 : 1),
                });
            }
            if (d % 3 == 0)
            {
                var at = At();
                simulator.SeedSubscription(new SimulatedSubscription
                {
                    UserId = Reader().Id, Title = "Digital monthly", Price = 299m, DurationInMonths = 1, CreatedAt = at, ExpiryDate = at.AddMonths(1),
                });
                subscriptions++;
            }
        }
#pragma warning restore CA5394
        return new DemoSummary(DemoContent.Count, readers.Count, purchases, subscriptions, consumptions, today.AddDays(-30), today.AddDays(-1));
    }

    // ---- webhooks -------------------------------------------------------------------------------------------------

    /// <summary>The tool's names for the events (as in the sample backend's URLs, <c>/webhooks/conscent/{name}</c>).</summary>
    public static readonly IReadOnlyDictionary<string, WebhookEvent> EventNames = new Dictionary<string, WebhookEvent>(StringComparer.Ordinal)
    {
        ["sign-up"] = WebhookEvent.SignUp,
        ["login"] = WebhookEvent.Login,
        ["subscription-payment"] = WebhookEvent.SubscriptionPayment,
        ["subscription-cancelled"] = WebhookEvent.SubscriptionCancelled,
        ["pass-payment"] = WebhookEvent.PassPayment,
        ["subscription-bundle-payment"] = WebhookEvent.SubscriptionBundlePayment,
        ["review-subscription"] = WebhookEvent.ReviewSubscription,
        ["micro-payment"] = WebhookEvent.MicroPayment,
    };

    /// <summary>Sign Up, Login and Review Subscription carry the reader's email/phone with signed copies; the others do not.</summary>
    public static bool CarriesSignedIdentity(WebhookEvent webhook) =>
        webhook is WebhookEvent.SignUp or WebhookEvent.Login or WebhookEvent.ReviewSubscription;

    /// <summary>A typical payload for the event (the model factory's), with a fresh purchase id so it is a new delivery.</summary>
    public static JsonObject DefaultPayload(WebhookEvent webhook, DateTimeOffset now)
    {
        var purchaseId = "cli-" + Guid.NewGuid().ToString("N").Substring(0, 20);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var expiry = at.AddDays(30);
        string json = webhook switch
        {
            WebhookEvent.SignUp => ConscentWebhookParser.Serialize(ConscentModelFactory.SignUpWebhook()),
            WebhookEvent.Login => ConscentWebhookParser.Serialize(ConscentModelFactory.LoginWebhook()),
            WebhookEvent.ReviewSubscription => ConscentWebhookParser.Serialize(ConscentModelFactory.ReviewSubscriptionWebhook()),
            WebhookEvent.SubscriptionPayment => ConscentWebhookParser.Serialize(
                ConscentModelFactory.SubscriptionPaymentWebhook(purchaseId: purchaseId, createdAt: at, expiryDate: expiry)),
            WebhookEvent.SubscriptionCancelled => ConscentWebhookParser.Serialize(ConscentModelFactory.SubscriptionCancelledWebhook(
                cancelledSubscriptionDetails: ConscentModelFactory.CancelledSubscriptionDetails(rzpSubscriptionId: "sub_" + purchaseId),
                lastPurchaseDetails: ConscentModelFactory.SubscriptionPurchaseRecord(purchaseId: purchaseId, createdAt: at, expiryDate: expiry))),
            WebhookEvent.PassPayment => ConscentWebhookParser.Serialize(
                ConscentModelFactory.PassPaymentWebhook(purchaseId: purchaseId, clientContentId: "demo-cricket-final", createdAt: at, expiryDate: at.AddDays(2))),
            WebhookEvent.SubscriptionBundlePayment => ConscentWebhookParser.Serialize(ConscentModelFactory.SubscriptionBundlePaymentWebhook(purchaseId: purchaseId)),
            _ => ConscentWebhookParser.Serialize(
                ConscentModelFactory.MicroPaymentWebhook(purchaseId: purchaseId, clientContentId: "demo-cricket-final", createdAt: at, expiryDate: expiry)),
        };
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>
    /// Reads <paramref name="json"/> as the event's payload, as a receiver would; returns its delivery id (null for
    /// events that have none). Throws <see cref="CliException"/> (validation) when it does not parse.
    /// </summary>
    public static string? DeliveryIdOf(WebhookEvent webhook, string json)
    {
        try
        {
            IConscentWebhookPayload payload = webhook switch
            {
                WebhookEvent.SignUp => ConscentWebhookParser.Parse<SignUpWebhook>(json),
                WebhookEvent.Login => ConscentWebhookParser.Parse<LoginWebhook>(json),
                WebhookEvent.ReviewSubscription => ConscentWebhookParser.Parse<ReviewSubscriptionWebhook>(json),
                WebhookEvent.SubscriptionPayment => ConscentWebhookParser.Parse<SubscriptionPaymentWebhook>(json),
                WebhookEvent.SubscriptionCancelled => ConscentWebhookParser.Parse<SubscriptionCancelledWebhook>(json),
                WebhookEvent.PassPayment => ConscentWebhookParser.Parse<PassPaymentWebhook>(json),
                WebhookEvent.SubscriptionBundlePayment => ConscentWebhookParser.Parse<SubscriptionBundlePaymentWebhook>(json),
                _ => ConscentWebhookParser.Parse<MicroPaymentWebhook>(json),
            };
            return payload.DeliveryId;
        }
        catch (ConscentWebhookPayloadException ex)
        {
            // The parser's message names the JSON path and the problem, not the values.
            throw CliException.Invalid($"the payload is not a valid {webhook} webhook: {ex.Message}");
        }
    }

    /// <summary>A delivery as ConsCent makes it: Basic auth, and the hashed identifiers signed with the API secret.</summary>
    public static WebhookDelivery Sign(WebhookEvent webhook, string json, string apiKey, string apiSecret)
    {
        using var sender = new ConscentWebhookSender(apiKey, apiSecret) { AddMissingHashes = CarriesSignedIdentity(webhook) };
        return new WebhookDelivery(sender.PreparePayload(json), sender.AuthorizationHeaderValue);
    }

    /// <summary>A forged delivery (see <see cref="Forgery"/>). Throws <see cref="CliException"/> when the forgery does not apply.</summary>
    public static WebhookDelivery Forge(WebhookEvent webhook, string json, string apiKey, string apiSecret, Forgery forgery)
    {
        if (forgery == Forgery.WrongSecret)
            return Sign(webhook, json, apiKey, "not-the-api-secret-" + Guid.NewGuid().ToString("N"));

        if (!CarriesSignedIdentity(webhook))
            throw CliException.Usage($"--forge {(forgery == Forgery.AlgNone ? "alg-none" : "tampered")} spoils the signed email/phone, which only " +
                "sign-up, login and review-subscription carry; the other webhooks are authenticated by Basic auth alone (use --forge wrong-secret).");

        var genuine = Sign(webhook, json, apiKey, apiSecret);
        var payload = JsonNode.Parse(genuine.Body)!.AsObject();
        var forged = false;
        foreach (var (hashed, plain) in new[] { ("hashedEmail", "email"), ("hashedPhoneNumber", "phoneNumber") })
        {
            if (payload[hashed] is not JsonValue || payload[plain] is not JsonValue value || value.GetValueKind() != JsonValueKind.String) continue;
            var text = value.GetValue<string>();
            if (text.Length == 0) continue;
            if (forgery == Forgery.AlgNone)
                payload[hashed] = Base64Url("{\"alg\":\"none\"}") + "." + Base64Url(text) + ".";
            else
                payload[plain] = plain == "email" ? "x" + text : text.Substring(0, text.Length - 1) + (text[^1] == '1' ? "2" : "1");
            forged = true;
        }
        if (!forged)
            throw CliException.Invalid("the payload has no email or phone number, so there is no signed identifier to forge.");
        return new WebhookDelivery(payload.ToJsonString(), genuine.Authorization);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
