using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>A confirmed consumption, as <c>IConsumptionClient.ValidateAsync</c> returns it.</summary>
    /// <param name="consumptionId">The consumption id.</param>
    /// <param name="contentId">Your content id in the payload.</param>
    /// <param name="clientId">Your client id in the payload (use your <c>ConscentOptions.ClientId</c> when your code compares them).</param>
    /// <param name="createdAt">When the consumption happened (left out when null).</param>
    /// <param name="message">ConsCent's message.</param>
    /// <param name="signature">ConsCent's signature.</param>
    /// <param name="accessTimeLeft">The raw <c>accessTimeLeft</c> value, when the reader bought earlier.</param>
    public static ConsumptionValidation ConsumptionValidation(
        string? consumptionId = "consumption-1",
        string? contentId = "content-1",
        string? clientId = "client-1",
        DateTimeOffset? createdAt = null,
        string? message = "Content Consumption Confirmed",
        string? signature = "signature",
        JsonElement? accessTimeLeft = null) => new()
    {
        Message = message,
        Payload = ConsumptionPayload(clientId, contentId, createdAt),
        ConsumptionId = consumptionId,
        Signature = signature,
        AccessTimeLeft = accessTimeLeft,
    };

    /// <summary>What a consumption is about (<c>payload</c>).</summary>
    /// <param name="clientId">Your client id.</param>
    /// <param name="contentId">Your content id.</param>
    /// <param name="createdAt">When it happened (left out when null).</param>
    public static ConsumptionPayload ConsumptionPayload(string? clientId = "client-1", string? contentId = "content-1", DateTimeOffset? createdAt = null) =>
        new() { ClientId = clientId, ContentId = contentId, CreatedAt = createdAt };

    /// <summary>The outcome of <c>IConsumptionClient.VerifyAsync</c>.</summary>
    /// <param name="mismatches">The failed checks (<see cref="ConsumptionMismatch.None"/>: valid).</param>
    /// <param name="validation">ConsCent's answer; when null, <see cref="ConsumptionValidation"/>'s defaults unless <paramref name="mismatches"/> has <see cref="ConsumptionMismatch.NotFound"/>.</param>
    /// <param name="age">How long ago the consumption happened.</param>
    public static ConsumptionVerification ConsumptionVerification(
        ConsumptionMismatch mismatches = ConsumptionMismatch.None, ConsumptionValidation? validation = null, TimeSpan? age = null) =>
        new(mismatches, validation ?? ((mismatches & ConsumptionMismatch.NotFound) != 0 ? null : ConsumptionValidation()), age);

    /// <summary>Purchases of one content item (<c>IStatsClient.GetContentStatsAsync</c>).</summary>
    /// <param name="count">How many purchases.</param>
    /// <param name="amount">What they earned.</param>
    /// <param name="currency">The currency of <paramref name="amount"/>.</param>
    public static ContentStats ContentStats(int? count = 1, decimal? amount = 1m, string? currency = "INR") =>
        new() { Count = count, Amount = amount, Currency = currency };

    /// <summary>Totals across all your content (<c>IStatsClient.GetDailyStatsAsync</c>; written with the current name <c>totalContentConsumed</c>).</summary>
    /// <param name="consumed">Consumptions in the range.</param>
    /// <param name="totalRevenueGenerated">Revenue in the range.</param>
    public static DailyStats DailyStats(int? consumed = 1, decimal? totalRevenueGenerated = 1m) =>
        new() { Consumed = consumed, TotalRevenueGenerated = totalRevenueGenerated };

    /// <summary>The answer to <c>IStatsClient.ListCurrentSubscribersAsync</c>.</summary>
    /// <param name="subscriptions">The active subscriptions (one <see cref="CurrentSubscription"/> with defaults when null).</param>
    public static CurrentSubscribersResponse CurrentSubscribersResponse(IEnumerable<CurrentSubscription>? subscriptions = null) =>
        new() { Subscriptions = ToList(subscriptions) ?? new List<CurrentSubscription> { CurrentSubscription() } };

    /// <summary>One active subscription in the current-subscriber list.</summary>
    /// <param name="id">ConsCent's id for the subscription purchase (<c>_id</c>).</param>
    /// <param name="subscriptionTitle">The plan's title.</param>
    /// <param name="userAccount">The buyer (<see cref="SubscriberAccount"/>'s defaults when null).</param>
    /// <param name="price">The list price.</param>
    /// <param name="buyingPrice">What the buyer paid (<paramref name="price"/> when null).</param>
    /// <param name="currency">The currency in <c>priceDetails</c>.</param>
    /// <param name="expiryDate">When it ends (left out when null).</param>
    /// <param name="createdAt">When it was bought (left out when null).</param>
    /// <param name="renewSubscription">Whether it renews.</param>
    /// <param name="freeTrial">Whether there was a free trial.</param>
    /// <param name="physical">Print delivery.</param>
    /// <param name="digital">Digital access.</param>
    /// <param name="country">The purchase country code.</param>
    /// <param name="city">The purchase city.</param>
    /// <param name="device">The device, such as <c>desktop</c>.</param>
    /// <param name="operatingSystem">The operating system.</param>
    public static CurrentSubscription CurrentSubscription(
        string? id = "subscription-purchase-1",
        string? subscriptionTitle = "Digital plan",
        SubscriberAccount? userAccount = null,
        decimal? price = 299m,
        decimal? buyingPrice = null,
        string? currency = "INR",
        DateTimeOffset? expiryDate = null,
        DateTimeOffset? createdAt = null,
        bool? renewSubscription = false,
        bool? freeTrial = false,
        bool? physical = false,
        bool? digital = true,
        string? country = "IN",
        string? city = null,
        string? device = DeviceTypes.Desktop,
        string? operatingSystem = null) => new()
    {
        Id = id,
        SubscriptionTitle = subscriptionTitle,
        UserAccount = userAccount ?? SubscriberAccount(),
        Price = price,
        BuyingPrice = buyingPrice ?? price,
        PriceDetails = new SubscriptionPriceDetails { Price = price, Currency = currency },
        ExpiryDate = expiryDate,
        CreatedAt = createdAt,
        RenewSubscription = renewSubscription,
        FreeTrial = freeTrial is null ? null : new SubscriptionFreeTrial { Enabled = freeTrial },
        SubscriptionType = new SubscriptionKind { Physical = physical, Digital = digital },
        Country = country,
        City = city,
        Device = device,
        OperatingSystem = operatingSystem,
    };

    /// <summary>The buyer of a subscription in the current-subscriber list.</summary>
    /// <param name="name">The buyer's name.</param>
    /// <param name="email">The buyer's email.</param>
    /// <param name="phoneNumber">The buyer's phone number.</param>
    /// <param name="address">The delivery address (left out when null).</param>
    /// <param name="id">ConsCent's account id (set only when an answer gives a bare id).</param>
    public static SubscriberAccount SubscriberAccount(
        string? name = "Reader One", string? email = "reader@example.com", string? phoneNumber = null, SubscriberAddress? address = null, string? id = null) =>
        new() { Name = name, Email = email, PhoneNumber = phoneNumber, Address = address, Id = id };

    /// <summary>A subscriber's address.</summary>
    /// <param name="apartment">Flat or house.</param>
    /// <param name="area">Area.</param>
    /// <param name="pincode">Postal code.</param>
    /// <param name="landmark">Landmark.</param>
    /// <param name="city">City.</param>
    /// <param name="state">State.</param>
    /// <param name="country">Country code.</param>
    public static SubscriberAddress SubscriberAddress(
        string? apartment = null, string? area = null, string? pincode = "110001", string? landmark = null, string? city = "New Delhi", string? state = "Delhi", string? country = "IN") =>
        new() { Apartment = apartment, Area = area, Pincode = pincode, Landmark = landmark, City = city, State = state, Country = country };

    /// <summary>The answer to <c>IAutoLoginClient.GenerateTokenAsync</c>.</summary>
    /// <param name="tempAuthToken">The temporary token.</param>
    public static TempAuthTokenResponse TempAuthTokenResponse(string? tempAuthToken = "temp-auth-token") => new() { TempAuthToken = tempAuthToken };

    /// <summary>The loyalty host's answer to <c>ILoyaltyClient.PostUserEventAsync</c>.</summary>
    /// <param name="statusCode">The HTTP status (a 2xx).</param>
    /// <param name="text">The body; parsed into <see cref="LoyaltyEventResult.Json"/> when it is JSON.</param>
    public static LoyaltyEventResult LoyaltyEventResult(HttpStatusCode statusCode = HttpStatusCode.OK, string? text = "{\"message\":\"Event recorded\"}")
    {
        text ??= string.Empty;
        JsonElement? json = null;
        if (text.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                json = null;
            }
        }
        return new LoyaltyEventResult(statusCode, text, json);
    }
}
