#!/usr/bin/env -S dotnet run
// Exports every purchase (subscriptions, passes, articles) made in a date range to CSV.
//
//   dotnet run export-purchases.cs -- --from 2026-11-01 --to 2026-11-30 --out november.csv
//   dotnet run export-purchases.cs -- --from 2026-11-01 --to 2026-11-30 --simulator
//
// Dates are whole UTC days, both included. Without --out the CSV goes to standard output.
// Readers' emails and phone numbers are left out unless you pass --include-contact: handle that file as personal data.
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
    var from = Date(args, "--from") ?? throw new ArgumentException("--from is required (yyyy-MM-dd).");
    var to = Date(args, "--to") ?? throw new ArgumentException("--to is required (yyyy-MM-dd).");
    if (from > to) throw new ArgumentException("--from must not be after --to.");
    var includeContact = args.Contains("--include-contact");
    var outPath = Value(args, "--out");

    using var simulator = args.Contains("--simulator") ? new ConscentSimulator() : null;
    if (simulator is not null) SeedDemoPurchases(simulator, from);
    using var conscent = simulator?.CreateClient() ?? ClientFromEnvironment();

    using var output = outPath is null ? Console.Out : new StreamWriter(outPath);
    var columns = new List<string> { "purchaseId", "type", "createdAt", "price", "buyingPrice", "promotional", "title", "url" };
    if (includeContact) columns.AddRange(["email", "phoneNumber"]);
    output.WriteLine(string.Join(',', columns));

    // This list embeds the buyer as email/phone and the content as title/url (ConsCent sends no ids here); the per-type
    // lists (ListPassesAsync, ListMicropaymentsAsync, ListSubscriptionsAsync, or all three as ListRecordsAsync) carry
    // userId and clientContentId. The list fetches page after page (500 per page by default) as the loop reaches them.
    var query = new PurchaseQuery { From = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), To = new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) };
    var count = 0;
    await foreach (var p in conscent.Purchases.ListAsync(query))
    {
        var row = new List<string?>
        {
            p.Id, p.Type, p.CreatedAt?.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            p.Price?.ToString(CultureInfo.InvariantCulture), p.BuyingPrice?.ToString(CultureInfo.InvariantCulture),
            p.Promotional?.ToString(CultureInfo.InvariantCulture), p.Content?.Title, p.Content?.Url,
        };
        if (includeContact) row.AddRange([p.UserAccount?.Email, p.UserAccount?.PhoneNumber]);
        output.WriteLine(string.Join(',', row.Select(Csv)));
        count++;
    }

    Console.Error.WriteLine($"export-purchases: {count} purchases from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}{(simulator is null ? "" : " (in-memory simulator, demo data)")}{(outPath is null ? "" : $" written to {outPath}")}");
    return 0;
}
catch (ConscentException ex)
{
    // SDK messages name the operation and fields, never credentials, emails or phone numbers.
    return Fail($"{ex.GetType().Name}: {ex.Message}");
}
catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
{
    return Fail(ex.Message);
}

// RFC 4180: quote fields holding a comma, quote or line break; neutralise spreadsheet formulas.
static string Csv(string? value)
{
    if (string.IsNullOrEmpty(value)) return "";
    if (value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
    return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

static string? Value(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i < 0 ? null : i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
}

static DateOnly? Date(string[] args, string name) =>
    Value(args, name) is not { } text ? null
    : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
    : throw new ArgumentException($"{name} needs a date as yyyy-MM-dd.");

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

static void SeedDemoPurchases(ConscentSimulator simulator, DateOnly from)
{
    var day = new DateTimeOffset(from.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero);
    var asha = simulator.SeedUser(new SimulatedUser { Name = "Asha", Email = "asha@example.com", Country = "IN" });
    var ravi = simulator.SeedUser(new SimulatedUser { Name = "Ravi", PhoneNumber = "9999999999", Country = "IN" });
    simulator.SeedPurchase(new SimulatedPurchase { UserId = asha.Id, Type = PurchaseTypes.Pass, Title = "Weekend pass", Price = 49, CreatedAt = day });
    simulator.SeedPurchase(new SimulatedPurchase { UserId = asha.Id, Type = PurchaseTypes.Content, ClientContentId = "budget-2026", Title = "Budget 2026, explained", Url = "https://news.example/budget", Price = 5, CreatedAt = day.AddHours(2) });
    simulator.SeedPurchase(new SimulatedPurchase { UserId = ravi.Id, Type = PurchaseTypes.Content, ClientContentId = "monsoon-markets", Title = "Monsoon, markets", Url = "https://news.example/monsoon", Price = 3, CreatedAt = day.AddHours(5) });
    simulator.SeedSubscription(new SimulatedSubscription { UserId = ravi.Id, Title = "Digital", Price = 299, CreatedAt = day.AddHours(6), ExpiryDate = day.AddMonths(1) });
}

static int Fail(string message)
{
    Console.Error.WriteLine($"export-purchases: {message}");
    return 1;
}
