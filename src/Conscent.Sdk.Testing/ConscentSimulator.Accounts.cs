using Conscent.Sdk.Testing.Internal;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing;

public sealed partial class ConscentSimulator
{
    private readonly List<SimulatedUser> _users = new();
    private readonly Dictionary<string, SimulatedUser> _usersById = new(StringComparer.Ordinal);
    private readonly List<SimulatedSubscription> _subscriptions = new();
    private readonly List<SimulatedPurchase> _purchases = new();

    /// <summary>Adds a reader (its <see cref="SimulatedUser.Id"/> is generated when null) and returns it.</summary>
    public SimulatedUser SeedUser(SimulatedUser user)
    {
        if (user is null) throw new ArgumentNullException(nameof(user));
        lock (_gate)
        {
            user.Id ??= Sim.NewObjectId();
            if (_usersById.ContainsKey(user.Id)) throw new ArgumentException("A user with this id is already seeded.", nameof(user));
            _users.Add(user);
            _usersById[user.Id] = user;
            return user;
        }
    }

    /// <summary>
    /// Adds a pass or micropayment purchase for a seeded reader (ids and dates are filled in when null) and returns it.
    /// </summary>
    public SimulatedPurchase SeedPurchase(SimulatedPurchase purchase)
    {
        if (purchase is null) throw new ArgumentNullException(nameof(purchase));
        if (purchase.Type is not (PurchaseTypes.Pass or PurchaseTypes.Content))
            throw new ArgumentException("Type must be PASS or CONTENT; seed subscriptions with SeedSubscription.", nameof(purchase));
        lock (_gate)
        {
            RequireUser(purchase.UserId, nameof(purchase));
            purchase.Id ??= Sim.NewObjectId();
            purchase.ContentId ??= Sim.NewObjectId();
            purchase.CreatedAt ??= Now;
            // Purchase records embed the content's title and URL (as the docs' samples show): take them from the
            // registered content, else make them up, so a seeded purchase never serves an empty content object.
            if (purchase.ClientContentId is { } clientContentId && _contentById.TryGetValue(clientContentId, out var content))
            {
                purchase.Title ??= content.Title;
                purchase.Url ??= content.Url;
            }
            purchase.Title ??= purchase.ClientContentId ?? (purchase.Type == PurchaseTypes.Pass ? "Pass " : "Content ") + purchase.Id;
            purchase.Url ??= "https://publisher.example/" + Uri.EscapeDataString(purchase.ClientContentId ?? purchase.Id!);
            _purchases.Add(purchase);
            return purchase;
        }
    }

