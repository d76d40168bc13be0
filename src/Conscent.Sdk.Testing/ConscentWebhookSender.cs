using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Testing;

/// <summary>
/// Posts webhook payloads to your endpoint the way ConsCent does: an HTTP POST with the JSON body,
/// <c>Authorization: Basic base64(apiKey:apiSecret)</c>, and <c>hashedEmail</c> / <c>hashedPhoneNumber</c> as compact
/// JWS tokens (HS256, signed with the API secret, payload = the raw email or phone string, as Node's
/// <c>jwt.sign(value, secret)</c> makes them). Use it to test your webhook receiver end to end.
/// </summary>
public sealed class ConscentWebhookSender : IDisposable
{
    private readonly string _apiKey;
    private readonly string _apiSecret;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a sender with the credentials ConsCent would use (the publisher's API key and secret).</summary>
    /// <param name="apiKey">The API key (Basic-auth user name).</param>
    /// <param name="apiSecret">The API secret (Basic-auth password and JWS key).</param>
    /// <param name="httpClient">The client to post with (for example a test server's); a new one (disposed with the sender) when null.</param>
    public ConscentWebhookSender(string apiKey, string apiSecret, HttpClient? httpClient = null)
    {
        if (string.IsNullOrEmpty(apiKey)) throw new ArgumentException("An API key is required.", nameof(apiKey));
        if (string.IsNullOrEmpty(apiSecret)) throw new ArgumentException("An API secret is required.", nameof(apiSecret));
        _apiKey = apiKey;
        _apiSecret = apiSecret;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
    }

    /// <summary>
    /// When true, <c>hashedEmail</c> / <c>hashedPhoneNumber</c> are added wherever the payload has an
    /// <c>email</c>/<c>userEmail</c> or <c>phoneNumber</c>/<c>userPhoneNumber</c>. When false (default), only hashed
    /// fields already in the payload (such as the docs' placeholders) are recomputed, so payloads keep their shape.
    /// </summary>
    public bool AddMissingHashes { get; set; }

    /// <summary>
    /// When true, the JWS header is <c>{"alg":"HS256","typ":"JWT"}</c>. When false (default) it is
    /// <c>{"alg":"HS256"}</c>, exactly as in the only real token in ConsCent's docs (Node's jsonwebtoken leaves out
    /// <c>typ</c> for a string payload).
    /// </summary>
    public bool IncludeTypHeader { get; set; }

    /// <summary>The <c>Authorization</c> value every delivery carries: <c>Basic base64(apiKey:apiSecret)</c>.</summary>
    public string AuthorizationHeaderValue => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_apiKey + ":" + _apiSecret));

    /// <summary>
    /// A compact JWS (HS256) whose payload is the raw UTF-8 <paramref name="value"/>, signed with
    /// <paramref name="apiSecret"/>: what ConsCent puts in <c>hashedEmail</c> / <c>hashedPhoneNumber</c>.
    /// </summary>
    public static string CreateHashedIdentifier(string value, string apiSecret, bool includeTypHeader = false)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (string.IsNullOrEmpty(apiSecret)) throw new ArgumentException("An API secret is required.", nameof(apiSecret));
        var header = includeTypHeader ? "{\"alg\":\"HS256\",\"typ\":\"JWT\"}" : "{\"alg\":\"HS256\"}";
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header)) + "." + Base64Url(Encoding.UTF8.GetBytes(value));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(apiSecret));
        return signingInput + "." + Base64Url(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>
    /// A compact JWS (HS256, header <c>{"alg":"HS256","typ":"JWT"}</c>) whose payload is the JSON object
    /// <paramref name="claims"/>, signed with <paramref name="apiSecret"/>: the form Node's <c>jwt.sign(object, secret)</c>
    /// makes (no claim is added; Node adds <c>iat</c>). ConsCent itself signs the bare value (see
    /// <see cref="CreateHashedIdentifier(string, string, bool)"/>); the SDK's verifier also accepts this form, taking the
    /// value from <c>email</c> (for <c>hashedEmail</c>) or <c>phoneNumber</c>/<c>phone</c> (for <c>hashedPhoneNumber</c>),
    /// then <c>data</c>, <c>value</c>, <c>sub</c>, and honouring <c>exp</c>/<c>nbf</c>. Standard JWT libraries read
    /// and validate these tokens too.
    /// </summary>
    /// <param name="claims">The payload, such as <c>{"email":"reader@example.com"}</c>; written as compact JSON.</param>
    /// <param name="apiSecret">The API secret (the HMAC key, as UTF-8).</param>
    public static string CreateHashedIdentifier(JsonObject claims, string apiSecret)
    {
        if (claims is null) throw new ArgumentNullException(nameof(claims));
        if (string.IsNullOrEmpty(apiSecret)) throw new ArgumentException("An API secret is required.", nameof(apiSecret));
        var signingInput = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(apiSecret));
        return signingInput + "." + Base64Url(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>The payload as it will be sent: hashed identifiers (re)computed as <see cref="AddMissingHashes"/> says.</summary>
    public string PreparePayload(string payloadJson)
    {
        if (payloadJson is null) throw new ArgumentNullException(nameof(payloadJson));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payloadJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The payload is not valid JSON.", nameof(payloadJson), ex);
        }
        if (node is not JsonObject payload) return payloadJson;
        Hash(payload, "hashedEmail", "email", "userEmail");
        Hash(payload, "hashedPhoneNumber", "phoneNumber", "userPhoneNumber");
        return payload.ToJsonString();
    }

    /// <summary>Signs and POSTs <paramref name="payloadJson"/> to <paramref name="url"/>; returns the receiver's answer (dispose it).</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri url, string payloadJson, CancellationToken cancellationToken = default)
    {
        if (url is null) throw new ArgumentNullException(nameof(url));
        var body = PreparePayload(payloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(AuthorizationHeaderValue);
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs and POSTs <paramref name="payload"/> to <paramref name="url"/>; returns the receiver's answer (dispose it).</summary>
    public Task<HttpResponseMessage> SendAsync(Uri url, JsonNode payload, CancellationToken cancellationToken = default)
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        return SendAsync(url, payload.ToJsonString(), cancellationToken);
    }

    /// <summary>
    /// Signs and POSTs a typed payload to <paramref name="url"/>, completed with what ConsCent always sends for that
    /// webhook when your object leaves it out: <c>type</c> on the three purchase records (<c>SUBSCRIPTION</c>, <c>PASS</c>,
    /// <c>CONTENT</c>), <c>cancelledSubscriptionDetails</c> on Subscription Cancelled, <c>subscriptionsDetail</c> on
    /// Subscription Bundle Payment and <c>subscriptionDetails</c> on Review Subscription. These are what receivers check
    /// to refuse a delivery sent to the wrong URL. Send a JSON string instead to post a body exactly as written.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync<TPayload>(Uri url, TPayload payload, CancellationToken cancellationToken = default)
        where TPayload : class, IConscentWebhookPayload
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        return SendAsync(url, Complete(payload), cancellationToken);
    }

    /// <summary>The payload as JSON with the fields ConsCent always sends for its webhook filled in (see <see cref="SendAsync{TPayload}"/>).</summary>
    public static string Complete<TPayload>(TPayload payload) where TPayload : class, IConscentWebhookPayload
    {
        if (payload is null) throw new ArgumentNullException(nameof(payload));
        var node = (JsonObject)JsonNode.Parse(ConscentWebhookParser.Serialize(payload))!;
        switch (payload)
        {
            case SubscriptionPaymentWebhook: AddIfMissing(node, "type", PurchaseTypes.Subscription); break;
            case PassPaymentWebhook: AddIfMissing(node, "type", PurchaseTypes.Pass); break;
            case MicroPaymentWebhook: AddIfMissing(node, "type", PurchaseTypes.Content); break;
            case SubscriptionCancelledWebhook: AddIfMissing(node, "cancelledSubscriptionDetails", new JsonObject()); break;
            case SubscriptionBundlePaymentWebhook: AddIfMissing(node, "subscriptionsDetail", new JsonArray()); break;
            case ReviewSubscriptionWebhook: AddIfMissing(node, "subscriptionDetails", new JsonObject()); break;
        }
        return node.ToJsonString();
    }

    private static void AddIfMissing(JsonObject node, string name, JsonNode value)
    {
        if (node[name] is null) node[name] = value;
    }

    /// <summary>Disposes the HttpClient the sender created (not one you passed in).</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private void Hash(JsonObject payload, string hashedName, string plainName, string otherPlainName)
    {
        if (!AddMissingHashes && !payload.ContainsKey(hashedName)) return;
        var plain = Plain(payload, plainName) ?? Plain(payload, otherPlainName);
        if (plain is null) return;
        payload[hashedName] = CreateHashedIdentifier(plain, _apiSecret, IncludeTypHeader);
    }

    private static string? Plain(JsonObject payload, string name) =>
        payload[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s ? s : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
