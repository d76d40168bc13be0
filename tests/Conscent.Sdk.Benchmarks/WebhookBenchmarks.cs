using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Conscent.Sdk.Benchmarks.Infrastructure;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Benchmarks;

/// <summary>
/// Receiving one webhook: check the Basic credentials, verify the hashed email/phone tokens (HS256 over the raw-string
/// payload) and parse the body, for each of the docs' eight samples (hashed fields re-signed with the bench secret, as
/// ConsCent would send them). Baseline: the same checks written by hand (constant-time header compare, HMAC-SHA256
/// with <see cref="HMACSHA256"/>, <see cref="JsonDocument"/>) without typed models.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private byte[] _body = null!;
    private string _authorization = null!;
    private byte[] _expectedAuthorization = null!;
    private byte[] _secret = null!;
    private ConscentWebhookVerifier _verifier = null!;

    [Params("webhook-sign-up.json", "webhook-login.json", "webhook-subscription-payment.json", "webhook-subscription-cancelled.json",
        "webhook-pass-payment.json", "webhook-subscription-bundle-payment.json", "webhook-review-subscription.json", "webhook-micro-payment.json")]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var options = BenchSetup.SdkOptions(BenchSetup.InMemoryBaseAddress);
        using var sender = new ConscentWebhookSender(options.ApiKey!, options.ApiSecret!);
        _body = Encoding.UTF8.GetBytes(sender.PreparePayload(Encoding.UTF8.GetString(Samples.Bytes(Sample))));
        _authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey + ":" + options.ApiSecret));
        _expectedAuthorization = Encoding.ASCII.GetBytes(_authorization);
        _secret = Encoding.UTF8.GetBytes(options.ApiSecret!);
        _verifier = new ConscentWebhookVerifier(options);
        Verify.Check(Raw(), "the baseline rejected the signed sample");
        Verify.Check(Sdk() is not null, "the SDK rejected the signed sample");
    }

    [Benchmark(Baseline = true)]
    public bool Raw()
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_authorization), _expectedAuthorization)) return false;
        using var document = JsonDocument.Parse(_body);
        var root = document.RootElement;
        return Check(root, "hashedEmail", "email") && Check(root, "hashedPhoneNumber", "phoneNumber");
    }

    private bool Check(JsonElement root, string hashed, string plain)
    {
        if (!root.TryGetProperty(hashed, out var token) || token.ValueKind != JsonValueKind.String) return true;
        var parts = token.GetString()!.Split('.');
        if (parts.Length != 3) return true; // The docs' placeholders are not tokens; the SDK reports them too.
        var signature = HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(signature, Base64Url(parts[2]))) return false;
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1]));
        return root.TryGetProperty(plain, out var value) && value.ToString() == payload;
    }

    private static byte[] Base64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    [Benchmark]
    public object? Sdk()
    {
        var result = _verifier.Verify(_authorization, _body);
        if (!result.IsValid && result.Failure != WebhookVerificationFailure.NotAToken) return null;
        return Sample switch
        {
            "webhook-sign-up.json" => ConscentWebhookParser.ParseSignUp(_body),
            "webhook-login.json" => ConscentWebhookParser.ParseLogin(_body),
            "webhook-subscription-payment.json" => ConscentWebhookParser.ParseSubscriptionPayment(_body),
            "webhook-subscription-cancelled.json" => ConscentWebhookParser.ParseSubscriptionCancelled(_body),
            "webhook-pass-payment.json" => ConscentWebhookParser.ParsePassPayment(_body),
            "webhook-subscription-bundle-payment.json" => ConscentWebhookParser.ParseSubscriptionBundlePayment(_body),
            "webhook-review-subscription.json" => ConscentWebhookParser.ParseReviewSubscription(_body),
            _ => ConscentWebhookParser.ParseMicroPayment(_body),
        };
    }
}
