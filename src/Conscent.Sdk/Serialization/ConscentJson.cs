using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk.Serialization;

/// <summary>
/// The shape every source-generated context in the SDK shares. Each API area declares its own context with
/// <c>[JsonSourceGenerationOptions(...)]</c> copied from <see cref="ConscentJsonDefaults"/>; keep them in step.
/// </summary>
internal static class ConscentJson
{
    /// <summary>Readers' payloads are small; anything deeper than this is hostile or broken.</summary>
    internal const int MaxDepth = 64;
}

/// <summary>Example of the shared options, used by the contexts: camelCase names, nulls omitted, lenient numbers off.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ConscentJsonDefaults : JsonSerializerContext
{
}
