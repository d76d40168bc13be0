using System.Collections.Generic;
using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the deprecated story area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(CreateStoryRequest))]
[JsonSerializable(typeof(CreateStoryResponse))]
[JsonSerializable(typeof(EditStoryRequest))]
[JsonSerializable(typeof(EditStoryResponse))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(StoryListResponse))]
[JsonSerializable(typeof(StoryReadValidation))]
[JsonSerializable(typeof(List<StoryReadValidation>))]
[JsonSerializable(typeof(StoryDailyStats))]
internal sealed partial class StoriesJsonContext : JsonSerializerContext
{
}
