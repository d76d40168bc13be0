using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Serialization;

/// <summary>
/// Reads and writes an open string "enum" (a struct wrapping a string): values the SDK does not know yet are kept,
/// never rejected. Each such struct has a tiny subclass naming how to create it.
/// </summary>
internal abstract class ExtensibleEnumConverter<T> : JsonConverter<T> where T : struct
{
    protected abstract T Create(string value);

    protected abstract string? GetValue(T value);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => Create(reader.GetString() ?? string.Empty),
            // A number or boolean where a string was expected is kept as its text rather than failing the whole answer.
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Create(System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())),
            _ => throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var text = GetValue(value);
        if (text is null) writer.WriteNullValue();
        else writer.WriteStringValue(text);
    }
}