    /// <summary>Adds a subscription for a seeded reader (ids and dates are filled in when null) and returns it.</summary>
    public SimulatedSubscription SeedSubscription(SimulatedSubscription subscription)
    {
        if (subscription is null) throw new ArgumentNullException(nameof(subscription));
        lock (_gate)
        {
            RequireUser(subscription.UserId, nameof(subscription));
            subscription.Id ??= Sim.NewObjectId();
            subscription.SubscriptionId ??= Sim.NewObjectId();
            subscription.TierId ??= Sim.NewObjectId();
            subscription.CreatedAt ??= Now;
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    private void RequireUser(string? userId, string paramName)
    {
        if (userId is null || !_usersById.ContainsKey(userId))
            throw new ArgumentException("UserId must be the id of a seeded user (call SeedUser first).", paramName);
    }

    // ---- E11 current subscribers -------------------------------------------------------------------------------

    private static bool IsActive(SimulatedSubscription s, DateTimeOffset now) =>
        string.Equals(s.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase) && (s.ExpiryDate is null || s.ExpiryDate > now);

    private SimHttpResponse CurrentSubscribers(RouteCall call)
    {
        var items = new JsonArray();
        foreach (var s in _subscriptions.Where(s => IsActive(s, call.Now)))
        {
            var u = _usersById[s.UserId!];
            items.AddNode(new JsonObject()
                .Put("renewSubscription", s.RenewSubscription)
                .Put("freeTrial", s.FreeTrial)
                .Put("_id", s.Id)
                .Put("userAccount", new JsonObject()
                    .Put("address", AddressJson(u.Address))
                    .Put("name", u.Name)
                    .Put("phoneNumber", u.PhoneNumber)
                    .Put("email", u.Email))
                .Put("buyingPrice", s.BuyingPrice ?? s.Price)
                .Put("price", s.Price)
                .Put("country", s.Country)
                .Put("city", s.City)
                .Put("expiryDate", s.ExpiryDate)
                .Put("priceDetails", PriceDetails(s.Price, s.Currency))
                .Put("subscriptionTitle", s.Title)
                .Put("operatingSystem", s.OperatingSystem)
                .Put("device", s.Device)
                .Put("subscriptionType", new JsonObject { ["physical"] = s.Physical, ["digital"] = s.Digital })
                .Put("createdAt", s.CreatedAt));
        }
        return SimHttpResponse.Json(200, new JsonObject { ["subscriptions"] = items });
    }

    // ---- E12 migrate --------------------------------------------------------------------------------------------

    private SimHttpResponse Migrate(RouteCall call)
    {
        var body = Sim.BodyObject(call.Request.Body);
        var errors = new List<string>();
        var email = Sim.Str(body, "userPrimaryEmail", errors);
        var phone = Sim.Str(body, "userPrimaryPhone", errors);
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone)) errors.Add("userPrimaryEmail or userPrimaryPhone is required");
        var expiryText = Sim.Str(body, "expiryDate", errors);
        var purchaseText = Sim.Str(body, "purchaseDate", errors);
        if (expiryText is null) errors.Add("expiryDate is required");
        if (purchaseText is null) errors.Add("purchaseDate is required");
        var expiry = Sim.ParseDate(expiryText, "expiryDate", errors);
        var purchased = Sim.ParseDate(purchaseText, "purchaseDate", errors);
        var country = Sim.Str(body, "country", errors);
        if (string.IsNullOrEmpty(country)) errors.Add("country is required");
        else if (!CountryCodes.IsValid(country)) errors.Add("country must be an ISO Alpha-2 code from the list");
        var details = Sim.Obj(body, "subscriptionDetails", errors);
        JsonObject? type = null;
        bool? physical = null, digital = null;
        if (details is null) errors.Add("subscriptionDetails is required");
        else
        {
            type = Sim.Obj(details, "subscriptionType", errors);
            if (type is null) errors.Add("subscriptionDetails.subscriptionType is required");
            else
            {
                physical = Sim.Bool(type, "physical", errors);
                digital = Sim.Bool(type, "digital", errors);
            }
        }
        var address = Sim.Obj(body, "userAddress", errors);
        if (physical == true && address is null) errors.Add("userAddress is required for a physical subscription");
        var priceDetails = details is null ? null : Sim.Obj(details, "priceDetails", errors);
        var price = priceDetails is null ? null : Sim.Num(priceDetails, "price", errors);
        var currency = priceDetails is null ? null : Sim.Str(priceDetails, "currency", errors);
        var title = details is null ? null : Sim.Str(details, "title", errors);
        var internalId = details is null ? null : Sim.Str(details, "internalSubscriptionId", errors);
        var utm = Sim.Obj(body, "utmParameters", errors);
        var userName = Sim.Str(body, "userName", errors);
        var clientUserId = Sim.Str(body, "clientUserId", errors);
        var secondaryEmail = Sim.Str(body, "userSecondaryEmail", errors);
        var secondaryPhone = Sim.Str(body, "userSecondaryPhone", errors);
        string? street = null, city = null, state = null, postcode = null;
        if (address is not null)
        {
            street = Sim.Str(address, "address", errors);
            city = Sim.Str(address, "city", errors);
            state = Sim.Str(address, "state", errors);
            postcode = address["postcode"] is JsonValue pc ? pc.ToString() : null;
        }
        Sim.ThrowIf(errors);

        var user = _users.FirstOrDefault(u => !string.IsNullOrEmpty(email) && string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))
            ?? _users.FirstOrDefault(u => !string.IsNullOrEmpty(phone) && u.PhoneNumber == phone);
        if (user is null)
        {
            user = new SimulatedUser { Id = Sim.NewObjectId(), Email = email, PhoneNumber = phone };
            _users.Add(user);
            _usersById[user.Id] = user;
        }
        user.Name ??= userName;
        user.Country ??= country;
        user.SecondaryEmail ??= secondaryEmail;
        user.SecondaryPhoneNumber ??= secondaryPhone;
        user.ClientSpecificUserId ??= clientUserId;
        if (address is not null && user.Address is null)
            user.Address = new SimulatedAddress { Area = street, City = city, State = state, Pincode = postcode, Country = country };

