using System;
using System.Collections.Generic;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>A subscription purchase (<c>IPurchasesClient.ListSubscriptionsAsync</c>).</summary>
    /// <param name="userId">ConsCent's id for the buyer.</param>
    /// <param name="subscriptionId">ConsCent's plan id.</param>
    /// <param name="tierId">ConsCent's tier id.</param>
    /// <param name="price">The price paid.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="durationInMonths">The plan duration in <c>subscriptionDetails</c>.</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    /// <param name="userEmail">The buyer's email.</param>
    /// <param name="userPhoneNumber">The buyer's phone number.</param>
    /// <param name="userName">The buyer's name.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="renewSubscription">Whether it renews.</param>
    public static SubscriptionPurchase SubscriptionPurchase(
        string? userId = "user-1",
        string? subscriptionId = "subscription-1",
        string? tierId = "tier-1",
        decimal? price = 299m,
        string? currency = "INR",
        decimal? durationInMonths = 1m,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? userName = "Reader One",
        string? clientId = "client-1",
        bool? renewSubscription = false)
    {
        var p = new SubscriptionPurchase
        {
            SubscriptionId = subscriptionId,
            TierId = tierId,
            SubscriptionDetails = new PurchasedSubscriptionDetails { InrPrice = price, Duration = durationInMonths },
            ManuallyRenewed = false,
            RenewSubscription = renewSubscription,
        };
        return Fill(p, userId, price, currency, createdAt, expiryDate, userEmail, userPhoneNumber, userName, clientId, null, null);
    }

    /// <summary>A pass purchase (<c>IPurchasesClient.ListPassesAsync</c>).</summary>
    /// <param name="userId">ConsCent's id for the buyer.</param>
    /// <param name="price">The price paid.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When access ends (left out when null).</param>
    /// <param name="userEmail">The buyer's email.</param>
    /// <param name="userPhoneNumber">The buyer's phone number.</param>
    /// <param name="userName">The buyer's name.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="clientContentId">Your content id the pass was bought on.</param>
    /// <param name="conscentContentId">ConsCent's internal content id (wire <c>contentId</c>).</param>
    public static PassPurchase PassPurchase(
        string? userId = "user-1",
        decimal? price = 49m,
        string? currency = "INR",
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? userName = "Reader One",
        string? clientId = "client-1",
        string? clientContentId = null,
        string? conscentContentId = null) =>
        Fill(new PassPurchase(), userId, price, currency, createdAt, expiryDate, userEmail, userPhoneNumber, userName, clientId, clientContentId, conscentContentId);

    /// <summary>A pay-per-use purchase (<c>IPurchasesClient.ListMicropaymentsAsync</c>).</summary>
    /// <param name="clientContentId">Your content id.</param>
    /// <param name="userId">ConsCent's id for the buyer.</param>
    /// <param name="price">The price paid.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When access ends (left out when null).</param>
    /// <param name="userEmail">The buyer's email.</param>
    /// <param name="userPhoneNumber">The buyer's phone number.</param>
    /// <param name="userName">The buyer's name.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="conscentContentId">ConsCent's internal content id (wire <c>contentId</c>).</param>
    public static MicropaymentPurchase MicropaymentPurchase(
        string? clientContentId = "content-1",
        string? userId = "user-1",
        decimal? price = 1m,
        string? currency = "INR",
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiryDate = null,
        string? userEmail = "reader@example.com",
        string? userPhoneNumber = null,
        string? userName = "Reader One",
        string? clientId = "client-1",
        string? conscentContentId = "000000000000000000000001") =>
        Fill(new MicropaymentPurchase(), userId, price, currency, createdAt, expiryDate, userEmail, userPhoneNumber, userName, clientId, clientContentId, conscentContentId);

    private static T Fill<T>(
        T record, string? userId, decimal? price, string? currency, DateTimeOffset? createdAt, DateTimeOffset? expiryDate,
        string? userEmail, string? userPhoneNumber, string? userName, string? clientId, string? clientContentId, string? conscentContentId)
        where T : PurchaseRecord
    {
        record.UserId = userId;
        record.Price = price;
        record.BuyingPrice = price;
        record.PriceDetails = PriceDetails(price, currency);
        record.CreatedAt = createdAt;
        record.ExpiryDate = expiryDate;
        record.UserEmail = userEmail;
        record.UserPhoneNumber = userPhoneNumber;
        record.UserName = userName;
        record.ClientId = clientId;
        record.ClientContentId = clientContentId;
        record.ConscentContentId = conscentContentId;
        record.Promotional = false;
        record.FreeTrial = false;
        record.Migrated = false;
        return record;
    }





    /// <summary>One purchase of any type in <c>IPurchasesClient.ListAsync</c>, with the buyer, client and content embedded.</summary>
    /// <param name="id">ConsCent's purchase id (<c>_id</c>).</param>
    /// <param name="type">The purchase type (<see cref="PurchaseTypes"/>).</param>
    /// <param name="userAccount">The buyer (<see cref="PurchaseUserAccount"/>'s defaults when null).</param>
    /// <param name="client">Your client (<see cref="PurchaseClientReference"/>'s defaults when null).</param>
    /// <param name="content">The content (<see cref="PurchaseContentReference"/>'s defaults when null).</param>
    /// <param name="price">The price paid.</param>
    /// <param name="buyingPrice">The amount after ConsCent's share (<paramref name="price"/> when null).</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    public static PurchaseTransaction PurchaseTransaction(
        string? id = "purchase-1",
        string? type = PurchaseTypes.Content,
        PurchaseUserAccount? userAccount = null,
        PurchaseClientReference? client = null,
        PurchaseContentReference? content = null,
        decimal? price = 1m,
        decimal? buyingPrice = null,
        DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        Type = type,
        UserAccount = userAccount ?? PurchaseUserAccount(),
        Client = client ?? PurchaseClientReference(),
        Content = content ?? PurchaseContentReference(),
        Price = price,
        BuyingPrice = buyingPrice ?? price,
        Promotional = false,
        CreatedAt = createdAt,
    };

    /// <summary>The buyer of a purchase.</summary>
    /// <param name="email">The buyer's email.</param>
    /// <param name="phoneNumber">The buyer's phone number.</param>
    /// <param name="id">ConsCent's user id.</param>
    public static PurchaseUserAccount PurchaseUserAccount(string? email = "reader@example.com", string? phoneNumber = null, string? id = null) =>
        new() { Email = email, PhoneNumber = phoneNumber, Id = id };

    /// <summary>Your client on a purchase.</summary>
    /// <param name="name">Your site's name on ConsCent.</param>
    /// <param name="id">Your client id.</param>
    public static PurchaseClientReference PurchaseClientReference(string? name = "Demo Client", string? id = null) => new() { Name = name, Id = id };

    /// <summary>The content of a purchase.</summary>
    /// <param name="title">The content's title.</param>
    /// <param name="url">The content's URL.</param>
    /// <param name="conscentContentId">ConsCent's internal content id (not your content id).</param>
    public static PurchaseContentReference PurchaseContentReference(
        string? title = "Example article", string? url = "https://publisher.example/content-1", string? conscentContentId = null) =>
        new() { Title = title, Url = url, ConscentContentId = conscentContentId };

    /// <summary>The answer to <c>IUsersClient.GetUserAndSubscriptionDetailsAsync</c>.</summary>
    /// <param name="userDetails">The reader's profile (<see cref="ReaderDetails"/>'s defaults when null).</param>
    /// <param name="userSubscriptions">The reader's subscriptions (one <see cref="ReaderSubscription"/> with defaults when null).</param>
    public static UserAndSubscriptionDetails UserAndSubscriptionDetails(ReaderDetails? userDetails = null, IEnumerable<ReaderSubscription>? userSubscriptions = null) => new()
    {
        UserDetails = userDetails ?? ReaderDetails(),
        UserSubscriptions = ToList(userSubscriptions) ?? new List<ReaderSubscription> { ReaderSubscription() },
    };

    /// <summary>The answer to <c>IUsersClient.GetUserAndPurchaseDetailsAsync</c>.</summary>
    /// <param name="userDetails">The reader's profile (<see cref="ReaderDetails"/>'s defaults when null).</param>
    /// <param name="userSubscriptions">The reader's subscriptions (empty when null).</param>
    /// <param name="passes">The reader's passes (empty when null).</param>
    /// <param name="payPerUses">The reader's pay-per-use purchases (empty when null).</param>
    public static UserAndPurchaseDetails UserAndPurchaseDetails(
        ReaderDetails? userDetails = null,
        IEnumerable<ReaderSubscription>? userSubscriptions = null,
        IEnumerable<ReaderPurchase>? passes = null,
        IEnumerable<ReaderPurchase>? payPerUses = null) => new()
    {
        UserDetails = userDetails ?? ReaderDetails(),
        UserSubscriptions = ToListOrEmpty(userSubscriptions),
        Passes = ToListOrEmpty(passes),
        PayPerUses = ToListOrEmpty(payPerUses),
    };

    /// <summary>A reader's ConsCent profile (<c>userdetails</c>).</summary>
    /// <param name="name">The reader's name.</param>
    /// <param name="email">The reader's email.</param>
    /// <param name="phoneNumber">The reader's phone number.</param>
    /// <param name="country">The country code.</param>
    /// <param name="address">The postal address (left out when null).</param>
    /// <param name="walletBalance">The wallet balance.</param>
    /// <param name="walletCurrency">The wallet currency.</param>
    /// <param name="lastPurchasedOn">When the reader last bought anything (left out when null).</param>
    /// <param name="dateOfBirth">Date of birth (left out when null).</param>
    /// <param name="promotionalOptIn">Whether the reader accepted promotions.</param>
    public static ReaderDetails ReaderDetails(
        string? name = "Reader One",
        string? email = "reader@example.com",
        string? phoneNumber = null,
        string? country = "IN",
        ReaderAddress? address = null,
        decimal? walletBalance = 0m,
        string? walletCurrency = "INR",
        DateTimeOffset? lastPurchasedOn = null,
        DateTimeOffset? dateOfBirth = null,
        bool? promotionalOptIn = null) => new()
    {
        Name = name,
        Email = email,
        PhoneNumber = phoneNumber,
        Country = country,
        Address = address,
        Wallet = new ReaderWallet { Balance = walletBalance, Currency = walletCurrency },
        LastPurchasedOn = lastPurchasedOn,
        DateOfBirth = dateOfBirth,
        PromotionalOptIn = promotionalOptIn,
    };

    /// <summary>A reader's postal address.</summary>
    /// <param name="apartment">Flat or house.</param>
    /// <param name="area">Area or street.</param>
    /// <param name="pincode">PIN code.</param>
    /// <param name="landmark">Landmark.</param>
    /// <param name="city">City.</param>
    /// <param name="state">State.</param>
    /// <param name="country">Country.</param>
    public static ReaderAddress ReaderAddress(
        string? apartment = null, string? area = null, string? pincode = "110001", string? landmark = null, string? city = "New Delhi", string? state = "Delhi", string? country = "IN") =>
        new() { Apartment = apartment, Area = area, Pincode = pincode, Landmark = landmark, City = city, State = state, Country = country };

    /// <summary>A pass or pay-per-use purchase in the user-details answers.</summary>
    /// <param name="id">ConsCent's purchase id (<c>_id</c>).</param>
    /// <param name="price">The price paid.</param>
    /// <param name="purchasedOn">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When access ends (left out when null).</param>
    /// <param name="client">Your site's name.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="gst">The GST included (left out when null).</param>
    public static ReaderPurchase ReaderPurchase(
        string? id = "purchase-1", decimal? price = 1m, DateTimeOffset? purchasedOn = null, DateTimeOffset? expiryDate = null,
        string? client = "Demo Client", string? clientId = "client-1", decimal? gst = null) => new()
    {
        Id = id,
        Price = price,
        PurchasedOn = purchasedOn,
        ExpiryDate = expiryDate,
        Client = client,
        ClientId = clientId,
        Gst = gst,
        GstComponents = GstComponents(),
        FreeTrial = false,
    };

    /// <summary>A subscription in the user-details answers.</summary>
    /// <param name="id">ConsCent's purchase id (<c>_id</c>).</param>
    /// <param name="subscriptionTitle">The title.</param>
    /// <param name="status">The status (<see cref="SubscriptionStatuses"/>).</param>
    /// <param name="price">The price.</param>
    /// <param name="purchasedOn">When it was bought (left out when null).</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    /// <param name="tierId">ConsCent's tier id.</param>
    /// <param name="durationInMonths">The length in months.</param>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    /// <param name="client">Your site's name.</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="allowCancellation">Whether the reader may cancel.</param>
    /// <param name="allowRenewal">Whether the reader may renew.</param>
    public static ReaderSubscription ReaderSubscription(
        string? id = "subscription-purchase-1",
        string? subscriptionTitle = "Digital plan",
        string? status = SubscriptionStatuses.Active,
        decimal? price = 299m,
        DateTimeOffset? purchasedOn = null,
        DateTimeOffset? expiryDate = null,
        string? tierId = "tier-1",
        int? durationInMonths = 1,
        bool? physical = false,
        bool? digital = true,
        string? client = "Demo Client",
        string? clientId = "client-1",
        bool? allowCancellation = false,
        bool? allowRenewal = false) => new()
    {
        Id = id,
        SubscriptionTitle = subscriptionTitle,
        Status = status,
        Price = price,
        SubscriptionPriceInInr = price,
        PurchasedOn = purchasedOn,
        ExpiryDate = expiryDate,
        TierId = tierId,
        SubscriptionDurationInMonths = durationInMonths,
        SubscriptionType = SubscriptionType(physical, digital),
        Client = client,
        ClientId = clientId,
        GstComponents = GstComponents(),
        FreeTrial = false,
        AllowCancellation = allowCancellation,
        CancellationUrl = "",
        AllowRenewal = allowRenewal,
        RenewalUrl = "",
    };
}
