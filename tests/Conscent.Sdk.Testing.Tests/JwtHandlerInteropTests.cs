using System;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>
/// <see cref="ConscentWebhookSender.CreateHashedIdentifier(JsonObject, string)"/>: the JSON-object tokens the testing
/// package signs are standard HS256 JWTs, so both .NET handlers validate them with the API secret as the key, and the
/// SDK's verifier accepts them too. (The .NET JWT packages are referenced by the tests only.)
/// </summary>
public sealed class JwtHandlerInteropTests
{
    // At least 32 bytes: the handlers refuse a shorter HS256 key.
    private const string ApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";
    private const string ApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG";
    private const string Email = "reader@example.com";

    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes(ApiSecret));

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        IssuerSigningKey = key,
    };

    private static string Token() => ConscentWebhookSender.CreateHashedIdentifier(new JsonObject { ["email"] = Email }, ApiSecret);

    [Fact]
    public void The_secret_is_long_enough_for_hs256_in_the_handlers()
    {
        Encoding.UTF8.GetByteCount(ApiSecret).Should().BeGreaterThanOrEqualTo(32);
    }

    [Fact]
    public void JwtSecurityTokenHandler_validates_the_senders_object_token()
    {
        var principal = new JwtSecurityTokenHandler { MapInboundClaims = false }.ValidateToken(Token(), Parameters(Key), out var validated);

        principal.FindFirst("email")!.Value.Should().Be(Email);
        validated.Should().BeOfType<JwtSecurityToken>().Which.Header.Alg.Should().Be(SecurityAlgorithms.HmacSha256);
    }

    [Fact]
    public async Task JsonWebTokenHandler_validates_the_senders_object_token()
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Token(), Parameters(Key));

        result.IsValid.Should().BeTrue(result.Exception?.Message);
        result.Claims["email"].Should().Be(Email);
        result.SecurityToken.Should().BeOfType<JsonWebToken>().Which.Typ.Should().Be("JWT");
    }

    [Fact]
    public async Task Both_handlers_refuse_the_senders_token_under_another_secret()
    {
        var otherKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiSecret + "-other"));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(Token(), Parameters(otherKey));

        result.IsValid.Should().BeFalse();
        result.Exception.Should().BeAssignableTo<SecurityTokenSignatureKeyNotFoundException>();
        FluentActions.Invoking(() => new JwtSecurityTokenHandler().ValidateToken(Token(), Parameters(otherKey), out _))
            .Should().Throw<SecurityTokenSignatureKeyNotFoundException>();
    }

    [Fact]
    public void The_sdks_verifier_accepts_the_senders_object_tokens()
    {
        var verifier = new ConscentWebhookVerifier(ApiKey, ApiSecret);
        var phone = ConscentWebhookSender.CreateHashedIdentifier(new JsonObject { ["phoneNumber"] = "9847598673", ["iat"] = 1_700_000_000 }, ApiSecret);

        verifier.VerifyHashedEmail(Token(), Email).IsValid.Should().BeTrue();
        verifier.VerifyHashedPhoneNumber(phone, "9847598673").IsValid.Should().BeTrue();
        verifier.VerifyHashedEmail(Token(), "other@example.com").Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch);
    }

    [Fact]
    public void The_token_is_exactly_header_payload_signature_over_the_compact_claims()
    {
        var parts = Token().Split('.');

        parts.Should().HaveCount(3);
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0])).Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Should().Be("{\"email\":\"reader@example.com\"}");
        FluentActions.Invoking(() => ConscentWebhookSender.CreateHashedIdentifier((JsonObject)null!, ApiSecret)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ConscentWebhookSender.CreateHashedIdentifier(new JsonObject(), "")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_raw_string_tokens_the_sender_signs_like_ConsCent_are_not_readable_by_the_handlers()
    {
        var raw = ConscentWebhookSender.CreateHashedIdentifier(Email, ApiSecret);

        FluentActions.Invoking(() => new JwtSecurityTokenHandler().ValidateToken(raw, Parameters(Key), out _))
            .Should().Throw<ArgumentException>().WithMessage("IDX12723:*");
        new ConscentWebhookVerifier(ApiKey, ApiSecret).VerifyHashedEmail(raw, Email).IsValid.Should().BeTrue();
    }
}
