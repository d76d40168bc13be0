using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the content area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(CreateContentRequest))]
[JsonSerializable(typeof(CreateContentResponse))]
[JsonSerializable(typeof(EditContentRequest))]
[JsonSerializable(typeof(EditContentResponse))]
[JsonSerializable(typeof(ContentItem))]
[JsonSerializable(typeof(ContentListResponse))]
internal sealed partial class ContentJsonContext : JsonSerializerContext
{
}
