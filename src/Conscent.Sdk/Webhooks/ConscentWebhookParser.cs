using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// Reads a webhook body (the raw UTF-8 bytes of the POST) into its payload type. Every failure is a
/// <see cref="ConscentWebhookPayloadException"/>: an empty body, bytes that are not UTF-8, text that is not a JSON
/// object, or a field of the wrong type. Unknown fields are kept in <see cref="ConscentModel.AdditionalProperties"/>;
/// missing fields are <see langword="null"/>. Verify the delivery first (<see cref="ConscentWebhookVerifier"/>).
/// </summary>
public static class ConscentWebhookParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads a body as one of the SDK's webhook payload types (<see cref="SignUpWebhook"/>, <see cref="LoginWebhook"/>,
    /// <see cref="SubscriptionPaymentWebhook"/>, <see cref="SubscriptionCancelledWebhook"/>, <see cref="PassPaymentWebhook"/>,
    /// <see cref="SubscriptionBundlePaymentWebhook"/>, <see cref="ReviewSubscriptionWebhook"/>, <see cref="MicroPaymentWebhook"/>).
    /// </summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read as <typeparamref name="T"/>.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not one of the SDK's payload types.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json) where T : class, IConscentWebhookPayload =>
        Parse(utf8Json, GetTypeInfo<T>());

    /// <summary>Reads a body given as text. See <see cref="Parse{T}(ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read as <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string json) where T : class, IConscentWebhookPayload =>
        Parse<T>(Utf8(json));

    /// <summary>Reads a body with your own source-generated metadata (for a payload type of your own).</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read as <typeparamref name="T"/>.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo) where T : class
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        var body = TrimBom(utf8Json);
        if (IsBlank(body)) throw new ConscentWebhookPayloadException(WebhookPayloadError.EmptyBody, "The webhook body is empty.");
        if (!IsValidUtf8(body)) throw new ConscentWebhookPayloadException(WebhookPayloadError.InvalidUtf8, "The webhook body is not valid UTF-8.");

        T? result;
        try
        {
            result = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            // The reader's own messages can quote a character of the body; ours give the position only.
            // Syntax errors come from the reader (a JsonException subtype, possibly wrapped); a value of the wrong type is a plain JsonException.
            var syntax = ex.GetType() != typeof(JsonException) || ex.InnerException is JsonException;
            var shape = !syntax && ex.Path is { Length: > 1 };
            throw new ConscentWebhookPayloadException(
                shape ? WebhookPayloadError.UnexpectedShape : WebhookPayloadError.InvalidJson,
                shape
                    ? $"The webhook body does not match {typeof(T).Name} at {ex.Path}."
                    : $"The webhook body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).",
                ex.Path,
                ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or NotSupportedException or ArgumentException)
        {
            throw new ConscentWebhookPayloadException(WebhookPayloadError.UnexpectedShape, $"The webhook body does not match {typeof(T).Name}.", null, ex);
        }

        if (result is null) throw new ConscentWebhookPayloadException(WebhookPayloadError.InvalidJson, "The webhook body is JSON null, not an object.");
        // A delivery posted to the wrong URL parses fine as the wrong type: refuse it here, before any handler runs.
        WebhookKind.Check(result);
        return result;
    }

    /// <summary>Reads a W1 Sign Up body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SignUpWebhook ParseSignUp(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.SignUpWebhook);

    /// <summary>Reads a W1 Sign Up body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SignUpWebhook ParseSignUp(string json) => ParseSignUp(Utf8(json));

    /// <summary>Reads a W2 Login body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static LoginWebhook ParseLogin(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.LoginWebhook);

    /// <summary>Reads a W2 Login body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static LoginWebhook ParseLogin(string json) => ParseLogin(Utf8(json));

    /// <summary>Reads a W3 Subscription Payment body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionPaymentWebhook ParseSubscriptionPayment(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.SubscriptionPaymentWebhook);

    /// <summary>Reads a W3 Subscription Payment body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionPaymentWebhook ParseSubscriptionPayment(string json) => ParseSubscriptionPayment(Utf8(json));

    /// <summary>Reads a W4 Subscription Cancelled body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionCancelledWebhook ParseSubscriptionCancelled(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.SubscriptionCancelledWebhook);

    /// <summary>Reads a W4 Subscription Cancelled body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionCancelledWebhook ParseSubscriptionCancelled(string json) => ParseSubscriptionCancelled(Utf8(json));

    /// <summary>Reads a W5 Pass Payment body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static PassPaymentWebhook ParsePassPayment(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.PassPaymentWebhook);

    /// <summary>Reads a W5 Pass Payment body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static PassPaymentWebhook ParsePassPayment(string json) => ParsePassPayment(Utf8(json));

    /// <summary>Reads a W6 Subscription Bundle Payment body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionBundlePaymentWebhook ParseSubscriptionBundlePayment(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.SubscriptionBundlePaymentWebhook);

    /// <summary>Reads a W6 Subscription Bundle Payment body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static SubscriptionBundlePaymentWebhook ParseSubscriptionBundlePayment(string json) => ParseSubscriptionBundlePayment(Utf8(json));

    /// <summary>Reads a W7 Review Subscription body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static ReviewSubscriptionWebhook ParseReviewSubscription(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.ReviewSubscriptionWebhook);

    /// <summary>Reads a W7 Review Subscription body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static ReviewSubscriptionWebhook ParseReviewSubscription(string json) => ParseReviewSubscription(Utf8(json));

    /// <summary>Reads a W8 Micro Payment body.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static MicroPaymentWebhook ParseMicroPayment(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, ConscentJsonContext.Default.MicroPaymentWebhook);

    /// <summary>Reads a W8 Micro Payment body given as text.</summary>
    /// <exception cref="ConscentWebhookPayloadException">The body cannot be read.</exception>
    public static MicroPaymentWebhook ParseMicroPayment(string json) => ParseMicroPayment(Utf8(json));

    private static ReadOnlySpan<byte> Utf8(string? json) => json is null ? ReadOnlySpan<byte>.Empty : Encoding.UTF8.GetBytes(json);

    /// <summary>Serializes a payload back to JSON (unknown fields included), for storing or forwarding it.</summary>
    public static string Serialize<T>(T payload) where T : class, IConscentWebhookPayload =>
        JsonSerializer.Serialize(payload, GetTypeInfo<T>());

    internal static JsonTypeInfo<T> GetTypeInfo<T>() where T : class =>
        ConscentJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new ArgumentException($"{typeof(T).Name} is not a ConsCent webhook payload type; use Parse(body, typeInfo) for your own types.", nameof(T));

    private static ReadOnlySpan<byte> TrimBom(ReadOnlySpan<byte> body) =>
        body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? body.Slice(3) : body;

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }
        return true;
    }

    internal static bool IsValidUtf8(ReadOnlySpan<byte> body)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(body);
#else
        try
        {
            StrictUtf8.GetCharCount(body.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
