using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// The SDK's one string-or-number converter. Reads a string field that ConsCent does not always send as a string: a JSON string as is, a number or boolean as its
/// literal text (<c>"postcode": 221993</c> → <c>"221993"</c>, docs/rulings.md#general-postcode-number-or-string), and an
/// embedded document as its <c>_id</c> (an id field that arrives populated, docs/rulings.md#general-id-string-or-embedded-object;
/// null when it has none). Always writes a JSON string.
/// </summary>
internal sealed class FlexibleStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            case JsonTokenType.StartObject:
                string? id = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("Unexpected token in an embedded document.");
                    var isId = reader.ValueTextEquals("_id"u8);
                    reader.Read();
                    if (isId && reader.TokenType == JsonTokenType.String) id = reader.GetString();
                    else reader.Skip();
                }
                return id;
            default:
                throw new JsonException($"Expected a string, a number or an object, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
