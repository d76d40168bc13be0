using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// Checks that a webhook came from ConsCent, with your API key and secret (<see cref="ConscentOptions.ApiKey"/>,
/// <see cref="ConscentOptions.ApiSecret"/>):
/// <list type="number">
/// <item>the <c>Authorization: Basic base64(apiKey:apiSecret)</c> header every webhook carries, compared in constant time;</item>
/// <item>the <c>hashedEmail</c> / <c>hashedPhoneNumber</c> fields, when present: compact JWS tokens (HS256, signed with
/// the API secret, as Node's <c>jwt.sign(value, secret)</c> makes them) whose payload must equal the plain
/// <c>email</c> / <c>phoneNumber</c> in the same body.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// ConsCent signs the bare string: the docs' token decodes to header <c>{"alg":"HS256"}</c> and payload
/// <c>9847598673</c>, not a JSON claims set, so standard JWT validators reject or misread it. This verifier checks the
/// HMAC-SHA256 over <c>header.payload</c> itself, accepts <c>HS256</c> only (<c>none</c>, <c>HS384</c>, <c>HS512</c>,
/// <c>RS256</c>, a missing <c>alg</c> and <c>crit</c> headers are rejected), then compares the payload:
/// a raw-string payload byte for byte (UTF-8, ordinal) with the plain value; a JSON-object payload by its first string
/// (or number) claim among <c>email</c> (for <c>hashedEmail</c>) or <c>phoneNumber</c>/<c>phone</c> (for
/// <c>hashedPhoneNumber</c>), then <c>data</c>, <c>value</c>, <c>sub</c>. An object's <c>exp</c>/<c>nbf</c> are
/// honoured with one minute of clock skew.
/// </para>
/// <para>
/// Thread-safe; create one per API secret and share it. Nothing it returns or throws contains a credential, token,
/// email or phone number.
/// </para>
/// </remarks>
public sealed class ConscentWebhookVerifier
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private static readonly string[] EmailClaims = { "email", "data", "value", "sub" };
    private static readonly string[] PhoneClaims = { "phoneNumber", "phone", "data", "value", "sub" };

    private readonly byte[] _credentialDigest;
    private readonly byte[] _secret;

    /// <summary>Creates a verifier from the SDK options (<see cref="ConscentOptions.ApiKey"/> and <see cref="ConscentOptions.ApiSecret"/>).</summary>
    /// <exception cref="ArgumentException">The API key or secret is not set.</exception>
    public ConscentWebhookVerifier(ConscentOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).ApiKey!, options.ApiSecret!)
    {
    }

    /// <summary>Creates a verifier from your API key and secret.</summary>
    /// <exception cref="ArgumentException">The API key or secret is empty.</exception>
    public ConscentWebhookVerifier(string apiKey, string apiSecret)
    {
        if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("ApiKey is required to verify ConsCent webhooks.", nameof(apiKey));
        if (string.IsNullOrEmpty(apiSecret)) throw new ArgumentException("ApiSecret is required to verify ConsCent webhooks.", nameof(apiSecret));
        _credentialDigest = Sha256(Encoding.UTF8.GetBytes(apiKey + ":" + apiSecret));
        _secret = Encoding.UTF8.GetBytes(apiSecret);
    }

    /// <summary>Wall clock used for <c>exp</c>/<c>nbf</c> (tests replace it).</summary>
    internal Func<DateTimeOffset> UtcNow { get; set; } = static () => DateTimeOffset.UtcNow;

    /// <summary>
    /// Checks the request's <c>Authorization</c> header value: scheme <c>Basic</c> (any case) and credentials equal to
    /// <c>apiKey:apiSecret</c>, compared in constant time.
    /// </summary>
    public WebhookVerificationResult VerifyAuthorization(string? authorizationHeader)
    {
        const string Field = "Authorization";
        var header = authorizationHeader?.Trim();
        if (string.IsNullOrEmpty(header))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingAuthorization, Field, "The Authorization header is missing.");

        var space = header!.IndexOf(' ');
        var scheme = space < 0 ? header : header.Substring(0, space);
        if (!string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.WrongScheme, Field, "The Authorization header is not Basic.");

        byte[] presented;
        try
        {
            presented = space < 0 ? Array.Empty<byte>() : Convert.FromBase64String(header.Substring(space + 1).Trim());
        }
        catch (FormatException)
        {
            presented = Array.Empty<byte>();
        }

        // Both sides are hashed first so the comparison takes the same time whatever the presented length.
        return FixedTimeEquals(Sha256(presented), _credentialDigest)
            ? WebhookVerificationResult.Valid
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.WrongCredentials, Field, "The Basic credentials are not this publisher's API key and secret.");
    }

    /// <summary>
    /// Checks the hashed identifiers of a parsed payload (Sign Up, Login, Review Subscription): each of
    /// <c>hashedEmail</c> and <c>hashedPhoneNumber</c> that is present must be a genuine token for the plain value.
    /// Passes when neither is present.
    /// </summary>
    public WebhookVerificationResult VerifyIdentity(IConscentWebhookIdentity payload)
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        var email = string.IsNullOrEmpty(payload.HashedEmail) ? WebhookVerificationResult.Valid : VerifyHashedEmail(payload.HashedEmail, payload.Email);
        if (!email.IsValid) return email;
        return string.IsNullOrEmpty(payload.HashedPhoneNumber) ? WebhookVerificationResult.Valid : VerifyHashedPhoneNumber(payload.HashedPhoneNumber, payload.PhoneNumber);
    }

    /// <summary>
    /// Checks the hashed identifiers in a raw body (any webhook): top-level <c>hashedEmail</c> against <c>email</c>
    /// (else <c>userEmail</c>) and <c>hashedPhoneNumber</c> against <c>phoneNumber</c> (else <c>userPhoneNumber</c>).
    /// Passes when neither is present; fails with <see cref="WebhookVerificationFailure.MalformedBody"/> when the body is
    /// not a JSON object.
    /// </summary>
    public WebhookVerificationResult VerifyIdentity(ReadOnlySpan<byte> utf8Body)
    {
        if (!TryReadIdentity(utf8Body, out var identity))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, "body", "The webhook body is not a JSON object, so its identifiers cannot be checked.");
        if (identity.HashedEmailNotString)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.NotAToken, "hashedEmail", "hashedEmail is not a token (not a string).");
        if (identity.HashedPhoneNotString)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.NotAToken, "hashedPhoneNumber", "hashedPhoneNumber is not a token (not a string).");
        return VerifyIdentity(identity);
    }

    /// <summary>Checks the <c>Authorization</c> header, then the hashed identifiers in the raw body.</summary>
    public WebhookVerificationResult Verify(string? authorizationHeader, ReadOnlySpan<byte> utf8Body)
    {
        var auth = VerifyAuthorization(authorizationHeader);
        return auth.IsValid ? VerifyIdentity(utf8Body) : auth;
    }

    /// <summary>Like <see cref="Verify"/>, but throws when the webhook is not genuine.</summary>
    /// <exception cref="ConscentWebhookVerificationException">Verification failed; <see cref="ConscentWebhookVerificationException.Failure"/> says why.</exception>
    public void VerifyOrThrow(string? authorizationHeader, ReadOnlySpan<byte> utf8Body) => Verify(authorizationHeader, utf8Body).ThrowIfInvalid();

    /// <summary>
    /// Verifies the delivery and reads it: the <c>Authorization</c> header, then the body as <typeparamref name="T"/>,
    /// then its hashed identifiers.
    /// </summary>
    /// <exception cref="ConscentWebhookVerificationException">The webhook is not genuine (answer 401).</exception>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read (answer 400).</exception>
    public T VerifyAndParse<T>(string? authorizationHeader, ReadOnlySpan<byte> utf8Body) where T : class, IConscentWebhookPayload
    {
        VerifyAuthorization(authorizationHeader).ThrowIfInvalid();
        var payload = ConscentWebhookParser.Parse<T>(utf8Body);
        (payload is IConscentWebhookIdentity identity ? VerifyIdentity(identity) : VerifyIdentity(utf8Body)).ThrowIfInvalid();
        return payload;
    }

    /// <summary>Checks one <c>hashedEmail</c> token against the plain email.</summary>
    public WebhookVerificationResult VerifyHashedEmail(string? token, string? email) => VerifyToken("hashedEmail", token, email, EmailClaims);

    /// <summary>Checks one <c>hashedPhoneNumber</c> token against the plain phone number.</summary>
    public WebhookVerificationResult VerifyHashedPhoneNumber(string? token, string? phoneNumber) => VerifyToken("hashedPhoneNumber", token, phoneNumber, PhoneClaims);

    /// <summary>Describes the verifier without its credentials.</summary>
    public override string ToString() => "ConscentWebhookVerifier { ApiKey = (set), ApiSecret = *** }";

    private WebhookVerificationResult VerifyToken(string field, string? token, string? expected, string[] claims)
    {
        if (string.IsNullOrEmpty(token))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.NotAToken, field, field + " is empty.");

        var firstDot = token!.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.NotAToken, field, field + " is not a token (not a compact JWS with three parts).");

        var headerPart = token.Substring(0, firstDot);
        var payloadPart = token.Substring(firstDot + 1, secondDot - firstDot - 1);
        var signaturePart = token.Substring(secondDot + 1);
        if (!Base64Url.TryDecode(headerPart, out var header) || !Base64Url.TryDecode(payloadPart, out var payload) || !Base64Url.TryDecode(signaturePart, out var signature))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedToken, field, field + " is not valid base64url.");

        var alg = ReadAlgorithm(header, out var headerOk, out var hasCrit);
        if (!headerOk)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedToken, field, field + " has a header that is not a JSON object.");
        if (hasCrit)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedToken, field, field + " has critical header extensions the SDK does not support.");
        if (!string.Equals(alg, "HS256", StringComparison.Ordinal))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.UnsupportedAlgorithm, field, field + (alg is null ? " has no alg; only HS256 is accepted." : " is not signed with HS256; only HS256 is accepted."));

        var computed = HmacSha256(_secret, Encoding.ASCII.GetBytes(token.Substring(0, secondDot)));
        if (signature.Length != computed.Length || !FixedTimeEquals(signature, computed))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.BadSignature, field, field + " is not signed with this publisher's API secret.");

        byte[]? signedValue;
        if (LooksLikeJsonObject(payload))
        {
            var check = ReadClaims(payload, claims, out signedValue);
            if (check != WebhookVerificationFailure.None)
            {
                return check switch
                {
                    WebhookVerificationFailure.TokenExpired => WebhookVerificationResult.Fail(check, field, field + " has expired (exp)."),
                    WebhookVerificationFailure.TokenNotYetValid => WebhookVerificationResult.Fail(check, field, field + " is not valid yet (nbf)."),
                    _ => WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedToken, field, field + " has a payload that is not valid JSON."),
                };
            }
        }
        else
        {
            signedValue = payload; // Node's jwt.sign(string, secret): the payload is the bare UTF-8 string.
        }

        if (string.IsNullOrEmpty(expected) || signedValue is null || !FixedTimeEquals(signedValue, Encoding.UTF8.GetBytes(expected)))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.IdentityMismatch, field, field + " does not sign the plain value in the same body.");
        return WebhookVerificationResult.Valid;
    }

    private static string? ReadAlgorithm(byte[] header, out bool ok, out bool hasCrit)
    {
        ok = false;
        hasCrit = false;
        string? alg = null;
        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAlg = reader.ValueTextEquals("alg"u8);
                var isCrit = reader.ValueTextEquals("crit"u8);
                reader.Read();
                if (isAlg) alg = reader.TokenType == JsonTokenType.String ? reader.GetString() : "(not a string)";
                if (isCrit) hasCrit = true;
                reader.Skip();
            }
            ok = reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            ok = false;
        }
        catch (InvalidOperationException)
        {
            ok = false;
        }
        return alg;
    }

    private static bool LooksLikeJsonObject(byte[] payload)
    {
        foreach (var b in payload)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'{';
        }
        return false;
    }

    private WebhookVerificationFailure ReadClaims(byte[] payload, string[] claimNames, out byte[]? value)
    {
        value = null;
        var rank = int.MaxValue;
        double? exp = null, nbf = null;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 16 });
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "exp" && reader.TokenType == JsonTokenType.Number) exp = reader.GetDouble();
                else if (name == "nbf" && reader.TokenType == JsonTokenType.Number) nbf = reader.GetDouble();
                else
                {
                    var index = Array.IndexOf(claimNames, name);
                    if (index >= 0 && index < rank)
                    {
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            value = Encoding.UTF8.GetBytes(reader.GetString() ?? string.Empty);
                            rank = index;
                        }
                        else if (reader.TokenType == JsonTokenType.Number)
                        {
                            value = reader.ValueSpan.ToArray();
                            rank = index;
                        }
                    }
                }
                reader.Skip();
            }
            if (reader.TokenType != JsonTokenType.EndObject) return WebhookVerificationFailure.MalformedToken;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return WebhookVerificationFailure.MalformedToken;
        }

        var now = UtcNow().ToUnixTimeSeconds();
        if (exp is not null && exp.Value <= now - ClockSkew.TotalSeconds) return WebhookVerificationFailure.TokenExpired;
        if (nbf is not null && nbf.Value > now + ClockSkew.TotalSeconds) return WebhookVerificationFailure.TokenNotYetValid;
        return WebhookVerificationFailure.None;
    }

    private static bool TryReadIdentity(ReadOnlySpan<byte> body, out RawIdentity identity)
    {
        identity = new RawIdentity();
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) body = body.Slice(3);
        if (!ConscentWebhookParser.IsValidUtf8(body)) return false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                var present = reader.TokenType != JsonTokenType.Null;
                switch (name)
                {
                    case "hashedEmail": identity.HashedEmail = text; identity.HashedEmailNotString = present && text is null; break;
                    case "hashedPhoneNumber": identity.HashedPhoneNumber = text; identity.HashedPhoneNotString = present && text is null; break;
                    case "email": identity.Email = text; break;
                    case "phoneNumber": identity.PhoneNumber = text ?? NumberText(ref reader); break;
                    case "userEmail": identity.UserEmail = text; break;
                    case "userPhoneNumber": identity.UserPhoneNumber = text ?? NumberText(ref reader); break;
                }
                reader.Skip();
            }
            return reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? NumberText(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) : null;

    private sealed class RawIdentity : IConscentWebhookIdentity
    {
        public string? Email { get => _email ?? UserEmail; set => _email = value; }

        public string? PhoneNumber { get => _phone ?? UserPhoneNumber; set => _phone = value; }

        public string? HashedEmail { get; set; }

        public string? HashedPhoneNumber { get; set; }

        public string? UserEmail { get; set; }

        public string? UserPhoneNumber { get; set; }

        public bool HashedEmailNotString { get; set; }

        public bool HashedPhoneNotString { get; set; }

        private string? _email;
        private string? _phone;
    }

    private static byte[] Sha256(byte[] data)
    {
#if NET8_0_OR_GREATER
        return SHA256.HashData(data);
#else
        using var sha = SHA256.Create();
        return sha.ComputeHash(data);
#endif
    }

    private static byte[] HmacSha256(byte[] key, byte[] data)
    {
#if NET8_0_OR_GREATER
        return HMACSHA256.HashData(key, data);
#else
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(data);
#endif
    }

    /// <summary>Equal-length inputs take the same time whatever their content.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    internal static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NET8_0_OR_GREATER
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        if (left.Length != right.Length) return false;
        var diff = 0;
        for (var i = 0; i < left.Length; i++) diff |= left[i] ^ right[i];
        return diff == 0;
#endif
    }
}

/// <summary>Base64url (RFC 4648 §5) without padding, as JWS uses it.</summary>
internal static class Base64Url
{
    internal static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (text.Length % 4 == 1) return false;
        var builder = new StringBuilder(text.Length + 3);
        foreach (var c in text)
        {
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9')) builder.Append(c);
            else if (c == '-') builder.Append('+');
            else if (c == '_') builder.Append('/');
            else return false; // '=' padding, '+', '/', whitespace: not base64url as JWS writes it.
        }
        builder.Append('=', (4 - text.Length % 4) % 4);
        try
        {
            bytes = Convert.FromBase64String(builder.ToString());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
