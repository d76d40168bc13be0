using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Conscent.Sdk;

/// <summary>
/// Reads a field that ConsCent sends either as an id string or as the embedded document, depending on the answer
/// (docs/rulings.md#general-id-string-or-embedded-object): a string becomes a
/// model with only its id set; an object is read as the model (its <c>_id</c>, details and unknown fields). Writes the
/// bare id when nothing else is known, else the object. Put it on the property (not the type), so the object form
/// can use the type's own generated metadata.
/// </summary>
internal abstract class IdOrObjectConverter<T> : JsonConverter<T> where T : ConscentModel, new()
{
    protected abstract string? GetId(T value);

    protected abstract void SetId(T value, string id);

    /// <summary>True when the model holds more than its id.</summary>
    protected abstract bool HasDetails(T value);

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return WithId(reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return WithId(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()));
            case JsonTokenType.StartObject:
                return JsonSerializer.Deserialize(ref reader, TypeInfo(options));
            default:
                throw new JsonException($"Expected an id string or an object for {typeof(T).Name}, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var id = GetId(value);
        if (id is not null && !HasDetails(value) && value.AdditionalProperties is not { Count: > 0 }) writer.WriteStringValue(id);
        else JsonSerializer.Serialize(writer, value, TypeInfo(options));
    }

    private T WithId(string id)
    {
        var value = new T();
        SetId(value, id);
        return value;
    }

    private static JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}

internal sealed class PurchaseUserAccountConverter : IdOrObjectConverter<PurchaseUserAccount>
{
    protected override string? GetId(PurchaseUserAccount value) => value.Id;

    protected override void SetId(PurchaseUserAccount value, string id) => value.Id = id;

    protected override bool HasDetails(PurchaseUserAccount value) => value.Email is not null || value.PhoneNumber is not null;
}

internal sealed class PurchaseClientReferenceConverter : IdOrObjectConverter<PurchaseClientReference>
{
    protected override string? GetId(PurchaseClientReference value) => value.Id;

    protected override void SetId(PurchaseClientReference value, string id) => value.Id = id;

    protected override bool HasDetails(PurchaseClientReference value) => value.Name is not null;
}

internal sealed class PurchaseContentReferenceConverter : IdOrObjectConverter<PurchaseContentReference>
{
    protected override string? GetId(PurchaseContentReference value) => value.ConscentContentId;

    protected override void SetId(PurchaseContentReference value, string id) => value.ConscentContentId = id;

    protected override bool HasDetails(PurchaseContentReference value) => value.Title is not null || value.Url is not null;
}
