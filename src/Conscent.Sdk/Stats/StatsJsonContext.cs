using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the stats area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(ContentStats))]
[JsonSerializable(typeof(DailyStats))]
[JsonSerializable(typeof(CurrentSubscribersResponse))]
[JsonSerializable(typeof(SubscriptionFreeTrial))]
[JsonSerializable(typeof(SubscriberAccount))]
internal sealed partial class StatsJsonContext : JsonSerializerContext
{
}
