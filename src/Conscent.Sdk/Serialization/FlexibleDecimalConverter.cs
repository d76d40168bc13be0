using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Serialization;

/// <summary>
/// Reads money the three ways ConsCent sends it: a JSON number (<c>100</c>), a numeric string (<c>"100.00"</c> in the
/// bundle webhook) and MongoDB's <c>{"$numberDecimal": "50.00"}</c> (wallet balance). Writes a plain JSON number.
/// </summary>
internal sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number)) return number;
                throw new JsonException("The number does not fit a decimal.");
            case JsonTokenType.String:
                return ParseString(ref reader);
            case JsonTokenType.StartObject:
                decimal? value = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("Unexpected token in a decimal object.");
                    var isDecimal = reader.ValueTextEquals("$numberDecimal"u8);
                    reader.Read();
                    if (isDecimal && reader.TokenType == JsonTokenType.String) value = ParseString(ref reader);
                    else if (isDecimal && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var d)) value = d;
                    else reader.Skip();
                }
                return value ?? throw new JsonException("A decimal object needs a \"$numberDecimal\" value.");
            default:
                throw new JsonException($"Expected a number, a numeric string or {{\"$numberDecimal\": …}}, found {reader.TokenType}.");
        }
    }

    private static decimal ParseString(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        if (text is not null && decimal.TryParse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            return value;
        throw new JsonException("The string is not a decimal number.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
