#!/usr/bin/env -S dotnet run
// Prints ConsCent's daily stats: content consumed and revenue.
//
//   dotnet run daily-stats.cs                                  yesterday (UTC), ConsCent's default
//   dotnet run daily-stats.cs -- --date 2026-11-24             one UTC day
//   dotnet run daily-stats.cs -- --from 2026-11-01 --to 2026-11-24 --by-day
//   dotnet run daily-stats.cs -- --simulator                   against the in-memory simulator
//
// Credentials: CONSCENT_API_KEY, CONSCENT_API_SECRET, CONSCENT_CLIENT_ID, CONSCENT_ENVIRONMENT (Sandbox|Production).
#:project ../../src/Conscent.Sdk/Conscent.Sdk.csproj
#:project ../../src/Conscent.Sdk.Testing/Conscent.Sdk.Testing.csproj
#:property ImplicitUsings=enable
#:property NoWarn=$(NoWarn);CA2007;CA1303
using System.Globalization;
using Conscent.Sdk;
using Conscent.Sdk.Testing;

try
{
    var useSimulator = args.Contains("--simulator");
    DateOnly? date = Date(args, "--date"), from = Date(args, "--from"), to = Date(args, "--to");
    if (date is not null) (from, to) = (date, date);
    if ((from is null) != (to is null)) return Fail("give both --from and --to (or --date).");
    if (from > to) return Fail("--from must not be after --to.");

    using var simulator = useSimulator ? new ConscentSimulator() : null;
    if (simulator is not null) SeedYesterday(simulator);
    using var conscent = simulator?.CreateClient() ?? ClientFromEnvironment();
    Console.Error.WriteLine(simulator is null ? "Daily stats from ConsCent" : "Daily stats from the in-memory simulator (demo data)");

    if (from is null)
    {
        // No dates: ConsCent reports the previous day.
        Print("yesterday", await conscent.Stats.GetDailyStatsAsync());
    }
    else if (args.Contains("--by-day"))
    {
        for (var day = from.Value; day <= to!.Value; day = day.AddDays(1))
            Print(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await conscent.Stats.GetDailyStatsAsync(Start(day), End(day)));
    }
    else
    {
        Print($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", await conscent.Stats.GetDailyStatsAsync(Start(from.Value), End(to!.Value)));
    }
    return 0;
}
catch (ConscentException ex)
{
    // SDK messages name the operation and fields, never credentials or reader details.
    return Fail($"{ex.GetType().Name}: {ex.Message}");
}
catch (ArgumentException ex)
{
    return Fail(ex.Message);
}

static void Print(string period, DailyStats stats) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{period,-24} consumed {stats.Consumed ?? 0,6}   revenue {stats.TotalRevenueGenerated ?? 0,10:0.00}"));

static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
static DateTimeOffset End(DateOnly day) => Start(day).AddDays(1).AddMilliseconds(-1);

static DateOnly? Date(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    if (i < 0) return null;
    if (i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
    throw new ArgumentException($"{name} needs a date as yyyy-MM-dd.");
}

static ConscentClient ClientFromEnvironment()
{
    string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
    var options = new ConscentOptions
    {
        ApiKey = Env("CONSCENT_API_KEY") ?? throw new ArgumentException("CONSCENT_API_KEY is not set (or use --simulator)."),
        ApiSecret = Env("CONSCENT_API_SECRET") ?? throw new ArgumentException("CONSCENT_API_SECRET is not set."),
        ClientId = Env("CONSCENT_CLIENT_ID"),
        RequireClientId = false, // this script makes no consumption, user-details or loyalty call
        Environment = Enum.Parse<ConscentEnvironment>(Env("CONSCENT_ENVIRONMENT") ?? "Sandbox", ignoreCase: true),
    };
    return new ConscentClient(options);
}

static void SeedYesterday(ConscentSimulator simulator)
{
    var yesterdayNoon = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1).AddHours(12), TimeSpan.Zero);
    simulator.SeedContent("budget-2026", "Budget 2026", "https://news.example/budget", price: 5);
    simulator.SeedContent("monsoon-markets", "Monsoon and markets", "https://news.example/monsoon", price: 3);
    for (var i = 0; i < 3; i++) simulator.IssueConsumption("budget-2026", createdAt: yesterdayNoon.AddMinutes(i));
    simulator.IssueConsumption("monsoon-markets", createdAt: yesterdayNoon);
}

static int Fail(string message)
{
    Console.Error.WriteLine($"daily-stats: {message}");
    return 1;
}
