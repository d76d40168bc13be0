using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the subscriptions area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(MigrateSubscriptionRequest))]
[JsonSerializable(typeof(MigrateSubscriptionResponse))]
[JsonSerializable(typeof(CancelSubscriptionsResponse))]
internal sealed partial class SubscriptionsJsonContext : JsonSerializerContext
{
}
