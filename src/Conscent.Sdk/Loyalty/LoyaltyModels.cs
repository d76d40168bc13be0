using System.Net;
using System.Text.Json;

namespace Conscent.Sdk;

/// <summary>
/// One reader event for the loyalty system. The docs describe it only as "an event object" and show
/// <c>{"eventType": "ORDER_PLACED", "userId": "42bede01c83fa3947"}</c>; any further fields go in
/// <see cref="ConscentModel.AdditionalProperties"/> and are sent as they are.
/// </summary>
public sealed class LoyaltyUserEvent : ConscentModel
{
    /// <summary>Creates an empty event (for object initializers and deserialization).</summary>
    public LoyaltyUserEvent() { }

    /// <summary>Creates an event of a type for a user.</summary>
    /// <param name="eventType">The kind of event, such as <see cref="LoyaltyEventTypes.OrderPlaced"/>.</param>
    /// <param name="userId">The user the event belongs to.</param>
    public LoyaltyUserEvent(string eventType, string userId)
    {
        EventType = eventType;
        UserId = userId;
    }

    /// <summary>The kind of event, such as <see cref="LoyaltyEventTypes.OrderPlaced"/>. Required.</summary>
    public string? EventType { get; set; }

    /// <summary>The user the event belongs to (the docs do not say whose id space: use the id agreed with Conscent.ai). Required.</summary>
    public string? UserId { get; set; }
}

/// <summary>The loyalty event types the docs show. Other values are sent as given.</summary>
public static class LoyaltyEventTypes
{
    /// <summary>The reader placed an order (<c>ORDER_PLACED</c>), the only type in the docs.</summary>
    public const string OrderPlaced = "ORDER_PLACED";
}

/// <summary>
/// The loyalty host's answer to <see cref="ILoyaltyClient.PostUserEventAsync"/>. Its format is not documented, so it
/// is kept as text, with the parsed JSON when the text is JSON.
/// </summary>
public sealed class LoyaltyEventResult
{
    /// <summary>Creates a result (for tests and mocks).</summary>
    /// <param name="statusCode">The HTTP status (always a 2xx: other statuses throw).</param>
    /// <param name="text">The body as text; empty when there was none.</param>
    /// <param name="json">The body parsed as JSON, or null when it is not JSON.</param>
    public LoyaltyEventResult(HttpStatusCode statusCode, string text, JsonElement? json)
    {
        StatusCode = statusCode;
        Text = text ?? string.Empty;
        Json = json;
    }

    /// <summary>The HTTP status the loyalty host answered (a 2xx).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The answer's body as UTF-8 text; empty when there was none.</summary>
    public string Text { get; }

    /// <summary>The body parsed as JSON when it is JSON; null for plain text or an empty body.</summary>
    public JsonElement? Json { get; }

    /// <summary>True when <see cref="Json"/> holds the parsed body.</summary>
    public bool IsJson => Json is not null;

    /// <summary>The status and the body's length and kind (not the body: its content is not documented).</summary>
    public override string ToString() => $"LoyaltyEventResult {{ StatusCode = {(int)StatusCode}, Length = {Text.Length}, IsJson = {IsJson} }}";
}
