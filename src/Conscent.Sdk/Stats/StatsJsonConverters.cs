using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// <c>freeTrial</c>: a boolean (<c>false</c>) or an object <c>{enabled, duration}</c>, as ConsCent sends either
/// (docs/rulings.md#general-free-trial-boolean-or-object).
/// </summary>
internal sealed class SubscriptionFreeTrialConverter : JsonConverter<SubscriptionFreeTrial>
{
    public override SubscriptionFreeTrial? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => new SubscriptionFreeTrial { Enabled = true },
            JsonTokenType.False => new SubscriptionFreeTrial { Enabled = false },
            JsonTokenType.Null => null,
            JsonTokenType.StartObject => JsonSerializer.Deserialize(ref reader, ConscentJsonContext.Default.SubscriptionFreeTrial),
            _ => throw new JsonException($"Expected a boolean or an object for freeTrial, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, SubscriptionFreeTrial value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ConscentJsonContext.Default.SubscriptionFreeTrial);
}

/// <summary>
/// <c>userAccount</c>: an embedded object here, a bare id string in other answers; both are read
/// (docs/rulings.md#general-id-string-or-embedded-object).
/// </summary>
internal sealed class SubscriberAccountConverter : JsonConverter<SubscriberAccount>
{
    public override SubscriberAccount? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => new SubscriberAccount { Id = reader.GetString() },
            JsonTokenType.Null => null,
            JsonTokenType.StartObject => JsonSerializer.Deserialize(ref reader, ConscentJsonContext.Default.SubscriberAccount),
            _ => throw new JsonException($"Expected an object or an id string for userAccount, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, SubscriberAccount value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ConscentJsonContext.Default.SubscriberAccount);
}

