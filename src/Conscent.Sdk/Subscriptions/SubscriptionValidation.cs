namespace Conscent.Sdk;

/// <summary>
/// The documented rules for a subscription migration: the migrate section's parameter table, read as
/// docs/rulings.md#subscriptions-migrate-field-names explains.
/// </summary>
internal static class SubscriptionValidation
{
    public static void Migrate(RequestValidator v, MigrateSubscriptionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserPrimaryEmail) && string.IsNullOrWhiteSpace(request.UserPrimaryPhone))
            v.Add("userPrimaryEmail", "or userPrimaryPhone is required (it becomes the reader's ConsCent login).");
        if (request.ExpiryDate is null) v.Add("ExpiryDate", "is required.");
        if (request.PurchaseDate is null) v.Add("PurchaseDate", "is required.");
        v.Required(request.Country, "Country").Country(request.Country, "Country");

        var details = request.SubscriptionDetails;
        if (details is null)
        {
            v.Add("SubscriptionDetails", "is required.");
        }
        else
        {
            if (details.SubscriptionType is null) v.Add("SubscriptionDetails.SubscriptionType", "is required.");
            if (details.PriceDetails is { } price)
                v.NotNegative(price.Price, "SubscriptionDetails.PriceDetails.Price").Currency(price.Currency, "SubscriptionDetails.PriceDetails.Currency");
        }

        if (details?.SubscriptionType?.Physical == true)
        {
            var address = request.UserAddress;
            if (address is null)
            {
                v.Add("UserAddress", "is required for a physical subscription (address, city, state, postcode).");
            }
            else
            {
                const string Physical = "is required for a physical subscription.";
                if (string.IsNullOrWhiteSpace(address.Address)) v.Add("UserAddress.Address", Physical);
                if (string.IsNullOrWhiteSpace(address.City)) v.Add("UserAddress.City", Physical);
                if (string.IsNullOrWhiteSpace(address.State)) v.Add("UserAddress.State", Physical);
                if (string.IsNullOrWhiteSpace(address.Postcode)) v.Add("UserAddress.Postcode", Physical);
            }
        }
    }
}
