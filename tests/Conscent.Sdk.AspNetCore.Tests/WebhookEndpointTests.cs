using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Tests.Webhooks;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>End to end through a real Kestrel host and HttpClient.</summary>
public class WebhookEndpointTests
{
    private const string Path = "/webhooks/subscription-payment";

    private static string Sign(string value) => JwtVectors.Sign("{\"alg\":\"HS256\"}", value, WebhookHost.ApiSecret);

    private static Task<WebhookHost> StartSubscriptionPayment(ConcurrentQueue<SubscriptionPaymentWebhook> received, Action<ConscentWebhookOptions>? configure = null, Func<SubscriptionPaymentWebhook, Task>? behaviour = null, Action<IServiceCollection>? services = null) =>
        WebhookHost.StartAsync(app => app.MapConscentWebhook<SubscriptionPaymentWebhook>(Path, async (p, ct) =>
        {
            received.Enqueue(p);
            if (behaviour is not null) await behaviour(p);
        }), configure, services);

    private static async Task AssertEmpty(HttpResponseMessage response) => (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

    /// <summary>A refusal after Basic auth: a text/plain body that is exactly the reason's name, nothing from the request.</summary>
    private static async Task AssertReason(HttpResponseMessage response, string reason)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be(reason);
    }

    [Fact]
    public async Task Valid_delivery_is_200_and_the_handler_gets_the_parsed_payload()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);

        using var response = await host.PostAsync(Path, Samples.Text("webhook-subscription-payment.json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await AssertEmpty(response);
        var payload = received.Should().ContainSingle().Subject;
        payload.PurchaseId.Should().Be("4932228982489248928208024");
        payload.RenewedSubscriptionDetails!.AutoRenew.Should().Be("ACTIVE");
        var handled = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2100).Subject;
        handled.Message.Should().Contain("SubscriptionPaymentWebhook").And.MatchRegex(@"handler [0-9.]+ ms", "the log gives the handler's time");
        handled.StructuredState!.Select(p => p.Key).Should().BeEquivalentTo(new[] { "WebhookType", "HandlerMs", "{OriginalFormat}" },
            "payload type and timing only: nothing that identifies a reader");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic RDZXN1Y4US1NTkc0V1lDLVFYOUJQMkItOEU3QjZLRzp3cm9uZw==")]
    [InlineData("Basic not-base64")]
    public async Task Unauthorized_is_401_with_no_detail_and_the_handler_is_not_called(string? authorization)
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);

        using var response = await host.PostAsync(Path, Samples.Text("webhook-subscription-payment.json"), authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertEmpty(response);
        response.Headers.WwwAuthenticate.Should().BeEmpty("no detail is given to a caller that is not ConsCent");
        received.Should().BeEmpty();
        var log = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2101).Subject;
        log.Message.Should().NotContain(WebhookHost.ApiSecret).And.NotContain(WebhookHost.ApiKey).And.NotContain("test@email.com");
    }

    [Fact]
    public async Task A_micro_payment_posted_to_the_subscription_url_is_400_before_the_handler_and_logged_without_personal_data()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);

        using var response = await host.PostAsync(Path, Samples.Text("webhook-micro-payment.json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertReason(response, nameof(WebhookPayloadError.WrongWebhookType));
        received.Should().BeEmpty("a ₹1 article purchase must not reach the subscription handler");
        var log = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2102).Subject;
        log.Message.Should().Contain("WrongWebhookType");
        var sample = Samples.Node("webhook-micro-payment.json");
        log.Message.Should().NotContain(sample["userPhoneNumber"]!.GetValue<string>()).And.NotContain(sample["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_handler_takes_services_from_dependency_injection_like_MapPost()
    {
        var store = new PaymentStore();
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentWebhook(Path, async (SubscriptionPaymentWebhook p, PaymentStore s, RequestScoped scoped, CancellationToken ct) =>
            {
                await Task.Yield();
                s.Add(p.PurchaseId!, scoped.Id);
            }),
            services: services => services.AddSingleton(store).AddScoped<RequestScoped>());

        using var first = await host.PostAsync(Path, Samples.Text("webhook-subscription-payment.json"));
        var other = Samples.Node("webhook-subscription-payment.json");
        other["purchaseId"] = "another-purchase";
        using var second = await host.PostAsync(Path, other.ToJsonString());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        store.Purchases.Keys.Should().BeEquivalentTo(new[] { "4932228982489248928208024", "another-purchase" });
        store.Purchases.Values.Distinct().Should().HaveCount(2, "scoped services come from each request's own scope");
    }

    [Fact]
    public async Task A_handler_asking_for_an_unregistered_service_fails_at_startup()
    {
        var start = () => WebhookHost.StartAsync(app => app.MapConscentWebhook(Path, (SubscriptionPaymentWebhook p, PaymentStore s, CancellationToken ct) => Task.CompletedTask));

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*PaymentStore*not registered*");
    }

    public sealed class PaymentStore
    {
        public ConcurrentDictionary<string, Guid> Purchases { get; } = new();

        public void Add(string purchaseId, Guid scope) => Purchases[purchaseId] = scope;
    }

    public sealed class RequestScoped
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    [Theory]
    [InlineData("{\"_id\": \"abc\"", nameof(WebhookPayloadError.InvalidJson))]
    [InlineData("not json", nameof(WebhookPayloadError.InvalidJson))]
    [InlineData("", nameof(WebhookPayloadError.EmptyBody))]
    [InlineData("[]", nameof(WebhookPayloadError.InvalidJson))]
    [InlineData("{\"price\": {\"wrong\": 1}}", nameof(WebhookPayloadError.UnexpectedShape))]
    public async Task Malformed_body_is_400_naming_only_the_payload_error(string body, string reason)
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);

        using var response = await host.PostAsync(Path, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertReason(response, reason);
        received.Should().BeEmpty();
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 2102 && r.Message.Contains(reason));
    }

    [Fact]
    public async Task Non_utf8_body_is_400()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);
        using var response = await host.PostAsync(Path, new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await AssertReason(response, nameof(WebhookPayloadError.InvalidUtf8));
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 2102 && r.Message.Contains("InvalidUtf8"));
    }

    [Fact]
    public async Task Unauthorized_is_checked_before_the_body()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);
        using var response = await host.PostAsync(Path, "not json", authorization: null);
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Oversized_body_is_413_by_content_length()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);
        var body = new byte[256 * 1024 + 1];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        using var response = await host.PostAsync(Path, body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        received.Should().BeEmpty();
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 2103);
    }

    [Fact]
    public async Task Oversized_body_is_413_when_chunked()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received, o => o.MaxBodyBytes = 1024);
        var text = Samples.Text("webhook-subscription-payment.json");
        Encoding.UTF8.GetByteCount(text).Should().BeGreaterThan(1024);

        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(text))) };
        request.Headers.TryAddWithoutValidation("Authorization", WebhookHost.Authorization);
        request.Headers.TransferEncodingChunked = true;
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        received.Should().BeEmpty();
    }

    [Fact]
    public async Task Body_at_the_limit_is_accepted_when_chunked()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        var text = Samples.Text("webhook-subscription-payment.json");
        var size = Encoding.UTF8.GetByteCount(text);
        await using var host = await StartSubscriptionPayment(received, o => o.MaxBodyBytes = size);

        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(text))) };
        request.Headers.TryAddWithoutValidation("Authorization", WebhookHost.Authorization);
        request.Headers.TransferEncodingChunked = true;
        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().ContainSingle();
    }

    [Fact]
    public async Task Handler_throws_is_500_without_the_exception_message_and_a_redelivery_is_handled()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        var calls = 0;
        await using var host = await StartSubscriptionPayment(received, behaviour: p =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("db down for " + p.UserEmail) : Task.CompletedTask);
        var body = Samples.Text("webhook-subscription-payment.json");

        using var first = await host.PostAsync(Path, body);
        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        await AssertEmpty(first);
        var failure = host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2105).Subject;
        failure.Message.Should().Contain("InvalidOperationException").And.NotContain("test@email.com").And.NotContain("db down")
            .And.MatchRegex(@"after [0-9.]+ ms", "the log gives how long the handler ran");
        failure.Exception.Should().BeNull();

        using var second = await host.PostAsync(Path, body);
        second.StatusCode.Should().Be(HttpStatusCode.OK, "a failed delivery is not remembered as handled");
        calls.Should().Be(2);
    }

    [Fact]
    public async Task Duplicate_delivery_is_handled_once()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);
        var body = Samples.Text("webhook-subscription-payment.json");

        using var first = await host.PostAsync(Path, body);
        using var second = await host.PostAsync(Path, body);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK, "ConsCent must not keep retrying a delivery already handled");
        received.Should().ContainSingle();
        host.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 2104);

        var node = Samples.Node("webhook-subscription-payment.json");
        node["renewalId"] = "next-renewal";
        using var renewal = await host.PostAsync(Path, node.ToJsonString());
        renewal.StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().HaveCount(2, "the next renewal of the same purchase is a new delivery");
    }

    [Fact]
    public async Task Concurrent_duplicates_are_handled_once()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received, behaviour: _ => Task.Delay(50));
        var body = Samples.Text("webhook-subscription-payment.json");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.PostAsync(Path, body)));

        // One copy runs the handler; one that arrives while it runs is told to come back (never 2xx before it succeeded).
        received.Should().ContainSingle();
        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        responses.Select(r => r.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).Should().OnlyContain(r => r.Headers.RetryAfter!.Delta == TimeSpan.FromSeconds(5));

        // ConsCent redelivers those: now they are duplicates of a handled delivery.
        foreach (var retry in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            (await host.PostAsync(Path, body)).StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().ContainSingle();
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Deduplication_can_be_turned_off()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received, o => o.DeduplicateDeliveries = false);
        var body = Samples.Text("webhook-subscription-payment.json");
        (await host.PostAsync(Path, body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(Path, body)).StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().HaveCount(2);
    }

    [Fact]
    public async Task Distributed_cache_deduplicator_handles_a_duplicate_once()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received, services: s =>
        {
            s.AddDistributedMemoryCache();
            s.AddConscentWebhookDistributedDeduplication();
        });
        host.Services.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType<DistributedCacheWebhookDeduplicator>();
        var body = Samples.Text("webhook-subscription-payment.json");

        (await host.PostAsync(Path, body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync(Path, body)).StatusCode.Should().Be(HttpStatusCode.OK);

        received.Should().ContainSingle();
        var cache = host.Services.GetRequiredService<Microsoft.Extensions.Caching.Distributed.IDistributedCache>();
        (await cache.GetAsync("conscent:webhook:SubscriptionPaymentWebhook:4932228982489248928208024/61efb40a672c7f15840e803c")).Should().NotBeNull();
    }

    [Fact]
    public async Task Get_is_not_a_webhook()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received);
        using var response = await host.Client.GetAsync(Path);
        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Success_status_can_be_204()
    {
        var received = new ConcurrentQueue<SubscriptionPaymentWebhook>();
        await using var host = await StartSubscriptionPayment(received, o => o.SuccessStatusCode = 204);
        using var response = await host.PostAsync(Path, Samples.Text("webhook-subscription-payment.json"));
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    // ---- every webhook at its own URL ----

    [Fact]
    public async Task Every_webhook_at_its_own_url_is_200_with_its_payload_type()
    {
        var received = new ConcurrentQueue<object>();
        Task Take(object p) { received.Enqueue(p); return Task.CompletedTask; }
        await using var host = await WebhookHost.StartAsync(app =>
        {
            app.MapConscentWebhook<SignUpWebhook>("/conscent/sign-up", (p, _) => Take(p));
            app.MapConscentWebhook<LoginWebhook>("/conscent/login", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionPaymentWebhook>("/conscent/subscription-payment", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionCancelledWebhook>("/conscent/subscription-cancelled", (p, _) => Take(p));
            app.MapConscentWebhook<PassPaymentWebhook>("/conscent/pass-payment", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionBundlePaymentWebhook>("/conscent/subscription-bundle-payment", (p, _) => Take(p));
            app.MapConscentWebhook<ReviewSubscriptionWebhook>("/conscent/review-subscription", (p, _) => Take(p));
            app.MapConscentWebhook<MicroPaymentWebhook>("/conscent/micro-payment", (p, _) => Take(p));
        });

        // The docs' Sign Up/Login/Review samples carry placeholder or foreign-secret hashes: sign them with this secret.
        string Resigned(string file)
        {
            var node = Samples.Node(file);
            if (node["hashedEmail"] is not null) node["hashedEmail"] = Sign((string)node["email"]!);
            if (node["hashedPhoneNumber"] is not null) node["hashedPhoneNumber"] = Sign((string)node["phoneNumber"]!);
            return node.ToJsonString();
        }

        var cases = new (string Url, string File, Type Type)[]
        {
            ("/conscent/sign-up", "webhook-sign-up.json", typeof(SignUpWebhook)),
            ("/conscent/login", "webhook-login.json", typeof(LoginWebhook)),
            ("/conscent/subscription-payment", "webhook-subscription-payment.json", typeof(SubscriptionPaymentWebhook)),
            ("/conscent/subscription-cancelled", "webhook-subscription-cancelled.json", typeof(SubscriptionCancelledWebhook)),
            ("/conscent/pass-payment", "webhook-pass-payment.json", typeof(PassPaymentWebhook)),
            ("/conscent/subscription-bundle-payment", "webhook-subscription-bundle-payment.json", typeof(SubscriptionBundlePaymentWebhook)),
            ("/conscent/review-subscription", "webhook-review-subscription.json", typeof(ReviewSubscriptionWebhook)),
            ("/conscent/micro-payment", "webhook-micro-payment.json", typeof(MicroPaymentWebhook)),
        };
        foreach (var (url, file, type) in cases)
        {
            using var response = await host.PostAsync(url, Resigned(file));
            response.StatusCode.Should().Be(HttpStatusCode.OK, file);
            received.Last().Should().BeOfType(type);
        }
        received.Should().HaveCount(8);
        received.OfType<ReviewSubscriptionWebhook>().Single().Username.Should().Be("9847598673");
        received.OfType<SubscriptionBundlePaymentWebhook>().Single().SubscriptionsDetail![1].Price.Should().Be(269.00m);

        var logs = host.Logs.GetSnapshot();
        logs.Where(r => r.Id.Id == 2100).Should().HaveCount(8);
        foreach (var record in logs)
        {
            record.Message.Should().NotContain("@").And.NotContain("9818329028").And.NotContain("9847598673").And.NotContain(WebhookHost.ApiSecret);
        }
    }

    [Fact]
    public async Task Every_docs_sample_posted_to_another_webhooks_url_is_400_with_the_body_WrongWebhookType()
    {
        var handled = 0;
        Task Take(object _) { Interlocked.Increment(ref handled); return Task.CompletedTask; }
        await using var host = await WebhookHost.StartAsync(app =>
        {
            app.MapConscentWebhook<SignUpWebhook>("/sign-up", (p, _) => Take(p));
            app.MapConscentWebhook<LoginWebhook>("/login", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionPaymentWebhook>("/subscription-payment", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionCancelledWebhook>("/subscription-cancelled", (p, _) => Take(p));
            app.MapConscentWebhook<PassPaymentWebhook>("/pass-payment", (p, _) => Take(p));
            app.MapConscentWebhook<SubscriptionBundlePaymentWebhook>("/subscription-bundle-payment", (p, _) => Take(p));
            app.MapConscentWebhook<ReviewSubscriptionWebhook>("/review-subscription", (p, _) => Take(p));
            app.MapConscentWebhook<MicroPaymentWebhook>("/micro-payment", (p, _) => Take(p));
        });
        var names = new[] { "sign-up", "login", "subscription-payment", "subscription-cancelled", "pass-payment", "subscription-bundle-payment", "review-subscription", "micro-payment" };
        var users = new[] { "sign-up", "login" };

        var misrouted = 0;
        foreach (var sample in names)
        {
            foreach (var url in names)
            {
                // Sign Up and Login have the same shape: only their URLs tell them apart (docs/rulings.md).
                if (url == sample || (users.Contains(url) && users.Contains(sample))) continue;
                using var response = await host.PostAsync("/" + url, Samples.Text($"webhook-{sample}.json"));
                response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"the {sample} sample at the {url} URL");
                await AssertReason(response, nameof(WebhookPayloadError.WrongWebhookType));
                misrouted++;
            }
        }

        misrouted.Should().Be(8 * 7 - 2);
        handled.Should().Be(0, "no handler sees a delivery meant for another URL");
    }

    [Theory]
    [InlineData("webhook-sign-up.json")]
    [InlineData("webhook-login.json")]
    public async Task Sign_up_sample_placeholder_hashes_are_401_unless_allowed(string file)
    {
        var received = new ConcurrentQueue<SignUpWebhook>();
        await using (var strict = await WebhookHost.StartAsync(app => app.MapConscentWebhook<SignUpWebhook>("/s", (p, _) => { received.Enqueue(p); return Task.CompletedTask; })))
        {
            using var response = await strict.PostAsync("/s", Samples.Text(file));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            await AssertReason(response, nameof(WebhookVerificationFailure.NotAToken));
            strict.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 2101 && r.Message.Contains("NotAToken"));
            received.Should().BeEmpty();
        }

        await using var lenient = await WebhookHost.StartAsync(
            app => app.MapConscentWebhook<SignUpWebhook>("/s", (p, _) => { received.Enqueue(p); return Task.CompletedTask; }),
            o => o.AllowPlaceholderHashes = true);
        using var ok = await lenient.PostAsync("/s", Samples.Text(file));
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().ContainSingle();

        // Lenient about placeholders, never about forged tokens.
        var node = Samples.Node(file);
        node["hashedPhoneNumber"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "9818329028", "another publisher's secret");
        using var forged = await lenient.PostAsync("/s", node.ToJsonString());
        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Review_subscription_docs_token_is_foreign_401_and_mismatched_phone_401()
    {
        var received = new ConcurrentQueue<ReviewSubscriptionWebhook>();
        await using var host = await WebhookHost.StartAsync(app => app.MapConscentWebhook<ReviewSubscriptionWebhook>("/r", (p, _) => { received.Enqueue(p); return Task.CompletedTask; }));

        using var docs = await host.PostAsync("/r", Samples.Text("webhook-review-subscription.json"));
        docs.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the docs' token is signed with a secret that is not ours");
        await AssertReason(docs, nameof(WebhookVerificationFailure.BadSignature));
        host.Logs.GetSnapshot().Should().Contain(r => r.Id.Id == 2101 && r.Message.Contains("BadSignature"));

        var node = Samples.Node("webhook-review-subscription.json");
        node["hashedPhoneNumber"] = Sign("9000000000");
        using var mismatch = await host.PostAsync("/r", node.ToJsonString());
        mismatch.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await AssertReason(mismatch, nameof(WebhookVerificationFailure.IdentityMismatch));
        (await mismatch.Content.ReadAsStringAsync()).Should().NotContain("9847598673", "the body never echoes the reader's phone number");
        received.Should().BeEmpty();
    }

    [Fact]
    public async Task Hashed_identifier_check_can_be_turned_off()
    {
        var received = new ConcurrentQueue<ReviewSubscriptionWebhook>();
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentWebhook<ReviewSubscriptionWebhook>("/r", (p, _) => { received.Enqueue(p); return Task.CompletedTask; }),
            o => o.VerifyHashedIdentifiers = false);
        using var response = await host.PostAsync("/r", Samples.Text("webhook-review-subscription.json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var unauthorized = await host.PostAsync("/r", Samples.Text("webhook-review-subscription.json"), authorization: null);
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "Basic auth is always checked");
    }

    [Fact]
    public async Task HttpContext_overload_gives_request_services()
    {
        var seen = new ConcurrentQueue<string>();
        await using var host = await WebhookHost.StartAsync(app => app.MapConscentWebhook<PassPaymentWebhook>("/p", async (p, http, ct) =>
        {
            seen.Enqueue(http.RequestServices.GetRequiredService<IConscentClient>().GetType().Name + "|" + p.PassTitle + "|" + http.Request.Path);
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            await Task.CompletedTask;
        }));
        using var response = await host.PostAsync("/p", Samples.Text("webhook-pass-payment.json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the endpoint sets the success status after the handler");
        seen.Should().ContainSingle().Which.Should().Be("ConscentClient|qwe|/p");
    }

    [Fact]
    public async Task Mapping_without_AddConscentWebhooks_fails_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();
        var act = () => app.MapConscentWebhook<MicroPaymentWebhook>("/m", (_, _) => Task.CompletedTask);
        act.Should().Throw<InvalidOperationException>().WithMessage("*AddConscentWebhooks*");
    }

    [Fact]
    public async Task Mapping_without_credentials_fails_at_startup_without_values()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddConscentWebhooks();
        await using var app = builder.Build();
        var act = () => app.MapConscentWebhook<MicroPaymentWebhook>("/m", (_, _) => Task.CompletedTask);
        act.Should().Throw<InvalidOperationException>().WithMessage("*ApiSecret*");
    }

    [Fact]
    public async Task Explicit_webhook_credentials_win_over_ConscentOptions()
    {
        var received = new ConcurrentQueue<MicroPaymentWebhook>();
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentWebhook<MicroPaymentWebhook>("/m", (p, _) => { received.Enqueue(p); return Task.CompletedTask; }),
            o => { o.ApiKey = "hook-key"; o.ApiSecret = "hook-secret"; });
        var body = Samples.Text("webhook-micro-payment.json");
        (await host.PostAsync("/m", body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.PostAsync("/m", body, "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hook-key:hook-secret")))).StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().ContainSingle().Which.PaywallId.Should().Be("6435427bb0658c70abe7d18d");
        new ConscentWebhookOptions { ApiSecret = "hook-secret" }.ToString().Should().NotContain("hook-secret");
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public NonSeekableStream(byte[] data) : base(data) { }

        public override bool CanSeek => false;
    }
}
