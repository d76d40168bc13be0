using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// One purchase in the subscription, pass and micropayment exports. Note the two content ids (ConsCent's
/// <c>contentId</c> means another thing here than in the content API; see docs/rulings.md#general-two-meanings-of-contentid):
/// <see cref="ConscentContentId"/> is ConsCent's internal id (wire <c>contentId</c>) and <see cref="ClientContentId"/>
/// is your own id for the content.
/// </summary>
public class PurchaseRecord : ConscentModel
{
    /// <summary>Your ConsCent client id.</summary>
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ClientId { get; set; }

    /// <summary>Your own id for the content the purchase was made on (wire <c>clientContentId</c>).</summary>
    public string? ClientContentId { get; set; }

    /// <summary>
    /// ConsCent's internal id for that content (wire <c>contentId</c>, 24 hex digits). Not your content id: that is
    /// <see cref="ClientContentId"/>.
    /// </summary>
    [JsonPropertyName("contentId")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ConscentContentId { get; set; }

    /// <summary>ConsCent's user id of the buyer.</summary>
    public string? UserId { get; set; }

    /// <summary>The buyer's email.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The buyer's phone number.</summary>
    public string? UserPhoneNumber { get; set; }

    /// <summary>The buyer's name.</summary>
    public string? UserName { get; set; }

    /// <summary>The buyer's postal address.</summary>
    public ReaderAddress? UserAddress { get; set; }

    /// <summary>Your own id for the buyer, when you gave ConsCent one.</summary>
    public string? ClientSpecificUserId { get; set; }

    /// <summary>The price the buyer paid.</summary>
    public decimal? Price { get; set; }

    /// <summary>The amount after ConsCent's share (the docs do not define it further).</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>The price with its currency.</summary>
    public PriceDetails? PriceDetails { get; set; }

    /// <summary>Ids of the offers applied.</summary>
    public IList<string>? AvailedOffers { get; set; }

    /// <summary>Whether it was a promotional purchase.</summary>
    public bool? Promotional { get; set; }

    /// <summary>Categories.</summary>
    public IList<string>? Categories { get; set; }

    /// <summary>Whether it is a free trial.</summary>
    public bool? FreeTrial { get; set; }

    /// <summary>True when it was migrated from your own system.</summary>
    public bool? Migrated { get; set; }

    /// <summary>When it was bought.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When access ends.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }
}

/// <summary>A subscription purchase (<c>GET /client/purchases/subscriptions</c>).</summary>
public sealed class SubscriptionPurchase : PurchaseRecord
{
    /// <summary>ConsCent's id for the subscription plan.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>ConsCent's id for the plan tier.</summary>
    public string? TierId { get; set; }

    /// <summary>The plan's price in INR and its duration.</summary>
    public PurchasedSubscriptionDetails? SubscriptionDetails { get; set; }

    /// <summary>Whether it was renewed by hand.</summary>
    public bool? ManuallyRenewed { get; set; }

    /// <summary>Whether it renews.</summary>
    public bool? RenewSubscription { get; set; }
}

/// <summary>A pass purchase (<c>GET /client/purchases/passes</c>): time-limited access.</summary>
public sealed class PassPurchase : PurchaseRecord
{
}

/// <summary>A pay-per-use purchase of one content item (<c>GET /client/purchases/micropayments</c>).</summary>
public sealed class MicropaymentPurchase : PurchaseRecord
{
}

/// <summary>The plan details on a subscription purchase: <c>{inrPrice, duration}</c>.</summary>
public sealed class PurchasedSubscriptionDetails : ConscentModel
{
    /// <summary>The price in INR.</summary>
    public decimal? InrPrice { get; set; }

    /// <summary>The plan's duration, as ConsCent sends it (the docs do not state the unit; months, judging by the plans).</summary>
    public decimal? Duration { get; set; }
}

/// <summary>One page of <see cref="IPurchasesClient.ListSubscriptionsAsync"/>.</summary>
internal sealed class SubscriptionPurchaseList : ConscentModel
{
    /// <summary>The purchases on this page.</summary>
    public IList<SubscriptionPurchase>? Purchases { get; set; }

    /// <summary>Paging details (no totals: paging ends at a short page).</summary>
    public PaginationInfo? PaginationInfo { get; set; }
}

/// <summary>One page of <see cref="IPurchasesClient.ListPassesAsync"/>.</summary>
internal sealed class PassPurchaseList : ConscentModel
{
    /// <summary>The purchases on this page.</summary>
    public IList<PassPurchase>? Purchases { get; set; }

