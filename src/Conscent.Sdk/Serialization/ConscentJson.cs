namespace Conscent.Sdk.Serialization;

/// <summary>
/// The shape every source-generated context in the SDK shares. Each API area declares its own context (areas stay
/// independent) with the same attribute, to be kept in step:
/// <code>
/// [JsonSourceGenerationOptions(
///     PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
///     DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
///     Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
///     MaxDepth = ConscentJson.MaxDepth)]
/// </code>
/// </summary>
internal static class ConscentJson
{
    /// <summary>Readers' payloads are small; anything deeper than this is hostile or broken.</summary>
    internal const int MaxDepth = 64;
}
