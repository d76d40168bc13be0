using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Serialization;

/// <summary>
/// Dates as ConsCent writes them: ISO 8601 in UTC with milliseconds (<c>2021-02-12T05:45:41.389Z</c>). Reading accepts
/// any ISO 8601 form; writing always produces the documented one.
/// </summary>
internal sealed class IsoDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    internal const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value)) return value;
            var text = reader.GetString();
            if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
                return value;
            throw new JsonException("The string is not an ISO 8601 date.");
        }
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var ms))
            return DateTimeOffset.FromUnixTimeMilliseconds(ms); // Some Mongo-backed answers send epoch milliseconds.
        throw new JsonException($"Expected an ISO 8601 date string, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    /// <summary>The documented wire form of a date: UTC, milliseconds, <c>Z</c>.</summary>
    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);
}
