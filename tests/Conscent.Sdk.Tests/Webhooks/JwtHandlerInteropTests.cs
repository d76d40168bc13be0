using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conscent.Sdk.Tests.Webhooks;

/// <summary>
/// The SDK's own verifier cross-checked with the .NET JWT stack (<see cref="JwtSecurityTokenHandler"/> and
/// <see cref="JsonWebTokenHandler"/>, referenced by the tests only): tokens with a JSON-object payload that those
/// handlers sign verify with the SDK; the algorithms the SDK refuses stay refused whoever made the token; and a
/// raw-string payload, the form ConsCent sends, is one those handlers cannot read at all — which is why the SDK keeps
/// its own verifier (docs/webhooks.md).
/// </summary>
public sealed class JwtHandlerInteropTests
{
    // 64 bytes: the handlers refuse an HMAC key shorter than the hash (HS512 needs 512 bits).
    private const string ApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";
    private const string ApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG-interop";
    private const string Email = "reader@example.com";
    private const string Phone = "9847598673";

    private static readonly ConscentWebhookVerifier Verifier = new(ApiKey, ApiSecret);
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes(ApiSecret));

    private static SecurityTokenDescriptor Descriptor(string claim, string value, string? algorithm) => new()
    {
        Claims = new Dictionary<string, object> { [claim] = value },
        SigningCredentials = algorithm is null ? null : new SigningCredentials(Key, algorithm),
    };

    /// <summary>A token made by one of the two .NET handlers (<paramref name="handler"/>: "JwtSecurityTokenHandler" or "JsonWebTokenHandler").</summary>
    private static string Make(string handler, string claim, string value, string? algorithm) => handler switch
    {
        nameof(JwtSecurityTokenHandler) => new JwtSecurityTokenHandler().CreateEncodedJwt(Descriptor(claim, value, algorithm)),
        nameof(JsonWebTokenHandler) => new JsonWebTokenHandler().CreateToken(Descriptor(claim, value, algorithm)),
        _ => throw new ArgumentOutOfRangeException(nameof(handler)),
    };

    private static string HeaderAlg(string token) =>
        JsonDocument.Parse(JwtVectors.FromB64Url(token.Split('.')[0])).RootElement.GetProperty("alg").GetString()!;

    public static TheoryData<string> Handlers => new() { nameof(JwtSecurityTokenHandler), nameof(JsonWebTokenHandler) };

    [Fact]
    public void The_secret_is_long_enough_for_every_hmac_the_handlers_offer()
    {
        Encoding.UTF8.GetByteCount(ApiSecret).Should().BeGreaterThanOrEqualTo(64);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Hs256_object_tokens_from_the_dotnet_handlers_verify_with_the_sdk(string handler)
    {
        var hashedEmail = Make(handler, "email", Email, SecurityAlgorithms.HmacSha256);
        var hashedPhone = Make(handler, "phoneNumber", Phone, SecurityAlgorithms.HmacSha256);

        HeaderAlg(hashedEmail).Should().Be("HS256");
        Verifier.VerifyHashedEmail(hashedEmail, Email).IsValid.Should().BeTrue();
        Verifier.VerifyHashedPhoneNumber(hashedPhone, Phone).IsValid.Should().BeTrue();

        // And the check is real: another value, or another publisher's secret, fails.
        Verifier.VerifyHashedEmail(hashedEmail, "other@example.com").Failure.Should().Be(WebhookVerificationFailure.IdentityMismatch);
        new ConscentWebhookVerifier(ApiKey, ApiSecret + "-other").VerifyHashedEmail(hashedEmail, Email).Failure.Should().Be(WebhookVerificationFailure.BadSignature);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Hs256_object_tokens_in_a_webhook_body_verify_with_the_sdk(string handler)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["email"] = Email,
            ["hashedEmail"] = Make(handler, "email", Email, SecurityAlgorithms.HmacSha256),
            ["phoneNumber"] = Phone,
            ["hashedPhoneNumber"] = Make(handler, "phone", Phone, SecurityAlgorithms.HmacSha256),
        });
        var authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":" + ApiSecret));

        Verifier.Verify(authorization, body).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(nameof(JwtSecurityTokenHandler), SecurityAlgorithms.HmacSha384, "HS384")]
    [InlineData(nameof(JwtSecurityTokenHandler), SecurityAlgorithms.HmacSha512, "HS512")]
    [InlineData(nameof(JsonWebTokenHandler), SecurityAlgorithms.HmacSha384, "HS384")]
    [InlineData(nameof(JsonWebTokenHandler), SecurityAlgorithms.HmacSha512, "HS512")]
    public void Other_hmacs_from_the_dotnet_handlers_are_unsupported_algorithm(string handler, string algorithm, string alg)
    {
        var hashedEmail = Make(handler, "email", Email, algorithm);

        HeaderAlg(hashedEmail).Should().Be(alg, "the handler signed with the secret as asked");
        var result = Verifier.VerifyHashedEmail(hashedEmail, Email);

        result.Failure.Should().Be(WebhookVerificationFailure.UnsupportedAlgorithm);
        result.Field.Should().Be("hashedEmail");
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Unsigned_tokens_from_the_dotnet_handlers_are_unsupported_algorithm(string handler)
    {
        var unsigned = Make(handler, "email", Email, algorithm: null);

        HeaderAlg(unsigned).Should().Be("none");
        unsigned.Should().EndWith(".", "an unsigned JWT has an empty signature");
        Verifier.VerifyHashedEmail(unsigned, Email).Failure.Should().Be(WebhookVerificationFailure.UnsupportedAlgorithm);
    }

    // ---- why the SDK has its own verifier ----

    private static TokenValidationParameters Parameters() => new()
    {
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        IssuerSigningKey = Key,
    };

    /// <summary>ConsCent's form (Node's <c>jwt.sign(value, secret)</c>): the bare value; and the same value as a JSON string.</summary>
    public static TheoryData<string> StringPayloads => new() { Email, Phone, "\"" + Email + "\"" };

    [Theory]
    [MemberData(nameof(StringPayloads))]
    public async Task String_payload_tokens_cannot_be_read_by_the_dotnet_handlers_so_the_sdk_verifies_them_itself(string payload)
    {
        // Signed exactly as ConsCent signs hashedEmail: HS256 with the API secret over header.payload.
        var token = JwtVectors.Sign("{\"alg\":\"HS256\"}", payload, ApiSecret);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters());

        result.IsValid.Should().BeFalse();
        result.Exception.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("IDX14101", "the payload is not a JSON object");
        result.Exception!.InnerException.Should().BeAssignableTo<JsonException>();
        FluentActions.Invoking(() => new JwtSecurityTokenHandler().ValidateToken(token, Parameters(), out _))
            .Should().Throw<ArgumentException>().WithMessage("IDX12723:*").WithInnerException<JsonException>();
        FluentActions.Invoking(() => new JwtSecurityTokenHandler().ReadJwtToken(token)).Should().Throw<ArgumentException>();

        // The SDK compares the signed bytes with the plain value instead: the bare form is ConsCent's and verifies.
        if (payload is Email) Verifier.VerifyHashedEmail(token, Email).IsValid.Should().BeTrue();
        if (payload is Phone) Verifier.VerifyHashedPhoneNumber(token, Phone).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task The_docs_token_is_refused_by_the_dotnet_handlers_before_any_signature_check()
    {
        // The one real token in ConsCent's docs (payload 9847598673), checked with a key that is not its secret: the
        // handler fails on reading the payload, not on the signature.
        const string DocsToken = "eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw.7tvT8abeu_sGEWSfKdgYRRo7oZ65qBwatyFIF1VOhGY";

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(DocsToken, Parameters());

        result.IsValid.Should().BeFalse();
        result.Exception.Should().NotBeAssignableTo<SecurityTokenInvalidSignatureException>();
        result.Exception.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("IDX14101");
    }
}
