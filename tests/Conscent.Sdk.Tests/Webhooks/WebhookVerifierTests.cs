using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Tests.Webhooks;

public class WebhookVerifierTests
{
    // The decodable Basic example in the Authentication section of ConsCent's docs: base64 of "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG:T4SGJ9…6KG".
    private const string ApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";
    private const string ApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG";
    private const string DocsAuthorization = "Basic RDZXN1Y4US1NTkc0V1lDLVFYOUJQMkItOEU3QjZLRzpUNFNHSjlISDQ3TVpRWkdTWkVGVjZYUk5TS1E4RDZXN1Y4UU1ORzRXWUNRWDlCUDJCOEU3QjZLRw==";
    private const string DocsToken = "eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY";

    private static readonly ConscentWebhookVerifier Verifier = new(new ConscentOptions { ApiKey = ApiKey, ApiSecret = ApiSecret });

    private static string Basic(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));

    private static void NoSecrets(WebhookVerificationResult r, params string[] values)
    {
        foreach (var text in new[] { r.Message, r.ToString() })
        {
            text.Should().NotContain(ApiSecret).And.NotContain(ApiKey);
            foreach (var v in values) text.Should().NotContain(v);
        }
    }

    // ---- Authorization: Basic ----

    [Fact]
    public void Authorization_docs_example_header_is_valid()
    {
        Verifier.VerifyAuthorization(DocsAuthorization).IsValid.Should().BeTrue();
        Verifier.VerifyAuthorization(Basic(ApiKey + ":" + ApiSecret)).Failure.Should().Be(WebhookVerificationFailure.None);
        Verifier.VerifyAuthorization("basic " + DocsAuthorization.Substring(6)).IsValid.Should().BeTrue("the scheme is case-insensitive");
        Verifier.VerifyAuthorization("  " + DocsAuthorization + "  ").IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Authorization_missing(string? header)
    {
        var r = Verifier.VerifyAuthorization(header);
        r.IsValid.Should().BeFalse();
        r.Failure.Should().Be(WebhookVerificationFailure.MissingAuthorization);
        r.Field.Should().Be("Authorization");
    }

    [Theory]
    [InlineData("Bearer RDZXN1Y4US1NTkc0V1lDLVFYOUJQMkItOEU3QjZLRw==")]
    [InlineData("Digest username=x")]
    [InlineData("RDZXN1Y4US1NTkc0V1lDLVFYOUJQMkItOEU3QjZLRw==")]
    public void Authorization_wrong_scheme(string header) =>
        Verifier.VerifyAuthorization(header).Failure.Should().Be(WebhookVerificationFailure.WrongScheme);

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic ")]
    public void Authorization_garbage_is_wrong_credentials(string header) =>
        Verifier.VerifyAuthorization(header).Failure.Should().Be(WebhookVerificationFailure.WrongCredentials);

    [Theory]
    [InlineData(ApiKey + ":wrong-secret")]
    [InlineData("other-key:" + ApiSecret)]
    [InlineData(ApiKey + ":" + ApiSecret + "x")]
    [InlineData(ApiKey + ":" + "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6K")]
    [InlineData(ApiSecret + ":" + ApiKey)]
    [InlineData(ApiKey)]
    public void Authorization_wrong_credentials(string userPass)
    {
        var r = Verifier.VerifyAuthorization(Basic(userPass));
        r.Failure.Should().Be(WebhookVerificationFailure.WrongCredentials);
        NoSecrets(r);
    }

    [Fact]
    public void Authorization_other_docs_credentials_are_rejected()
    {
        // The docs' second decodable header belongs to another publisher.
        Verifier.VerifyAuthorization("Basic WTE3UkdRSy1RMlQ0UEo5LU4zWVNSWEotRFNSNERZTTpQUkVTVDdTRTZSTUNXWVBaNjRZQzdXUlA2UEpEWTE3UkdRS1EyVDRQSjlOM1lTUlhKRFNSNERZTQ==")
            .Failure.Should().Be(WebhookVerificationFailure.WrongCredentials);
    }

    // ---- hashed identifiers: Node jsonwebtoken vectors ----

    [Theory]
    [MemberData(nameof(JwtVectors.Names), MemberType = typeof(JwtVectors))]
    public void Node_jsonwebtoken_vector(string name)
    {
        var v = JwtVectors.Named(name);
        var verifier = new ConscentWebhookVerifier("any-key", v.Secret);
        var r = v.Field == "hashedEmail" ? verifier.VerifyHashedEmail(v.Token, v.Plain) : verifier.VerifyHashedPhoneNumber(v.Token, v.Plain);
        (r.IsValid ? "Valid" : r.Failure.ToString()).Should().Be(v.Expected, r.ToString());
        if (!r.IsValid) r.Field.Should().Be(v.Field);
        NoSecrets(r, v.Plain, v.Token);
    }

    [Fact]
    public void Node_vectors_cover_raw_string_and_object_payloads()
    {
        JwtVectors.Vectors.Where(v => v.Expected == "Valid").Select(v => v.PayloadForm).Distinct().Should().BeEquivalentTo("string", "object");
        JwtVectors.Vectors.Should().Contain(v => v.Plain.Contains('+') && v.Expected == "Valid");
        JwtVectors.Vectors.Should().Contain(v => v.Plain.StartsWith("+91", StringComparison.Ordinal) && v.Expected == "Valid");
        JwtVectors.Vectors.Should().Contain(v => v.Plain.Any(c => c > 127) && v.Expected == "Valid");
    }

    [Fact]
    public void Node_vectors_with_another_secret_are_bad_signature()
    {
        var wrong = new ConscentWebhookVerifier("k", "not-the-secret");
        foreach (var v in JwtVectors.Vectors.Where(v => v.Expected == "Valid"))
        {
            var r = v.Field == "hashedEmail" ? wrong.VerifyHashedEmail(v.Token, v.Plain) : wrong.VerifyHashedPhoneNumber(v.Token, v.Plain);
            r.Failure.Should().Be(WebhookVerificationFailure.BadSignature, v.Name);
        }
    }

    [Fact]
    public void Node_vectors_against_another_plain_value_are_identity_mismatch()
    {
        foreach (var v in JwtVectors.Vectors.Where(v => v.Expected == "Valid"))
        {
            var verifier = new ConscentWebhookVerifier("k", v.Secret);
            var other = v.Plain + "x";
            var r = v.Field == "hashedEmail" ? verifier.VerifyHashedEmail(v.Token, other) : verifier.VerifyHashedPhoneNumber(v.Token, other);
            r.Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch, v.Name);
            (v.Field == "hashedEmail" ? verifier.VerifyHashedEmail(v.Token, null) : verifier.VerifyHashedPhoneNumber(v.Token, null))
                .Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch, "a token with no plain value to compare proves nothing");
        }
    }

    [Fact]
    public void Tampered_payload_is_bad_signature()
    {
        var v = JwtVectors.Named("[s0] string phone 9847598673");
        var parts = v.Token.Split('.');
        var forged = parts[0] + "." + JwtVectors.B64Url("9999999999") + "." + parts[2];
        new ConscentWebhookVerifier("k", v.Secret).VerifyHashedPhoneNumber(forged, "9999999999").Failure.Should().Be(WebhookVerificationFailure.BadSignature);
    }

    [Fact]
    public void Tampered_signature_is_bad_signature()
    {
        var v = JwtVectors.Named("[s0] string email test-email@webhook.com");
        var verifier = new ConscentWebhookVerifier("k", v.Secret);
        var parts = v.Token.Split('.');
        var sig = parts[2].ToCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        verifier.VerifyHashedEmail(parts[0] + "." + parts[1] + "." + new string(sig), v.Plain).Failure.Should().Be(WebhookVerificationFailure.BadSignature);
        verifier.VerifyHashedEmail(parts[0] + "." + parts[1] + "." + parts[2].Substring(0, 20), v.Plain).Failure.Should().Be(WebhookVerificationFailure.BadSignature);
        verifier.VerifyHashedEmail(parts[0] + "." + parts[1] + ".", v.Plain).Failure.Should().Be(WebhookVerificationFailure.BadSignature);
    }

    [Fact]
    public void Alg_none_is_rejected_with_or_without_a_signature()
    {
        var payload = JwtVectors.B64Url("test-email@webhook.com");
        foreach (var header in new[] { "{\"alg\":\"none\"}", "{\"alg\":\"None\"}", "{\"alg\":\"NONE\",\"typ\":\"JWT\"}" })
        {
            var unsigned = JwtVectors.B64Url(header) + "." + payload + ".";
            Verifier.VerifyHashedEmail(unsigned, "test-email@webhook.com").Failure.Should().Be(WebhookVerificationFailure.UnsupportedAlgorithm);
            Verifier.VerifyHashedEmail(JwtVectors.Sign(header, "test-email@webhook.com", ApiSecret), "test-email@webhook.com")
                .Failure.Should().Be(WebhookVerificationFailure.UnsupportedAlgorithm);
        }
    }

    [Theory]
    [InlineData("{\"typ\":\"JWT\"}")]
    [InlineData("{}")]
    [InlineData("{\"alg\":\"hs256\"}")]
    [InlineData("{\"alg\":\"HS512\"}")]
    [InlineData("{\"alg\":\"RS256\"}")]
    [InlineData("{\"alg\":\"ES256\"}")]
    [InlineData("{\"alg\":256}")]
    [InlineData("{\"alg\":null}")]
    public void Header_without_hs256_is_unsupported_algorithm_even_when_hmac_matches(string header) =>
        Verifier.VerifyHashedPhoneNumber(JwtVectors.Sign(header, "9847598673", ApiSecret), "9847598673")
            .Failure.Should().Be(WebhookVerificationFailure.UnsupportedAlgorithm);

    [Fact]
    public void Hs256_with_typ_is_accepted()
    {
        Verifier.VerifyHashedPhoneNumber(JwtVectors.Sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "9847598673", ApiSecret), "9847598673").IsValid.Should().BeTrue();
        Verifier.VerifyHashedPhoneNumber(JwtVectors.Sign("{\"alg\":\"HS256\"}", "9847598673", ApiSecret), "9847598673").IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}")]
    [InlineData("not json")]
    [InlineData("[\"HS256\"]")]
    [InlineData("{\"alg\":\"HS256\"")]
    public void Bad_header_is_malformed_token(string header) =>
        Verifier.VerifyHashedPhoneNumber(JwtVectors.Sign(header, "9847598673", ApiSecret), "9847598673")
            .Failure.Should().Be(WebhookVerificationFailure.MalformedToken);

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw==.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.OTg0NzU5O+Y3Mw.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw.7tvT8abeu sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.O.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY")]
    public void Invalid_base64_url_is_malformed_token(string token) =>
        Verifier.VerifyHashedPhoneNumber(token, "9847598673").Failure.Should().Be(WebhookVerificationFailure.MalformedToken);

    [Theory]
    [InlineData("7942mey829mxe1238z2ym9zy39my29zy2z9dy24793msy29z2z")]
    [InlineData("8392mx30mx2mu8034x02mx802ry2480nyd249yx420xfn20w4y04xm2024")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData(".b.c")]
    [InlineData("")]
    public void Placeholders_are_not_a_token_never_a_crash(string token)
    {
        var r = Verifier.VerifyHashedEmail(token, "test-email@webhook.com");
        r.Failure.Should().Be(WebhookVerificationFailure.NotAToken);
        NoSecrets(r, "test-email");
    }

    [Fact]
    public void Object_payload_exp_and_nbf_are_honoured()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var verifier = new ConscentWebhookVerifier(ApiKey, ApiSecret) { UtcNow = () => now };
        string Token(string claims) => JwtVectors.Sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims, ApiSecret);
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"exp\":1800000100}"), "a@b.c").IsValid.Should().BeTrue();
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"exp\":1799999000}"), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.TokenExpired);
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"exp\":1799999990}"), "a@b.c").IsValid.Should().BeTrue("one minute of clock skew");
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"nbf\":1800001000}"), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.TokenNotYetValid);
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"nbf\":1799999000}"), "a@b.c").IsValid.Should().BeTrue();
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"exp\":1e400}"), "a@b.c").Failure.Should().BeOneOf(WebhookVerificationFailure.None, WebhookVerificationFailure.MalformedToken);
        verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\",\"exp\":\"soon\"}"), "a@b.c").IsValid.Should().BeTrue("a non-numeric exp is not a time limit");
        verifier.VerifyHashedEmail(JwtVectors.Sign("{\"alg\":\"HS256\"}", "{\"email\":\"a@b.c\"", ApiSecret), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.MalformedToken);
    }

    [Fact]
    public void Object_payload_claim_choice()
    {
        string Token(string claims) => JwtVectors.Sign("{\"alg\":\"HS256\"}", claims, ApiSecret);
        Verifier.VerifyHashedPhoneNumber(Token("{\"phoneNumber\":9847598673}"), "9847598673").IsValid.Should().BeTrue("a numeric claim compares by its digits");
        Verifier.VerifyHashedPhoneNumber(Token("{\"phone\":\"9847598673\"}"), "9847598673").IsValid.Should().BeTrue();
        Verifier.VerifyHashedEmail(Token("{\"sub\":\"a@b.c\"}"), "a@b.c").IsValid.Should().BeTrue();
        Verifier.VerifyHashedEmail(Token("{\"data\":\"x@y.z\",\"email\":\"a@b.c\"}"), "a@b.c").IsValid.Should().BeTrue("email outranks data");
        Verifier.VerifyHashedEmail(Token("{\"phoneNumber\":\"a@b.c\"}"), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch, "an email is not read from a phone claim");
        Verifier.VerifyHashedEmail(Token("{\"email\":\"A@B.C\"}"), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch, "comparison is ordinal");
        Verifier.VerifyHashedEmail(Token("{\"email\":\"a@b.c\""), "a@b.c").Failure.Should().Be(WebhookVerificationFailure.MalformedToken);
    }

    // ---- the docs' Review Subscription token ----

    [Fact]
    public void Docs_token_decodes_to_raw_string_payload_as_node_makes_it()
    {
        var parts = DocsToken.Split('.');
        Encoding.UTF8.GetString(JwtVectors.FromB64Url(parts[0])).Should().Be("{\"alg\":\"HS256\"}");
        Encoding.UTF8.GetString(JwtVectors.FromB64Url(parts[1])).Should().Be("9847598673");
        JwtVectors.FromB64Url(parts[2]).Should().HaveCount(32);
        var node = JwtVectors.Named("docs review subscription sample");
        node.Token.Should().Be(DocsToken);
        node.NodeSameValue!.Split('.').Take(2).Should().Equal(parts.Take(2), "jwt.sign(string, secret) produces the docs' header and payload");
        new ConscentWebhookVerifier("k", node.Secret).VerifyHashedPhoneNumber(node.NodeSameValue, "9847598673").IsValid.Should().BeTrue();
    }

    [Fact]
    public void Docs_token_with_the_docs_secrets_is_bad_signature_not_malformed()
    {
        foreach (var secret in JwtVectors.Vectors.Select(v => v.Secret).Distinct())
            new ConscentWebhookVerifier("k", secret).VerifyHashedPhoneNumber(DocsToken, "9847598673").Failure.Should().Be(WebhookVerificationFailure.BadSignature);
    }

    // ---- whole bodies ----

    [Fact]
    public void Review_subscription_sample_body_is_bad_signature_but_valid_when_signed_with_our_secret()
    {
        var sample = Samples.Text("webhook-review-subscription.json");
        var r = Verifier.Verify(DocsAuthorization, Encoding.UTF8.GetBytes(sample));
        r.Failure.Should().Be(WebhookVerificationFailure.BadSignature);
        r.Field.Should().Be("hashedPhoneNumber");

        var node = Samples.Node("webhook-review-subscription.json");
        node["hashedPhoneNumber"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "9847598673", ApiSecret);
        var body = Encoding.UTF8.GetBytes(node.ToJsonString());
        Verifier.Verify(DocsAuthorization, body).IsValid.Should().BeTrue();
        var typed = Verifier.VerifyAndParse<ReviewSubscriptionWebhook>(DocsAuthorization, body);
        typed.PhoneNumber.Should().Be("9847598673");
        Verifier.VerifyIdentity(typed).IsValid.Should().BeTrue();

        node["phoneNumber"] = "9000000000";
        Verifier.Verify(DocsAuthorization, Encoding.UTF8.GetBytes(node.ToJsonString())).Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch);
    }

    [Theory]
    [InlineData("webhook-sign-up.json")]
    [InlineData("webhook-login.json")]
    public void Sign_up_and_login_samples_placeholder_hashes_are_not_a_token(string file)
    {
        var body = Encoding.UTF8.GetBytes(Samples.Text(file));
        var r = Verifier.Verify(DocsAuthorization, body);
        r.Failure.Should().Be(WebhookVerificationFailure.NotAToken);
        r.Field.Should().Be("hashedEmail");
        NoSecrets(r, "test-email@webhook.com", "9818329028", "7942mey829");
        var typed = ConscentWebhookParser.ParseSignUp(body);
        Verifier.VerifyIdentity(typed).Failure.Should().Be(WebhookVerificationFailure.NotAToken);
        FluentActions.Invoking(() => Verifier.VerifyAndParse<LoginWebhook>(DocsAuthorization, body))
            .Should().Throw<ConscentWebhookVerificationException>().Which.Failure.Should().Be(WebhookVerificationFailure.NotAToken);
    }

    [Fact]
    public void Sign_up_body_with_both_tokens_from_node_is_valid_and_each_is_checked()
    {
        var node = Samples.Node("webhook-sign-up.json");
        node["hashedEmail"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "test-email@webhook.com", ApiSecret);
        node["hashedPhoneNumber"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "9818329028", ApiSecret);
        Verifier.Verify(DocsAuthorization, Encoding.UTF8.GetBytes(node.ToJsonString())).IsValid.Should().BeTrue();

        node["hashedPhoneNumber"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "9818329028", "another secret");
        var r = Verifier.Verify(DocsAuthorization, Encoding.UTF8.GetBytes(node.ToJsonString()));
        r.Failure.Should().Be(WebhookVerificationFailure.BadSignature);
        r.Field.Should().Be("hashedPhoneNumber");

        node.AsObject().Remove("hashedPhoneNumber");
        Verifier.Verify(DocsAuthorization, Encoding.UTF8.GetBytes(node.ToJsonString())).IsValid.Should().BeTrue("only the identifiers present are checked (the docs promise one, their samples carry both)");
    }

    [Theory]
    [InlineData("webhook-subscription-payment.json")]
    [InlineData("webhook-subscription-cancelled.json")]
    [InlineData("webhook-pass-payment.json")]
    [InlineData("webhook-subscription-bundle-payment.json")]
    [InlineData("webhook-micro-payment.json")]
    public void Purchase_samples_have_no_hashes_so_only_authorization_decides(string file)
    {
        var body = Encoding.UTF8.GetBytes(Samples.Text(file));
        Verifier.Verify(DocsAuthorization, body).IsValid.Should().BeTrue();
        Verifier.Verify(null, body).Failure.Should().Be(WebhookVerificationFailure.MissingAuthorization);
        Verifier.Verify(Basic(ApiKey + ":nope"), body).Failure.Should().Be(WebhookVerificationFailure.WrongCredentials);
    }

    [Fact]
    public void Body_non_string_hash_is_not_a_token_and_broken_body_is_malformed_body()
    {
        Verifier.VerifyIdentity(Encoding.UTF8.GetBytes("{\"hashedPhoneNumber\": 12345, \"phoneNumber\": \"1\"}")).Failure.Should().Be(WebhookVerificationFailure.NotAToken);
        Verifier.VerifyIdentity(Encoding.UTF8.GetBytes("{\"hashedEmail\": {\"a\":1}}")).Failure.Should().Be(WebhookVerificationFailure.NotAToken);
        Verifier.VerifyIdentity(Encoding.UTF8.GetBytes("{\"hashedEmail\": null}")).IsValid.Should().BeTrue();
        Verifier.VerifyIdentity(Encoding.UTF8.GetBytes("{\"hashedEmail\": ")).Failure.Should().Be(WebhookVerificationFailure.MalformedBody);
        Verifier.VerifyIdentity(new byte[] { 0x7B, 0xFF, 0x7D }).Failure.Should().Be(WebhookVerificationFailure.MalformedBody);
        Verifier.VerifyIdentity(ReadOnlySpan<byte>.Empty).Failure.Should().Be(WebhookVerificationFailure.MalformedBody);
    }

    [Fact]
    public void Body_falls_back_to_user_email_and_user_phone_number()
    {
        var body = new JsonObject
        {
            ["userPhoneNumber"] = "+919876543210",
            ["hashedPhoneNumber"] = JwtVectors.Sign("{\"alg\":\"HS256\"}", "+919876543210", ApiSecret),
        }.ToJsonString();
        Verifier.VerifyIdentity(Encoding.UTF8.GetBytes(body)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Verify_or_throw_throws_typed_exception_without_secrets()
    {
        var body = Encoding.UTF8.GetBytes(Samples.Text("webhook-pass-payment.json"));
        Verifier.Invoking(v => v.VerifyOrThrow(DocsAuthorization, body)).Should().NotThrow();
        var ex = Verifier.Invoking(v => v.VerifyOrThrow(Basic(ApiKey + ":" + ApiSecret + "1"), body))
            .Should().Throw<ConscentWebhookVerificationException>().Which;
        ex.Failure.Should().Be(WebhookVerificationFailure.WrongCredentials);
        ex.Field.Should().Be("Authorization");
        ex.Should().BeAssignableTo<ConscentWebhookException>();
        ex.ToString().Should().NotContain(ApiSecret).And.NotContain(ApiKey);
    }

    [Fact]
    public void Verify_and_parse_rejects_unauthorized_before_reading_the_body()
    {
        FluentActions.Invoking(() => Verifier.VerifyAndParse<MicroPaymentWebhook>("Bearer x", Encoding.UTF8.GetBytes("not json")))
            .Should().Throw<ConscentWebhookVerificationException>().Which.Failure.Should().Be(WebhookVerificationFailure.WrongScheme);
        FluentActions.Invoking(() => Verifier.VerifyAndParse<MicroPaymentWebhook>(DocsAuthorization, Encoding.UTF8.GetBytes("not json")))
            .Should().Throw<ConscentWebhookPayloadException>().Which.Error.Should().Be(WebhookPayloadError.InvalidJson);
        Verifier.VerifyAndParse<MicroPaymentWebhook>(DocsAuthorization, Encoding.UTF8.GetBytes(Samples.Text("webhook-micro-payment.json")))
            .ClientContentId.Should().Be("Client-Story-Id-4");
    }

    [Fact]
    public void Construction_requires_key_and_secret_and_never_shows_them()
    {
        FluentActions.Invoking(() => new ConscentWebhookVerifier(new ConscentOptions { ApiKey = "k" }))
            .Should().Throw<ArgumentException>().WithMessage("*ApiSecret*");
        FluentActions.Invoking(() => new ConscentWebhookVerifier(new ConscentOptions { ApiSecret = "s" }))
            .Should().Throw<ArgumentException>().WithMessage("*ApiKey*");
        Verifier.ToString().Should().NotContain(ApiSecret).And.NotContain(ApiKey);
        WebhookVerificationResult.Valid.ToString().Should().Be("Valid");
    }
}
