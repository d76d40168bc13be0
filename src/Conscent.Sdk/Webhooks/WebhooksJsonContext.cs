using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk.Webhooks;

/// <summary>Source-generated JSON metadata for the webhook payloads (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(SignUpWebhook))]
[JsonSerializable(typeof(LoginWebhook))]
[JsonSerializable(typeof(SubscriptionPaymentWebhook))]
[JsonSerializable(typeof(SubscriptionCancelledWebhook))]
[JsonSerializable(typeof(PassPaymentWebhook))]
[JsonSerializable(typeof(SubscriptionBundlePaymentWebhook))]
[JsonSerializable(typeof(ReviewSubscriptionWebhook))]
[JsonSerializable(typeof(MicroPaymentWebhook))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext
{
}
