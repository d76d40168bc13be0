#!/usr/bin/env -S dotnet run
// Registers content with ConsCent from a CSV file with the header  contentId,title,url,price,currency
//
//   dotnet run register-content.cs -- content.csv
//   dotnet run register-content.cs -- content.sample.csv --simulator
//
// Each row is registered on its own: a bad row is reported (with every field problem) and the others still go.
// The exit code is 1 when any row failed. Ids: at most 32 letters, digits, '_' or '-'. Currency defaults to INR.
// Credentials: CONSCENT_API_KEY, CONSCENT_API_SECRET, CONSCENT_CLIENT_ID, CONSCENT_ENVIRONMENT (Sandbox|Production).
#:project ../../src/Conscent.Sdk/Conscent.Sdk.csproj
#:project ../../src/Conscent.Sdk.Testing/Conscent.Sdk.Testing.csproj
#:property ImplicitUsings=enable
#:property NoWarn=$(NoWarn);CA2007;CA1303
using System.Globalization;
using System.Text;
using Conscent.Sdk;
using Conscent.Sdk.Testing;

string[] requiredColumns = ["contentId", "title", "url", "price", "currency"];
try
{
    var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
        ?? throw new ArgumentException("usage: dotnet run register-content.cs -- <file.csv> [--simulator]");
    var rows = ReadCsv(File.ReadAllText(path));
    if (rows.Count == 0) throw new ArgumentException($"{path} is empty.");
    var header = rows[0].Select(h => h.Trim()).ToList();
    var column = requiredColumns.ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
    if (column.FirstOrDefault(c => c.Value < 0).Key is { } missing) throw new ArgumentException($"{path}: the header has no '{missing}' column.");

    using var simulator = args.Contains("--simulator") ? new ConscentSimulator() : null;
    using var conscent = simulator?.CreateClient() ?? ClientFromEnvironment();
    Console.WriteLine($"Registering {rows.Count - 1} rows from {path} with {(simulator is null ? "ConsCent" : "the in-memory simulator")}");

    int registered = 0, failed = 0;
    for (var line = 2; line <= rows.Count; line++)
    {
        var row = rows[line - 1];
        string Cell(string name) => column[name] < row.Count ? row[column[name]].Trim() : "";
        if (row.All(string.IsNullOrWhiteSpace)) continue;

        var price = Cell("price");
        if (price.Length > 0 && !decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            Console.WriteLine($"line {line}: invalid: price: '{price}' is not a number.");
            failed++;
            continue;
        }

        try
        {
            var created = await conscent.Content.CreateAsync(new CreateContentRequest
            {
                ContentId = Cell("contentId"),
                Title = Cell("title"),
                Url = Cell("url"),
                Price = price.Length == 0 ? null : decimal.Parse(price, NumberStyles.Number, CultureInfo.InvariantCulture),
                Currency = Cell("currency") is { Length: > 0 } currency ? currency.ToUpperInvariant() : null,
            });
            Console.WriteLine($"line {line}: registered {created.Content?.ContentId}");
            registered++;
        }
        catch (ConscentValidationException ex)
        {
            // Checked by the SDK before sending: every problem, each naming its field.
            Console.WriteLine($"line {line}: invalid: {string.Join(" ", ex.Errors)}");
            failed++;
        }
        catch (ConscentBadRequestException ex)
        {
            // Refused by ConsCent, e.g. "contentId already exists".
            Console.WriteLine($"line {line}: rejected by ConsCent: {ex.ServerMessage}");
            failed++;
        }
    }

    Console.WriteLine($"{registered} registered, {failed} failed");
    return failed == 0 ? 0 : 1;
}
catch (ConscentException ex)
{
    // ConsCent unreachable, credentials refused, rate limited…: stop (SDK messages never contain secrets).
    return Fail($"{ex.GetType().Name}: {ex.Message}");
}
catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
{
    return Fail(ex.Message);
}

// RFC 4180: comma-separated, fields may be quoted, "" is a quote inside a quoted field, quoted fields may span lines.
static List<List<string>> ReadCsv(string text)
{
    var rows = new List<List<string>>();
    var row = new List<string>();
    var field = new StringBuilder();
    var quoted = false;
    for (var i = 0; i < text.Length; i++)
    {
        var c = text[i];
        if (quoted)
        {
            if (c != '"') field.Append(c);
            else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
            else quoted = false;
        }
        else if (c == '"') quoted = true;
        else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
        else if (c is '\n' or '\r')
        {
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            row.Add(field.ToString()); field.Clear();
            rows.Add(row); row = [];
        }
        else field.Append(c);
    }
    if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
    if (rows.Count > 0 && rows[0].Count > 0) rows[0][0] = rows[0][0].TrimStart('\uFEFF'); // Excel's byte order mark
    return rows;
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

static int Fail(string message)
{
    Console.Error.WriteLine($"register-content: {message}");
    return 1;
}
