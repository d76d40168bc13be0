using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Loyalty events (see <see cref="ILoyaltyClient"/>).</summary>
public class LoyaltyClient : ILoyaltyClient
{
    internal static readonly ConscentEndpoint PostUserEvent = new(
        "Loyalty.PostUserEvent", HttpMethod.Post, "/reward/{partnerId}/api/user_event", EndpointAuth.LoyaltyApiKey, safeToRetry: false, EndpointHost.Loyalty);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly ConscentHttpPipeline _pipeline;

    internal LoyaltyClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected LoyaltyClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual async Task<LoyaltyEventResult> PostUserEventAsync(LoyaltyUserEvent userEvent, CancellationToken cancellationToken = default)
    {
        userEvent = RequestValidator.EnsureRequest(userEvent, PostUserEvent.Operation);
        var options = _pipeline.Options;
        var partnerId = string.IsNullOrWhiteSpace(options.Loyalty?.PartnerId) ? options.ClientId : options.Loyalty!.PartnerId;
        var v = new RequestValidator(PostUserEvent.Operation);
        if (string.IsNullOrWhiteSpace(partnerId))
            v.Add("PartnerId", "is required: set ConscentOptions.Loyalty.PartnerId or ConscentOptions.ClientId.");
        else
            v.PathId(partnerId, "PartnerId");
        v.Required(userEvent.EventType, "EventType").Required(userEvent.UserId, "UserId");
        v.ThrowIfInvalid();

        var call = new ConscentRequest(PostUserEvent)
            .WithPath("partnerId", partnerId!)
            .WithJsonBody(userEvent, ConscentJsonContext.Default.LoyaltyUserEvent);
        using var raw = await _pipeline.SendRawAsync(call, cancellationToken).ConfigureAwait(false);
        return ReadResult(raw);
    }

    /// <summary>
    /// The answer's format is undocumented (the samples ask for text, then parse JSON): keep the text and add the JSON
    /// when it parses (docs/rulings.md#loyalty-answer-format).
    /// </summary>
    internal static LoyaltyEventResult ReadResult(ConscentResponse raw)
    {
        var body = raw.Body;
        if (body.IsEmpty) return new LoyaltyEventResult(raw.StatusCode, string.Empty, null);
        string text;
        try
        {
            text = StrictUtf8.GetString(body.ToArray());
        }
        catch (DecoderFallbackException)
        {
            text = LenientUtf8.GetString(body.ToArray());
        }
        // A UTF-8 byte-order mark is not part of the text.
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        return new LoyaltyEventResult(raw.StatusCode, text, TryParseJson(text));
    }

    private static JsonElement? TryParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = ConscentJson.MaxDepth });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
