using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the bundle area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(CreateBundleRequest))]
[JsonSerializable(typeof(CreateBundleResponse))]
[JsonSerializable(typeof(EditBundleRequest))]
[JsonSerializable(typeof(EditBundleResponse))]
[JsonSerializable(typeof(BundleItem))]
[JsonSerializable(typeof(BundleListResponse))]
internal sealed partial class BundlesJsonContext : JsonSerializerContext
{
}
