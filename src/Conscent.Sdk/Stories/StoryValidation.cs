
namespace Conscent.Sdk;

/// <summary>
/// The story API's documented rules: the fixed price list its create section states (docs/rulings.md#stories-price-list)
/// and the author rule.
/// </summary>
internal static class StoryValidation
{
    private const string PriceRule = "must be one of 0, 0.01, 1, 2, 3, 5, 7, 10 (the story API's only prices, in INR).";

    public static void Common(RequestValidator v, decimal? price, decimal? duration, string? authorId, string? authorName, PriceOverrides? overrides)
    {
        if (price is { } p && !StoryPrices.IsAllowed(p)) v.Add("Price", PriceRule);
        v.NotNegative(duration, "Duration");
        if (!string.IsNullOrEmpty(authorName) && string.IsNullOrWhiteSpace(authorId))
            v.Add("AuthorId", "is required when authorName is given.");
        if (overrides?.Country is not { } countries) return;
        for (var i = 0; i < countries.Count; i++)
        {
            var entry = countries[i];
            var field = $"PriceOverrides.Country[{i}]";
            if (entry is null)
            {
                v.Add(field, "must not be null.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(entry.Name)) v.Add(field + ".Name", "is required.");
            else v.Country(entry.Name, field + ".Name");
            if (entry.Price is null) v.Add(field + ".Price", "is required.");
            else if (!StoryPrices.IsAllowed(entry.Price.Value)) v.Add(field + ".Price", PriceRule);
        }
    }
}
