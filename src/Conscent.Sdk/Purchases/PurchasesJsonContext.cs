using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>Source-generated JSON metadata for the purchases area (the shared options: see <see cref="ConscentJson"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(PurchaseTransactionList))]
[JsonSerializable(typeof(SubscriptionPurchaseList))]
[JsonSerializable(typeof(PassPurchaseList))]
[JsonSerializable(typeof(MicropaymentPurchaseList))]
[JsonSerializable(typeof(PurchaseUserAccount))]
[JsonSerializable(typeof(PurchaseClientReference))]
[JsonSerializable(typeof(PurchaseContentReference))]
internal sealed partial class PurchasesJsonContext : JsonSerializerContext
{
}
