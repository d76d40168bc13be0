using System.Text.Json.Serialization;

namespace Conscent.Sdk.Webhooks;

/// <summary>
/// The fields of the Sign Up and Login webhooks, which ConsCent sends with identical payloads and no event type. Use
/// <see cref="SignUpWebhook"/> or <see cref="LoginWebhook"/>: the URL the webhook arrives on says which one it is.
/// </summary>
public abstract class UserWebhookPayload : ConscentModel, IConscentWebhookPayload, IConscentWebhookIdentity
{
    /// <summary>The reader's user name (often the phone number or email they signed in with).</summary>
    public string? UserName { get; set; }

    /// <summary>ConsCent's id for the reader.</summary>
    public string? UserId { get; set; }

    /// <summary>Whether the reader is on a free trial.</summary>
    public bool? FreeTrial { get; set; }

    /// <summary>The reader's phone number, when they signed in with one. Personal data.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The reader's email, when they signed in with one. Personal data.</summary>
    public string? Email { get; set; }

    /// <summary>The reader's country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    /// <summary>The phone number signed with your API secret (compact JWS, HS256). Check it with <see cref="ConscentWebhookVerifier"/>.</summary>
    public string? HashedPhoneNumber { get; set; }

    /// <summary>The email signed with your API secret (compact JWS, HS256). Check it with <see cref="ConscentWebhookVerifier"/>.</summary>
    public string? HashedEmail { get; set; }

    /// <summary>The reader's name.</summary>
    public string? Name { get; set; }

    /// <summary>The city ConsCent geolocated.</summary>
    public string? City { get; set; }

    /// <summary>Where the reader was.</summary>
    public WebhookLocation? Location { get; set; }

    /// <summary>The reader's operating system, such as <c>Mac OS 10.16</c>.</summary>
    public string? Os { get; set; }

    /// <summary>The reader's browser, such as <c>Chrome</c>.</summary>
    public string? Browser { get; set; }

    /// <summary>The reader's user agent string.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The reader's address.</summary>
    public ReaderAddress? Address { get; set; }

    /// <summary>The publisher's tier id assigned to the reader, when set.</summary>
    public string? ClientTierId { get; set; }

    /// <summary>The publisher's own id for the reader, when set.</summary>
    public string? ClientSpecificUserId { get; set; }

    /// <summary>Always <see langword="null"/>: these webhooks carry no purchase id, so no delivery is treated as a duplicate.</summary>
    [JsonIgnore]
    public string? DeliveryId => null;
}

/// <summary>W1 · Sign Up: a reader logged in through ConsCent for the very first time.</summary>
public sealed class SignUpWebhook : UserWebhookPayload
{
}

/// <summary>W2 · Login: a reader logged in through ConsCent (every time). Same fields as <see cref="SignUpWebhook"/>.</summary>
public sealed class LoginWebhook : UserWebhookPayload
{
}

/// <summary>
/// W7 · Review Subscription: a reader reached the review page of a subscription purchase, just before paying. Use it
/// to follow up with readers who drop off.
/// </summary>
public sealed class ReviewSubscriptionWebhook : ConscentModel, IConscentWebhookPayload, IConscentWebhookIdentity
{
    /// <summary>The reader's phone number, when they signed in with one. Personal data.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The reader's email, when they signed in with one (not in the docs' sample). Personal data.</summary>
    public string? Email { get; set; }

    /// <summary>ConsCent's id for the reader.</summary>
    public string? UserId { get; set; }

    /// <summary>The reader's country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    /// <summary>The phone number signed with your API secret (compact JWS, HS256, raw-string payload).</summary>
    public string? HashedPhoneNumber { get; set; }

    /// <summary>The email signed with your API secret (compact JWS, HS256).</summary>
    public string? HashedEmail { get; set; }

    /// <summary>The reader's address.</summary>
    public ReaderAddress? Address { get; set; }

    /// <summary>The reader's name.</summary>
    public string? Name { get; set; }

    /// <summary>The city ConsCent geolocated.</summary>
    public string? City { get; set; }

    /// <summary>Where the reader was.</summary>
    public WebhookLocation? Location { get; set; }

    /// <summary>The reader's browser.</summary>
    public string? Browser { get; set; }

    /// <summary>The reader's user agent string.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The reader's operating system.</summary>
    public string? Os { get; set; }

    /// <summary>The reader's user name. On the wire <c>username</c>, lower-case n, unlike Sign Up/Login's <c>userName</c>.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The subscription being reviewed.</summary>
    public ReviewedSubscription? SubscriptionDetails { get; set; }

    /// <summary>Always <see langword="null"/>: a review is not a purchase and carries no purchase id.</summary>
    [JsonIgnore]
    public string? DeliveryId => null;
}

/// <summary>The subscription a reader is about to buy (Review Subscription webhook).</summary>
public sealed class ReviewedSubscription : ConscentModel
{
    /// <summary>ConsCent's id for the subscription plan.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>ConsCent's id for the chosen tier.</summary>
    public string? TierId { get; set; }

    /// <summary>The plan title.</summary>
    public string? Title { get; set; }

    /// <summary>The price.</summary>
    public decimal? Price { get; set; }

    /// <summary>The currency of <see cref="Price"/>.</summary>
    public string? Currency { get; set; }
}
