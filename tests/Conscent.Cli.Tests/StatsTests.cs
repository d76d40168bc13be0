using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;

namespace Conscent.Cli.Tests;

public sealed class StatsTests
{
    private static string Row(string day, long count, decimal amount) =>
        $"│ {day} │ {count.ToString("#,0", CultureInfo.InvariantCulture)} │ {amount.ToString("#,0.00", CultureInfo.InvariantCulture)} │";

    private static string Squeeze(string text) => string.Join(" ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Daily_prints_a_table_and_a_bar_chart_one_row_a_day_with_the_totals()
    {
        using var demo = TestSimulator.Demo();

        var result = await new CliRunner().RunAsync("stats", "daily", "--from", "2026-11-01", "--to", "2026-11-07", "--simulator");

        result.ExitCode.Should().Be(0, result.ToString());
        var table = Squeeze(result.Out);
        long total = 0;
        decimal revenue = 0;
        for (var day = new DateOnly(2026, 11, 1); day <= new DateOnly(2026, 11, 7); day = day.AddDays(1))
        {
            var that = demo.Consumptions.Where(c => DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) == day).ToList();
            that.Should().NotBeEmpty("the demo data has consumptions every day");
            table.Should().Contain(Row(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), that.Count, that.Sum(c => c.Amount)));
            total += that.Count;
            revenue += that.Sum(c => c.Amount);
        }
        table.Should().Contain(Row("Total", total, revenue).Replace("│ Total", "│ Total", StringComparison.Ordinal));
        result.Out.Should().Contain("Daily stats, 2026-11-01 to 2026-11-07").And.Contain("Consumed per day").And.Contain("█");
        result.Error.Should().Contain("stats: day 7/7");
        result.Out.Should().NotContain("stats:");
    }

    [Fact]
    public async Task Daily_without_dates_shows_the_seven_days_to_yesterday()
    {
        var result = await new CliRunner().RunAsync("stats", "daily", "--simulator");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Daily stats, 2026-11-24 to 2026-11-30").And.Contain("2026-11-30").And.NotContain("2026-11-23 ");
    }

    [Fact]
    public async Task Content_prints_one_contents_purchases_per_day()
    {
        using var demo = TestSimulator.Demo();
        const string id = "demo-ai-jobs";

        var result = await new CliRunner().RunAsync("stats", "content", id, "--from", "2026-11-10", "--to", "2026-11-20", "--simulator");

        result.ExitCode.Should().Be(0, result.ToString());
        var table = Squeeze(result.Out);
        var inRange = demo.Consumptions.Where(c => c.ContentId == id && c.CreatedAt >= new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero)
            && c.CreatedAt < new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero)).ToList();
        table.Should().Contain(Row("Total", inRange.Count, inRange.Sum(c => c.Amount)));
        table.Should().Contain(Row("2026-11-10", inRange.Count(c => c.CreatedAt.Day == 10), inRange.Where(c => c.CreatedAt.Day == 10).Sum(c => c.Amount)));
        result.Out.Should().Contain($"Content {id}, 2026-11-10 to 2026-11-20").And.Contain("Amount (INR)").And.Contain("Purchases per day");
    }

    [Fact]
    public async Task Content_that_is_not_registered_is_an_api_error_exit_3()
    {
        var result = await new CliRunner().RunAsync("stats", "content", "no-such-content", "--simulator");

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Error.Should().Contain("ConscentNotFoundException");
        result.All.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Against_a_server_each_day_is_one_call_covering_the_whole_utc_day()
    {
        await using var simulator = await TestSimulator.StartAsync();

        var result = await TestSimulator.RunnerFor(simulator).RunAsync("stats", "daily", "--from", "2026-11-29", "--to", "2026-11-30");

        result.ExitCode.Should().Be(0, result.ToString());
        simulator.Requests.Where(r => r.Path == "/api/v1/client/stats/daily").Select(r => (r.QueryValue("from"), r.QueryValue("to")))
            .Should().Equal(("2026-11-29T00:00:00.000Z", "2026-11-29T23:59:59.999Z"), ("2026-11-30T00:00:00.000Z", "2026-11-30T23:59:59.999Z"));
    }
}
