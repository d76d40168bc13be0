using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;

namespace PublisherBackend.Tests;

public sealed class WebhookTests
{
    // Whole seconds: ConsCent dates travel with millisecond precision.
    private static readonly DateTimeOffset InAMonth = new(DateTimeOffset.UtcNow.AddDays(30).Date, TimeSpan.Zero);

    private static Uri Url(BackendUnderTest backend, string name) => new(backend.Address, $"{ConscentWebhookEndpoints.Prefix}/{name}");

    [Fact]
    public async Task Micro_payment_signed_by_ConsCent_is_200_and_grants_the_article()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        using var sender = backend.Simulator.CreateWebhookSender(backend.Http);
        var payment = new MicroPaymentWebhook { PurchaseId = "p-1", UserId = "reader-1", ClientContentId = "budget-2026", ExpiryDate = InAMonth };

        using var response = await sender.SendAsync(Url(backend, "micro-payment"), payment);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Entitlements.Has("reader-1", "content:budget-2026").Should().BeTrue();
    }

    [Fact]
    public async Task Subscription_payment_then_cancellation_grants_access_and_stops_renewal()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        using var sender = backend.Simulator.CreateWebhookSender(backend.Http);
        var payment = new SubscriptionPaymentWebhook { PurchaseId = "p-2", UserId = "reader-2", SubscriptionId = "digital", ExpiryDate = InAMonth };
        var cancelled = new SubscriptionCancelledWebhook
        {
            UserId = "reader-2",
            CancelledSubscriptionDetails = new CancelledSubscriptionDetails { RzpSubscriptionId = "sub_1", Status = "cancelled" },
            LastPurchaseDetails = new SubscriptionPurchaseRecord { PurchaseId = "p-2", SubscriptionId = "digital" },
        };

        using var paid = await sender.SendAsync(Url(backend, "subscription-payment"), payment);
        using var stopped = await sender.SendAsync(Url(backend, "subscription-cancelled"), cancelled);

        paid.StatusCode.Should().Be(HttpStatusCode.OK);
        stopped.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Entitlements.ActiveFor("reader-2").Should().ContainSingle()
            .Which.Should().Be(new Entitlement("subscription:digital", InAMonth, Renews: false));
    }

    [Fact]
    public async Task Sign_up_with_a_signed_email_is_200_and_records_the_reader()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        using var sender = backend.Simulator.CreateWebhookSender(backend.Http);
        sender.AddMissingHashes = true; // hashedEmail = jwt.sign(email, apiSecret), as ConsCent sends it
        var signUp = new SignUpWebhook { UserId = "reader-3", Email = "reader3@example.com" };

        using var response = await sender.SendAsync(Url(backend, "sign-up"), ConscentWebhookParser.Serialize(signUp));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Entitlements.KnowsReader("reader-3").Should().BeTrue();
    }

    [Fact]
    public async Task Sign_up_with_an_email_signed_by_another_secret_is_401()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        using var sender = backend.Simulator.CreateWebhookSender(backend.Http);
        var signUp = new SignUpWebhook
        {
            UserId = "reader-4",
            Email = "reader4@example.com",
            HashedEmail = ConscentWebhookSender.CreateHashedIdentifier("reader4@example.com", "not-the-api-secret"),
        };
        // PreparePayload would re-sign hashedEmail; post the forged body with the right Basic auth instead.
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(backend, "sign-up"))
        {
            Content = new StringContent(ConscentWebhookParser.Serialize(signUp), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", sender.AuthorizationHeaderValue);

        using var response = await backend.Http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        backend.Entitlements.KnowsReader("reader-4").Should().BeFalse();
    }

    [Fact]
    public async Task Micro_payment_posted_to_the_subscription_url_is_400_and_grants_nothing()
    {
        // Two URLs swapped on the ConsCent dashboard: a ₹1 article purchase must not buy the whole site.
        await using var backend = await BackendUnderTest.StartAsync();
        using var sender = backend.Simulator.CreateWebhookSender(backend.Http);
        var payment = new MicroPaymentWebhook { PurchaseId = "p-9", UserId = "reader-9", ClientContentId = "budget-2026", ExpiryDate = InAMonth, Price = 1 };

        using var response = await sender.SendAsync(Url(backend, "subscription-payment"), ConscentWebhookSender.Complete(payment));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        backend.Entitlements.ActiveFor("reader-9").Should().BeEmpty();
    }

    [Fact]
    public async Task Unsigned_webhook_is_401_and_changes_nothing()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        var payment = new MicroPaymentWebhook { PurchaseId = "p-5", UserId = "reader-5", ClientContentId = "budget-2026", ExpiryDate = InAMonth };

        using var response = await backend.Http.PostAsync(Url(backend, "micro-payment"),
            new StringContent(ConscentWebhookParser.Serialize(payment), Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        backend.Entitlements.ActiveFor("reader-5").Should().BeEmpty();
    }

    [Fact]
    public async Task Webhook_with_someone_elses_credentials_is_401()
    {
        await using var backend = await BackendUnderTest.StartAsync();
        using var impostor = new ConscentWebhookSender("someone", "else", backend.Http);
        var payment = new PassPaymentWebhook { PurchaseId = "p-6", UserId = "reader-6", ClientContentId = "weekend-pass", ExpiryDate = InAMonth };

        using var response = await impostor.SendAsync(Url(backend, "pass-payment"), payment);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        backend.Entitlements.ActiveFor("reader-6").Should().BeEmpty();
    }

    [Theory]
    [InlineData("sign-up")]
    [InlineData("login")]
    [InlineData("subscription-payment")]
    [InlineData("subscription-cancelled")]
    [InlineData("pass-payment")]
    [InlineData("subscription-bundle-payment")]
    [InlineData("review-subscription")]
    [InlineData("micro-payment")]
    public async Task All_eight_webhooks_are_mapped_and_refuse_unsigned_deliveries(string name)
    {
        await using var backend = await BackendUnderTest.StartAsync();

        using var response = await backend.Http.PostAsync(Url(backend, name), new StringContent("{}", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
