// docs/rulings.md
using System;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;

namespace DocSnippets.Rulings;

public static class DailySeries
{
    // docs/rulings.md
    public static async Task Run(IConscentClient conscent, CancellationToken ct)
    {
        var ist = new DailySeriesOptions { UtcOffset = TimeSpan.FromHours(5.5) };
        var now = DateTimeOffset.UtcNow;
        var days = await conscent.Stats.GetDailySeriesAsync(now.AddDays(-6), now, ist, ct);
        foreach (var day in days)
            Console.WriteLine($"{day.Date:ddd d MMM}  {day.Stats.Consumed ?? 0,5}  ₹{day.Stats.TotalRevenueGenerated ?? 0:0.00}");
    }
}
