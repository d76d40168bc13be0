using System;
using System.Threading.Tasks;
using Conscent.Sdk;

namespace Conscent.Samples.Quickstart;

/// <summary>The steps that only read: safe to run against your real ConsCent account.</summary>
internal static class ReadOnlyTour
{
    public const int StepCount = 4;

    public static async Task<bool> RunAsync(IConscentClient conscent, StepRunner steps)
    {
        var firstPage = new ListOptions { PageNumber = 1, PageSize = 20 };

        return await steps.RunAsync("List content (page 1)", async () =>
            {
                var page = await conscent.Content.ListAsync(firstPage).GetPageAsync();
                return $"{page.Items.Count} on this page, {page.TotalRecords ?? 0} registered";
            })
            && await steps.RunAsync("List bundles (page 1)", async () =>
            {
                var page = await conscent.Bundles.ListAsync(firstPage).GetPageAsync();
                return $"{page.Items.Count} on this page, {page.TotalRecords ?? 0} registered";
            })
            && await steps.RunAsync("Read yesterday's daily stats", async () =>
            {
                var daily = await conscent.Stats.GetDailyStatsAsync(); // no dates: ConsCent reports the previous day
                return $"{daily.Consumed ?? 0} consumed, revenue {daily.TotalRevenueGenerated ?? 0}";
            })
            && await steps.RunAsync("List purchases of the last 30 days (page 1)", async () =>
            {
                var now = DateTimeOffset.UtcNow;
                var page = await conscent.Purchases.ListAsync(new PurchaseQuery { From = now.AddDays(-30), To = now, PageNumber = 1, PageSize = 50 }).GetPageAsync();
                // Purchases carry readers' emails and phone numbers: print counts, not records.
                return $"{page.Items.Count} on this page, {page.TotalRecords ?? 0} in total";
            });
    }
}
