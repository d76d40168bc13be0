using System.Collections.Generic;
using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk;

/// <summary>
/// The SDK's one source-generated JSON context: every request, answer and webhook payload, with one set of options
/// (camelCase names, nulls left out when writing, ConsCent's flexible numbers and dates, a depth limit). One context
/// means one place where the options live, so no area can drift from the others.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(FlexibleDecimalConverter), typeof(IsoDateTimeOffsetConverter) },
    MaxDepth = ConscentJson.MaxDepth)]
[JsonSerializable(typeof(BundleItem))]
[JsonSerializable(typeof(BundleListResponse))]
[JsonSerializable(typeof(CancelSubscriptionsResponse))]
[JsonSerializable(typeof(ConsumptionValidation))]
[JsonSerializable(typeof(ContentItem))]
[JsonSerializable(typeof(ContentListResponse))]
[JsonSerializable(typeof(ContentStats))]
[JsonSerializable(typeof(CreateBundleRequest))]
[JsonSerializable(typeof(CreateBundleResponse))]
[JsonSerializable(typeof(CreateContentRequest))]
[JsonSerializable(typeof(CreateContentResponse))]
[JsonSerializable(typeof(CreateStoryRequest))]
[JsonSerializable(typeof(CreateStoryResponse))]
[JsonSerializable(typeof(CurrentSubscribersResponse))]
[JsonSerializable(typeof(DailyStats))]
[JsonSerializable(typeof(EditBundleRequest))]
[JsonSerializable(typeof(EditBundleResponse))]
[JsonSerializable(typeof(EditContentRequest))]
[JsonSerializable(typeof(EditContentResponse))]
[JsonSerializable(typeof(EditStoryRequest))]
[JsonSerializable(typeof(EditStoryResponse))]
[JsonSerializable(typeof(GenerateTempTokenRequest))]
[JsonSerializable(typeof(List<ConsumptionValidation>))]
[JsonSerializable(typeof(List<StoryReadValidation>))]
[JsonSerializable(typeof(LoginWebhook))]
[JsonSerializable(typeof(LoyaltyUserEvent))]
[JsonSerializable(typeof(MicroPaymentWebhook))]
[JsonSerializable(typeof(MicropaymentPurchaseList))]
[JsonSerializable(typeof(MigrateSubscriptionRequest))]
[JsonSerializable(typeof(MigrateSubscriptionResponse))]
[JsonSerializable(typeof(PassPaymentWebhook))]
[JsonSerializable(typeof(PassPurchaseList))]
[JsonSerializable(typeof(PurchaseClientReference))]
[JsonSerializable(typeof(PurchaseContentReference))]
[JsonSerializable(typeof(PurchaseTransactionList))]
[JsonSerializable(typeof(PurchaseUserAccount))]
[JsonSerializable(typeof(ReviewSubscriptionWebhook))]
[JsonSerializable(typeof(SignUpWebhook))]
[JsonSerializable(typeof(Story))]
[JsonSerializable(typeof(StoryDailyStats))]
[JsonSerializable(typeof(StoryListResponse))]
[JsonSerializable(typeof(StoryReadValidation))]
[JsonSerializable(typeof(SubscriberAccount))]
[JsonSerializable(typeof(SubscriptionBundlePaymentWebhook))]
[JsonSerializable(typeof(SubscriptionCancelledWebhook))]
[JsonSerializable(typeof(SubscriptionFreeTrial))]
[JsonSerializable(typeof(SubscriptionPaymentWebhook))]
[JsonSerializable(typeof(SubscriptionPurchaseList))]
[JsonSerializable(typeof(TempAuthTokenResponse))]
[JsonSerializable(typeof(UserAndPurchaseDetails))]
[JsonSerializable(typeof(UserAndSubscriptionDetails))]
internal sealed partial class ConscentJsonContext : JsonSerializerContext
{
}
