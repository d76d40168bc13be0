using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Cli.Output;
using Spectre.Console;

namespace Conscent.Cli.Commands;

/// <summary><c>conscent stats daily</c> and <c>conscent stats content ID</c>: a table and a bar chart, one row a day.</summary>
internal static class StatsCommand
{
    /// <summary>One call per day: a year at most.</summary>
    public const int MaxDays = 366;

    public static Command Create(CliApp app)
    {
        var stats = new Command("stats", "Sales statistics, day by day: a table and a bar chart.");
        stats.Subcommands.Add(CreateDaily(app));
        stats.Subcommands.Add(CreateContent(app));
        return stats;
    }

    private static (Option<string?> From, Option<string?> To) RangeOptions() =>
    (
        new Option<string?>("--from") { Description = "The first day, yyyy-MM-dd (UTC). Default: 6 days before --to.", HelpName = "DAY" },
        new Option<string?>("--to") { Description = "The last day, yyyy-MM-dd (UTC). Default: yesterday.", HelpName = "DAY" }
    );

    private static (DateOnly From, DateOnly To) Range(CommandRun run, Option<string?> fromOption, Option<string?> toOption)
    {
        var to = run.Value(toOption) is { } t ? Dates.ParseDay(t, "--to") : Dates.Today(run.Host).AddDays(-1);
        var from = run.Value(fromOption) is { } f ? Dates.ParseDay(f, "--from") : to.AddDays(-6);
        return Dates.Range(from, to, MaxDays);
    }

    private static Command CreateDaily(CliApp app)
    {
        var (from, to) = RangeOptions();
        var daily = new Command("daily", "Content consumed and revenue across all your content, per day.") { from, to };
        app.SetAction(daily, async run =>
        {
            var (first, last) = Range(run, from, to);
            using var session = run.OpenApi();
            var progress = new ProgressLine(run.Host, "stats");
            var days = new List<(DateOnly Day, DailyTotals Totals)>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add((day, await session.Api.DailyTotalsAsync(Dates.Start(day), Dates.End(day), run.Cancellation).ConfigureAwait(false)));
                progress.Update($"day {days.Count}/{last.DayNumber - first.DayNumber + 1}");
            }
            progress.Finish($"{days.Count} days from {session.Description}.");

            var console = Render.Console(run.Host);
            console.WriteLine($"Daily stats, {Dates.Text(first)} to {Dates.Text(last)} (UTC days)");
            var table = new Table()
                .AddColumn("Day").AddColumn(new TableColumn("Consumed").RightAligned()).AddColumn(new TableColumn("Revenue (INR)").RightAligned());
            foreach (var (day, totals) in days)
                table.AddRow(new Text(Dates.Text(day)), new Text(Render.Number(totals.Consumed)), new Text(Render.Money(totals.Revenue)));
            table.AddEmptyRow();
            table.AddRow(new Text("Total"), new Text(Render.Number(days.Sum(d => (long)d.Totals.Consumed))), new Text(Render.Money(days.Sum(d => d.Totals.Revenue))));
            console.Write(table);
            console.Write(Chart("Consumed per day", days.Select(d => (d.Day, (double)d.Totals.Consumed))));
            return ExitCodes.Ok;
        });
        return daily;
    }

    private static Command CreateContent(CliApp app)
    {
        var id = new Argument<string>("id") { Description = "Your content id (as registered)." };
        var (from, to) = RangeOptions();
        var content = new Command("content", "Purchases and earnings of one content item, per day.") { id, from, to };
        app.SetAction(content, async run =>
        {
            var contentId = run.Value(id)!;
            var (first, last) = Range(run, from, to);
            using var session = run.OpenApi();
            var progress = new ProgressLine(run.Host, "stats");
            var days = new List<(DateOnly Day, ContentTotals Totals)>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add((day, await session.Api.ContentTotalsAsync(contentId, Dates.Start(day), Dates.End(day), run.Cancellation).ConfigureAwait(false)));
                progress.Update($"day {days.Count}/{last.DayNumber - first.DayNumber + 1}");
            }
            progress.Finish($"{days.Count} days from {session.Description}.");

            var currency = days.Select(d => d.Totals.Currency).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? "INR";
            var console = Render.Console(run.Host);
            console.WriteLine($"Content {contentId}, {Dates.Text(first)} to {Dates.Text(last)} (UTC days)");
            var table = new Table()
                .AddColumn("Day").AddColumn(new TableColumn("Purchases").RightAligned()).AddColumn(new TableColumn($"Amount ({Markup.Escape(currency)})").RightAligned());
            foreach (var (day, totals) in days)
                table.AddRow(new Text(Dates.Text(day)), new Text(Render.Number(totals.Count)), new Text(Render.Money(totals.Amount)));
            table.AddEmptyRow();
            table.AddRow(new Text("Total"), new Text(Render.Number(days.Sum(d => (long)d.Totals.Count))), new Text(Render.Money(days.Sum(d => d.Totals.Amount))));
            console.Write(table);
            console.Write(Chart("Purchases per day", days.Select(d => (d.Day, (double)d.Totals.Count))));
            return ExitCodes.Ok;
        });
        return content;
    }

    private static BarChart Chart(string label, IEnumerable<(DateOnly Day, double Value)> values)
    {
        var items = values.ToList();
        var chart = new BarChart().Label(label).LeftAlignLabel().Width(72).WithMaxValue(Math.Max(1, items.Count == 0 ? 0 : items.Max(i => i.Value)));
        foreach (var (day, value) in items) chart.AddItem(Dates.Text(day), value, Color.Green);
        return chart;
    }
}
