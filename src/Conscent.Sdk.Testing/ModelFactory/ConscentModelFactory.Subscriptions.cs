using System;
using System.Collections.Generic;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>The answer to <c>ISubscriptionsClient.MigrateAsync</c>.</summary>
    /// <param name="migratedSubscription">The recorded subscription (<see cref="MigratedSubscription"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static MigrateSubscriptionResponse MigrateSubscriptionResponse(MigratedSubscription? migratedSubscription = null, string? message = "Subscription migrated successfully") =>
        new() { Message = message, MigratedSubscription = migratedSubscription ?? MigratedSubscription() };

    /// <summary>
    /// The subscription purchase ConsCent records for a migration. As in ConsCent's example, <c>price</c> and
    /// <c>buyingPrice</c> are 0 and the migrated price is in <paramref name="migratedSubscriptionDetails"/>.
    /// </summary>
    /// <param name="id">ConsCent's purchase id (<c>_id</c>).</param>
    /// <param name="clientId">Your client id.</param>
    /// <param name="userAccountId">ConsCent's id for the reader's account.</param>
    /// <param name="migratedSubscriptionDetails">The subscription as sent (<see cref="MigrateSubscriptionDetails"/>'s defaults when null).</param>
    /// <param name="subscriptionTitle">The title.</param>
    /// <param name="subscriptionId">ConsCent's plan id.</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    /// <param name="migratedCreatedAt">The original purchase date (left out when null).</param>
    /// <param name="createdAt">When ConsCent recorded it (left out when null).</param>
    /// <param name="country">The country code.</param>
    /// <param name="price">The price ConsCent recorded.</param>
    /// <param name="currency">The currency of <c>priceDetails</c>.</param>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    public static MigratedSubscription MigratedSubscription(
        string? id = "migrated-subscription-1",
        string? clientId = "client-1",
        string? userAccountId = "user-1",
        MigrateSubscriptionDetails? migratedSubscriptionDetails = null,
        string? subscriptionTitle = "Digital plan",
        string? subscriptionId = "subscription-1",
        DateTimeOffset? expiryDate = null,
        DateTimeOffset? migratedCreatedAt = null,
        DateTimeOffset? createdAt = null,
        string? country = "IN",
        decimal? price = 0m,
        string? currency = "INR",
        bool? physical = false,
        bool? digital = true) => new()
    {
        Id = id,
        ClientId = clientId,
        UserAccountId = userAccountId,
        MigratedSubscriptionDetails = migratedSubscriptionDetails ?? MigrateSubscriptionDetails(title: subscriptionTitle, physical: physical, digital: digital),
        GstComponents = GstComponents(),
        InrGstComponents = GstComponents(),
        ManuallyRenewed = false,
        RenewSubscription = false,
        Promotional = false,
        Bundle = false,
        FreeTrial = false,
        Migrated = true,
        Price = price,
        BuyingPrice = price,
        PriceDetails = PriceDetails(price, currency),
        Type = PurchaseTypes.Subscription,
        SubscriptionTitle = subscriptionTitle,
        SubscriptionType = SubscriptionType(physical, digital),
        SubscriptionId = subscriptionId,
        CreatedAt = createdAt,
        MigratedCreatedAt = migratedCreatedAt,
        ExpiryDate = expiryDate,
        Country = country,
        UserCountry = country,
    };

    /// <summary>A migrated subscription's details (<c>migratedSubscriptionDetails</c>).</summary>
    /// <param name="title">The title.</param>
    /// <param name="price">The price the reader paid you.</param>
    /// <param name="currency">Its currency.</param>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    /// <param name="internalSubscriptionId">Your own plan id.</param>
    public static MigrateSubscriptionDetails MigrateSubscriptionDetails(
        string? title = "Digital plan", decimal? price = 200m, string? currency = "INR", bool? physical = false, bool? digital = true, string? internalSubscriptionId = null) => new()
    {
        Title = title,
        PriceDetails = PriceDetails(price, currency),
        SubscriptionType = SubscriptionType(physical, digital),
        InternalSubscriptionId = internalSubscriptionId,
    };

    /// <summary>A price and its currency.</summary>
    /// <param name="price">The amount.</param>
    /// <param name="currency">The ISO 4217 currency.</param>
    public static PriceDetails PriceDetails(decimal? price = 1m, string? currency = "INR") => new() { Price = price, Currency = currency };

    /// <summary>What a subscription gives.</summary>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    /// <param name="adFree">Ad-free (left out when null).</param>
    public static SubscriptionType SubscriptionType(bool? physical = false, bool? digital = true, bool? adFree = null) =>
        new() { Physical = physical, Digital = digital, AdFree = adFree };

    /// <summary>The GST parts of a price.</summary>
    /// <param name="physical">GST on the physical part.</param>
    /// <param name="digital">GST on the digital part.</param>
    public static GstComponents GstComponents(decimal? physical = 0m, decimal? digital = 0m) => new() { Physical = physical, Digital = digital };

    /// <summary>UTM tags.</summary>
    /// <param name="utmSource">utm_source.</param>
    /// <param name="utmMedium">utm_medium.</param>
    public static UtmParameters UtmParameters(string? utmSource = "website", string? utmMedium = null) => new() { UtmSource = utmSource, UtmMedium = utmMedium };

    /// <summary>The answer to <c>ISubscriptionsClient.CancelActiveSubscriptionsAsync</c>.</summary>
    /// <param name="message">ConsCent's message.</param>
    public static CancelSubscriptionsResponse CancelSubscriptionsResponse(string? message = "Subscriptions Cancelled Successfully") => new() { Message = message };
}