        var utmMap = utm?.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
        // As in the docs' sample, a migrated subscription was not paid through ConsCent: price and buyingPrice are 0,
        // and the publisher's price is kept in migratedSubscriptionDetails.
        var subscription = new SimulatedSubscription
        {
            Id = Sim.NewObjectId(),
            UserId = user.Id,
            Title = title,
            Price = 0,
            BuyingPrice = 0,
            Currency = currency ?? "INR",
            Physical = physical ?? false,
            Digital = digital ?? false,
            Migrated = true,
            CreatedAt = call.Now,
            ExpiryDate = expiry,
            MigratedCreatedAt = purchased,
            SubscriptionId = Sim.NewObjectId(),
            TierId = Sim.NewObjectId(),
            Country = country,
            InternalSubscriptionId = internalId,
            UtmParameters = utmMap,
        };
        _subscriptions.Add(subscription);

        var migratedDetails = new JsonObject();
        if (priceDetails is not null) migratedDetails["priceDetails"] = new JsonObject().Put("price", price).Put("currency", currency);
        migratedDetails["subscriptionType"] = type!.DeepClone();
        migratedDetails.Put("title", title).Put("internalSubscriptionId", internalId);

        var result = new JsonObject
        {
            ["gstComponents"] = Gst(),
            ["inrGstComponents"] = Gst(),
            ["migratedSubscriptionDetails"] = migratedDetails,
            ["manuallyRenewed"] = false,
            ["renewSubscription"] = false,
            ["availedOffers"] = new JsonArray(),
            ["promotional"] = false,
            ["categories"] = new JsonArray(),
            ["bundle"] = false,
            ["bundleContentIds"] = new JsonArray(),
            ["paymentType"] = new JsonArray(),
            ["freeTrial"] = false,
            ["migrated"] = true,
            ["_id"] = subscription.Id,
            ["clientId"] = Settings.ClientId,
            ["userAccount"] = user.Id,
            ["price"] = 0,
            ["buyingPrice"] = 0,
            ["priceDetails"] = PriceDetails(0, subscription.Currency),
            ["type"] = "SUBSCRIPTION",
        };
        result.Put("subscriptionTitle", title)
            .Put("subscriptionType", new JsonObject { ["physical"] = subscription.Physical, ["digital"] = subscription.Digital })
            .Put("subscriptionId", subscription.SubscriptionId)
            .Put("createdAt", call.Now)
            .Put("migratedCreatedAt", purchased)
            .Put("expiryDate", expiry)
            .Put("country", country)
            .Put("userCountry", country)
            .Put("utmParameters", utm?.DeepClone())
            .Put("updatedAt", call.Now)
            .Put("__v", 0);
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "Subscription migrated successfully", ["migratedSubscription"] = result });
    }

    // ---- E13 / E15 user details (no auth) -----------------------------------------------------------------------

    private SimulatedUser FindUser(RouteCall call, bool allowContact)
    {
        var errors = new List<string>();
        var clientId = call.Q("clientId");
        string? userId = call.Q("userId"), email = allowContact ? call.Q("email") : null, phone = allowContact ? call.Q("phoneNumber") : null;
        if (clientId is null) errors.Add("clientId is required");
        if (userId is null && email is null && phone is null) errors.Add(allowContact ? "userId, email or phoneNumber is required" : "userId is required");
        Sim.ThrowIf(errors);
        if (!string.Equals(clientId, Settings.ClientId, StringComparison.Ordinal)) throw new SimulatorError(404, "Client not found");
        var user = userId is not null
            ? _usersById.GetValueOrDefault(userId)
            : _users.FirstOrDefault(u => (email is not null && string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)) || (phone is not null && u.PhoneNumber == phone));
        return user ?? throw new SimulatorError(404, "User not found");
    }

    private SimHttpResponse UserAndSubscriptionDetails(RouteCall call)
    {
        var user = FindUser(call, allowContact: false);
        var subscriptions = new JsonArray();
        foreach (var s in _subscriptions.Where(s => s.UserId == user.Id))
        {
            subscriptions.AddNode(new JsonObject()
                .Put("_id", s.Id)
                .Put("client", Settings.ClientName)
                .Put("price", s.Price)
                .Put("purchasedOn", s.CreatedAt)
                .Put("subscriptionTitle", s.Title)
                .Put("expiryDate", s.ExpiryDate)
                .Put("subscriptionType", new JsonObject { ["physical"] = s.Physical, ["digital"] = s.Digital })
                .Put("benefits", s.Benefits)
                .Put("logoUrl", s.LogoUrl)
                .Put("rzpSubscriptionId", s.RzpSubscriptionId)
                .Put("status", s.Status)
                .Put("freeTrial", s.FreeTrial)
                .Put("tierId", s.TierId)
                .Put("clientId", Settings.ClientId)
                .Put("gstComponents", Gst())
                .Put("subscriptionDurationInMonths", s.DurationInMonths)
                .Put("subscriptionPriceInInr", s.Price)
                .Put("allowCancellation", s.AllowCancellation)
                .Put("cancellationUrl", s.CancellationUrl ?? "")
                .Put("allowRenewal", s.AllowRenewal)
                .Put("renewalUrl", s.RenewalUrl ?? ""));
        }
        return SimHttpResponse.Json(200, new JsonObject { ["userdetails"] = UserDetails(user), ["userSubscriptions"] = subscriptions });
    }

    private SimHttpResponse UserAndPurchaseDetails(RouteCall call)
    {
        Paging(call, defaultSize: 500, maxSize: 2000);
        var (from, to) = Range(call);
        var user = FindUser(call, allowContact: true);
        var subscriptions = new JsonArray();
        foreach (var s in _subscriptions.Where(s => s.UserId == user.Id && InRange(s.CreatedAt, from, to)))
        {
            var type = new JsonObject { ["physical"] = s.Physical, ["digital"] = s.Digital }.Put("adFree", s.AdFree);
            subscriptions.AddNode(new JsonObject()
                .Put("_id", s.Id)
                .Put("client", Settings.ClientName)
                .Put("price", s.Price)
                .Put("gst", s.Gst)
                .Put("purchasedOn", s.CreatedAt)
                .Put("subscriptionTitle", s.Title)
                .Put("expiryDate", s.ExpiryDate)
                .Put("subscriptionType", type)
                .Put("benefits", s.Benefits)
                .Put("logoUrl", s.LogoUrl)
                .Put("freeTrial", s.FreeTrial)
                .Put("tierId", s.TierId)
                .Put("clientId", Settings.ClientId)
                .Put("gstComponents", Gst())
                .Put("subscriptionDurationInMonths", s.DurationInMonths)
                .Put("subscriptionPriceInInr", s.Price)
                .Put("allowCancellation", s.AllowCancellation)
                .Put("cancellationUrl", s.CancellationUrl ?? "")
                .Put("allowRenewal", s.AllowRenewal)
                .Put("renewalUrl", s.RenewalUrl ?? ""));
        }
        JsonArray Purchases(string type)
        {
            var array = new JsonArray();
            foreach (var p in _purchases.Where(p => p.UserId == user.Id && p.Type == type && InRange(p.CreatedAt, from, to)))
            {
                array.AddNode(new JsonObject()
                    .Put("_id", p.Id)
                    .Put("client", Settings.ClientName)
                    .Put("price", p.Price)
                    .Put("gst", p.Gst)
                    .Put("purchasedOn", p.CreatedAt)
                    .Put("expiryDate", p.ExpiryDate)
                    .Put("freeTrial", p.FreeTrial)
                    .Put("clientId", Settings.ClientId)
                    .Put("gstComponents", Gst()));
            }
            return array;
        }
        return SimHttpResponse.Json(200, new JsonObject
        {
            ["userdetails"] = UserDetails(user),
            ["userSubscriptions"] = subscriptions,
            ["passes"] = Purchases(PurchaseTypes.Pass),
            ["payPerUses"] = Purchases(PurchaseTypes.Content),
        });
    }

    private JsonObject UserDetails(SimulatedUser u)
    {
        var last = u.LastPurchasedOn ?? _purchases.Where(p => p.UserId == u.Id).Select(p => p.CreatedAt)
            .Concat(_subscriptions.Where(s => s.UserId == u.Id).Select(s => s.CreatedAt)).Max();
        return new JsonObject()
            .Put("name", u.Name)
            .Put("email", u.Email)
            .Put("phoneNumber", u.PhoneNumber)
            .Put("secondaryPhoneNumber", u.SecondaryPhoneNumber)
            .Put("secondaryEmail", u.SecondaryEmail)
            .Put("dateOfBirth", u.DateOfBirth)
            .Put("address", AddressJson(u.Address))
            .Put("country", u.Country)
            .Put("promotionalOptIn", u.PromotionalOptIn)
            .Put("lastPurchasedOn", last)
            .Put("wallet", new JsonObject
            {
                ["balance"] = new JsonObject { ["$numberDecimal"] = (u.WalletBalance ?? 0m).ToString("0.00", CultureInfo.InvariantCulture) },
                ["currency"] = u.WalletCurrency,
            });
    }

    // ---- E14, E16, E17, E18 purchase lists (Basic) --------------------------------------------------------------

    private sealed class ListFilter
    {
        public int Page { get; init; }
        public int Size { get; init; }
        public string? UserId { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
        public DateTimeOffset? From { get; init; }
        public DateTimeOffset? To { get; init; }
    }

    private static ListFilter Filter(RouteCall call, bool contactFilters)
    {
        var (page, size) = Paging(call, defaultSize: 500, maxSize: 2000);
        var (from, to) = Range(call);
        return new ListFilter
        {
            Page = page,
            Size = size,
            UserId = call.Q("userId"),
            Email = contactFilters ? call.Q("email") : null,
            Phone = contactFilters ? call.Q("phoneNumber") : null,
            From = from,
            To = to,
        };
    }

    private bool Matches(ListFilter f, string? userId, DateTimeOffset? createdAt)
    {
        if (f.UserId is not null && userId != f.UserId) return false;
        var user = userId is null ? null : _usersById.GetValueOrDefault(userId);
        if (f.Email is not null && !string.Equals(user?.Email, f.Email, StringComparison.OrdinalIgnoreCase)) return false;
        if (f.Phone is not null && user?.PhoneNumber != f.Phone) return false;
        return InRange(createdAt, f.From, f.To);
    }

    private static JsonObject PaginationInfo(ListFilter f, int returned) => new()
    {
        ["pageNumber"] = f.Page,
        ["pageSize"] = f.Size,
        ["recordsReturned"] = returned,
    };

    private SimHttpResponse PurchasedSubscriptions(RouteCall call)
    {
        var f = Filter(call, contactFilters: false);
        var page = _subscriptions.Where(s => Matches(f, s.UserId, s.CreatedAt)).Skip((f.Page - 1) * f.Size).Take(f.Size).ToList();
        var items = new JsonArray();
        foreach (var s in page)
        {
            var u = _usersById[s.UserId!];
            items.AddNode(new JsonObject()
                .Put("manuallyRenewed", s.ManuallyRenewed)
                .Put("renewSubscription", s.RenewSubscription)
                .Put("availedOffers", new JsonArray())
                .Put("promotional", s.Promotional)
                .Put("categories", new JsonArray())
                .Put("freeTrial", s.FreeTrial)
                .Put("migrated", s.Migrated)
                .Put("clientId", Settings.ClientId)
                .Put("clientContentId", s.ClientContentId)
                .Put("contentId", s.ContentId)
                .Put("buyingPrice", s.BuyingPrice ?? s.Price)
                .Put("price", s.Price)
                .Put("priceDetails", PriceDetails(s.Price, s.Currency))
                .Put("subscriptionDetails", new JsonObject { ["inrPrice"] = s.Price, ["duration"] = s.DurationInMonths })
                .Put("expiryDate", s.ExpiryDate)
                .Put("subscriptionId", s.SubscriptionId)
                .Put("tierId", s.TierId)
                .Put("createdAt", s.CreatedAt)
                .Put("userId", u.Id)
                .Put("userEmail", u.Email)
                .Put("userPhoneNumber", u.PhoneNumber)
                .Put("userName", u.Name)
                .Put("userAddress", AddressJson(u.Address))
                .Put("clientSpecificUserId", u.ClientSpecificUserId));
        }
        return SimHttpResponse.Json(200, new JsonObject { ["purchases"] = items, ["paginationInfo"] = PaginationInfo(f, page.Count) });
    }

    private SimHttpResponse PurchaseList(RouteCall call, string type)
    {
        var f = Filter(call, contactFilters: true);
        var page = _purchases.Where(p => p.Type == type && Matches(f, p.UserId, p.CreatedAt)).Skip((f.Page - 1) * f.Size).Take(f.Size).ToList();
        var items = new JsonArray();
        foreach (var p in page)
        {
            var u = _usersById[p.UserId!];
            items.AddNode(new JsonObject()
                .Put("availedOffers", new JsonArray())
                .Put("promotional", p.Promotional)
                .Put("categories", new JsonArray())
                .Put("freeTrial", p.FreeTrial)
                .Put("migrated", p.Migrated)
                .Put("clientId", Settings.ClientId)
                .Put("clientContentId", p.ClientContentId)
                .Put("contentId", p.ContentId)
                .Put("buyingPrice", p.BuyingPrice ?? p.Price)
                .Put("price", p.Price)
                .Put("priceDetails", PriceDetails(p.Price, p.Currency))
                .Put("expiryDate", p.ExpiryDate)
                .Put("createdAt", p.CreatedAt)
                .Put("userId", u.Id)
                .Put("userEmail", u.Email)
                .Put("userPhoneNumber", u.PhoneNumber)
                .Put("userName", u.Name)
                .Put("userAddress", AddressJson(u.Address)));
        }
        return SimHttpResponse.Json(200, new JsonObject { ["purchases"] = items, ["paginationInfo"] = PaginationInfo(f, page.Count) });
    }

    /// <summary>E16: every purchase (passes, micropayments and subscriptions) with embedded user, client and content, and totals.</summary>
    private SimHttpResponse ClientPurchases(RouteCall call)
    {
        var f = Filter(call, contactFilters: true);
        var all = _purchases.Where(p => Matches(f, p.UserId, p.CreatedAt))
            .Select(p => (Id: p.Id!, p.UserId, p.Promotional, Title: p.Title, p.Url, Buying: p.BuyingPrice ?? p.Price, p.Price, p.Type, p.CreatedAt))
            .Concat(_subscriptions.Where(s => Matches(f, s.UserId, s.CreatedAt))
                .Select(s => (Id: s.Id!, s.UserId, s.Promotional, Title: s.Title, Url: (string?)null, Buying: s.BuyingPrice ?? s.Price, s.Price, Type: PurchaseTypes.Subscription, s.CreatedAt)))
            .OrderBy(x => x.CreatedAt)
            .ToList();
        var items = new JsonArray();
        foreach (var x in all.Skip((f.Page - 1) * f.Size).Take(f.Size))
        {
            var u = _usersById[x.UserId!];
            items.AddNode(new JsonObject()
                .Put("promotional", x.Promotional)
                .Put("_id", x.Id)
                .Put("userAccount", new JsonObject().Put("phoneNumber", u.PhoneNumber).Put("email", u.Email))
                .Put("clientId", new JsonObject { ["name"] = Settings.ClientName })
                .Put("contentId", new JsonObject().Put("title", x.Title).Put("url", x.Url))
                .Put("buyingPrice", x.Buying)
                .Put("price", x.Price)
                .Put("type", x.Type)
                .Put("createdAt", x.CreatedAt));
        }
        return SimHttpResponse.Json(200, new JsonObject { ["transactionDetails"] = items, ["pagination"] = PaginationJson(f.Page, f.Size, all.Count) });
    }

    // ---- E19 cancel ---------------------------------------------------------------------------------------------

    private SimHttpResponse CancelSubscriptions(RouteCall call)
    {
        var userId = call.Value("userId");
        if (!_usersById.ContainsKey(userId)) throw new SimulatorError(404, "User not found");
        foreach (var s in _subscriptions.Where(s => s.UserId == userId && IsActive(s, call.Now)))
        {
            s.Status = "CANCELLED";
            s.RenewSubscription = false;
        }
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "Subscriptions Cancelled Successfully" });
    }

    // ---- shared shapes ------------------------------------------------------------------------------------------

    private static JsonObject AddressJson(SimulatedAddress? a) => new()
    {
        ["apartment"] = a?.Apartment ?? "",
        ["area"] = a?.Area ?? "",
        ["pincode"] = a?.Pincode ?? "",
        ["landmark"] = a?.Landmark ?? "",
        ["city"] = a?.City ?? "",
        ["state"] = a?.State ?? "",
        ["country"] = a?.Country ?? "",
    };

    private static JsonObject PriceDetails(decimal price, string currency) => new() { ["price"] = price, ["currency"] = currency };

    private static JsonObject Gst() => new() { ["physical"] = 0, ["digital"] = 0 };
}