    /// <summary>Paging details (no totals: paging ends at a short page).</summary>
    public PaginationInfo? PaginationInfo { get; set; }
}

/// <summary>One page of <see cref="IPurchasesClient.ListMicropaymentsAsync"/>.</summary>
internal sealed class MicropaymentPurchaseList : ConscentModel
{
    /// <summary>The purchases on this page.</summary>
    public IList<MicropaymentPurchase>? Purchases { get; set; }

    /// <summary>Paging details (no totals: paging ends at a short page).</summary>
    public PaginationInfo? PaginationInfo { get; set; }
}

/// <summary>One page of <see cref="IPurchasesClient.ListAsync"/>: purchases of every type.</summary>
internal sealed class PurchaseTransactionList : ConscentModel
{
    /// <summary>The purchases on this page (wire <c>transactionDetails</c>).</summary>
    [JsonPropertyName("transactionDetails")]
    public IList<PurchaseTransaction>? Transactions { get; set; }

    /// <summary>Paging details, with totals.</summary>
    public Pagination? Pagination { get; set; }
}

/// <summary>
/// One purchase of any type in <c>GET /client/purchases</c>. Here ConsCent embeds the related documents: the buyer,
/// your client and the content come as objects, where other answers send plain id strings. Each reference reads both.
/// </summary>
public sealed class PurchaseTransaction : ConscentModel
{
    /// <summary>ConsCent's id for the purchase (<c>_id</c>).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The purchase type: <c>SUBSCRIPTION</c>, <c>PASS</c> or <c>CONTENT</c> (see <see cref="PurchaseTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>The buyer (wire <c>userAccount</c>): their contact details, or only ConsCent's user id.</summary>
    [JsonConverter(typeof(PurchaseUserAccountConverter))]
    public PurchaseUserAccount? UserAccount { get; set; }

    /// <summary>Your client (wire <c>clientId</c>): its name, or only its id.</summary>
    [JsonPropertyName("clientId")]
    [JsonConverter(typeof(PurchaseClientReferenceConverter))]
    public PurchaseClientReference? Client { get; set; }

    /// <summary>
    /// The content (wire <c>contentId</c>): its title and URL, or only ConsCent's internal content id
    /// (<see cref="PurchaseContentReference.ConscentContentId"/>, never your own content id).
    /// </summary>
    [JsonPropertyName("contentId")]
    [JsonConverter(typeof(PurchaseContentReferenceConverter))]
    public PurchaseContentReference? Content { get; set; }

    /// <summary>The price the buyer paid.</summary>
    public decimal? Price { get; set; }

    /// <summary>The amount after ConsCent's share.</summary>
    public decimal? BuyingPrice { get; set; }

    /// <summary>Whether it was a promotional purchase.</summary>
    public bool? Promotional { get; set; }

    /// <summary>When it was bought.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>The buyer of a purchase: ConsCent's user id and/or their embedded contact details.</summary>
public sealed class PurchaseUserAccount : ConscentModel
{
    /// <summary>ConsCent's user id (<c>_id</c>, or the whole value when ConsCent sends only the id).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>The buyer's email.</summary>
    public string? Email { get; set; }

    /// <summary>The buyer's phone number.</summary>
    public string? PhoneNumber { get; set; }
}

/// <summary>Your client on a purchase: its id and/or its embedded details.</summary>
public sealed class PurchaseClientReference : ConscentModel
{
    /// <summary>Your ConsCent client id (<c>_id</c>, or the whole value when ConsCent sends only the id).</summary>
    [JsonPropertyName("_id")]
    public string? Id { get; set; }

    /// <summary>Your site's name on ConsCent.</summary>
    public string? Name { get; set; }
}

/// <summary>The content of a purchase: ConsCent's internal id and/or the embedded content details.</summary>
public sealed class PurchaseContentReference : ConscentModel
{
    /// <summary>
    /// ConsCent's internal id for the content (<c>_id</c>, or the whole value when ConsCent sends only the id). Not your
    /// own content id (which ConsCent calls <c>clientContentId</c>).
    /// </summary>
    [JsonPropertyName("_id")]
    public string? ConscentContentId { get; set; }

    /// <summary>The content's title.</summary>
    public string? Title { get; set; }

    /// <summary>The content's URL.</summary>
    public string? Url { get; set; }
}

/// <summary>Purchase types (the three ConsCent payment formats; others are passed through).</summary>
public static class PurchaseTypes
{
    /// <summary><c>SUBSCRIPTION</c>.</summary>
    public const string Subscription = "SUBSCRIPTION";

    /// <summary><c>PASS</c>: time-limited access.</summary>
    public const string Pass = "PASS";

    /// <summary><c>CONTENT</c>: pay-per-use of one content item (a micropayment).</summary>
    public const string Content = "CONTENT";
}
