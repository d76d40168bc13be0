using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>The webhook sender: Basic auth, JSON body, and hashed identifiers as HS256 compact JWS over the raw string.</summary>
public sealed class WebhookSenderTests
{
    private const string Key = ConscentSimulatorOptions.DefaultApiKey;
    private const string Secret = ConscentSimulatorOptions.DefaultApiSecret;

    private sealed class Capture : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Seen { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((request, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static bool HmacVerifies(string token, string secret)
    {
        var parts = token.Split('.');
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]));
    }

    [Fact]
    public async Task W7_review_subscription_is_posted_with_basic_auth_and_a_verifiable_raw_string_token()
    {
        var capture = new Capture();
        using var http = new HttpClient(capture);
        using var sender = new ConscentWebhookSender(Key, Secret, http);

        using var response = await sender.SendAsync(new Uri("https://publisher.example/webhooks/review"), Samples.Text("webhook-review-subscription.json"));

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (request, body) = capture.Seen.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.Headers.Authorization!.ToString().Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Key + ":" + Secret)));
        request.Content!.Headers.ContentType!.MediaType.Should().Be("application/json");
        var json = JsonNode.Parse(body)!;
        var token = json["hashedPhoneNumber"]!.GetValue<string>();
        var parts = token.Split('.');
        parts.Should().HaveCount(3);
        Encoding.UTF8.GetString(FromBase64Url(parts[0])).Should().Be("{\"alg\":\"HS256\"}", "the docs' own token has this header");
        Encoding.UTF8.GetString(FromBase64Url(parts[1])).Should().Be("9847598673", "the payload is the raw phone string, not JSON claims");
        HmacVerifies(token, Secret).Should().BeTrue();
        HmacVerifies(token, "another-secret").Should().BeFalse();
        json.AsObject().Remove("hashedPhoneNumber");
        var sample = Samples.Node("webhook-review-subscription.json").AsObject();
        sample.Remove("hashedPhoneNumber");
        JsonNode.DeepEquals(json, sample).Should().BeTrue("nothing but the hash changes");
    }

    [Fact]
    public void W1_sign_up_placeholder_hashes_are_replaced_by_real_tokens_for_email_and_phone()
    {
        using var sender = new ConscentWebhookSender(Key, Secret);

        var json = JsonNode.Parse(sender.PreparePayload(Samples.Text("webhook-sign-up.json")))!;

        var email = json["hashedEmail"]!.GetValue<string>();
        var phone = json["hashedPhoneNumber"]!.GetValue<string>();
        Encoding.UTF8.GetString(FromBase64Url(email.Split('.')[1])).Should().Be(json["email"]!.GetValue<string>());
        Encoding.UTF8.GetString(FromBase64Url(phone.Split('.')[1])).Should().Be(json["phoneNumber"]!.GetValue<string>());
        HmacVerifies(email, Secret).Should().BeTrue();
        HmacVerifies(phone, Secret).Should().BeTrue();
    }

    [Fact]
    public void W8_micro_payment_gets_no_hash_unless_asked()
    {
        using var sender = new ConscentWebhookSender(Key, Secret);
        var plain = JsonNode.Parse(sender.PreparePayload(Samples.Text("webhook-micro-payment.json")))!;
        plain["hashedPhoneNumber"].Should().BeNull();

        sender.AddMissingHashes = true;
        var hashed = JsonNode.Parse(sender.PreparePayload(Samples.Text("webhook-micro-payment.json")))!;
        var token = hashed["hashedPhoneNumber"]!.GetValue<string>();
        Encoding.UTF8.GetString(FromBase64Url(token.Split('.')[1])).Should().Be(hashed["userPhoneNumber"]!.GetValue<string>());
    }

    [Fact]
    public void Create_hashed_identifier_with_typ_has_the_jwt_header_and_still_verifies()
    {
        var token = ConscentWebhookSender.CreateHashedIdentifier("a@b.com", Secret, includeTypHeader: true);

        Encoding.UTF8.GetString(FromBase64Url(token.Split('.')[0])).Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        token.Should().NotContain("=").And.NotContain("+").And.NotContain("/");
        HmacVerifies(token, Secret).Should().BeTrue();
    }

    [Fact]
    public async Task Simulator_sender_posts_over_real_http()
    {
        await using var receiver = new ConscentSimulator();
        await receiver.StartServerAsync();
        using var sim = new ConscentSimulator();
        using var sender = sim.CreateWebhookSender();

        // The receiving simulator has no webhook route: it records the delivery and answers 404, which proves the POST arrived.
        using var response = await sender.SendAsync(new Uri(receiver.ServerAddress!, "webhooks/login"), Samples.Node("webhook-login.json"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var seen = receiver.Requests.Single();
        seen.Method.Should().Be("POST");
        seen.Path.Should().Be("/webhooks/login");
        seen.Auth.Should().Be(SimulatedAuth.ValidBasic);
        JsonNode.Parse(seen.Body!)!["hashedEmail"]!.GetValue<string>().Split('.').Should().HaveCount(3);
    }
}
