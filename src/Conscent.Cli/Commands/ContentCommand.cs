using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Cli.Output;
using Conscent.Cli.Sdk;

namespace Conscent.Cli.Commands;

/// <summary><c>conscent content import</c>: registers content from a CSV file, all rows checked first.</summary>
internal static class ContentCommand
{
    /// <summary>The columns the importer reads (any order, any case). The first three are required.</summary>
    public static readonly IReadOnlyList<string> KnownColumns =
        ["contentId", "title", "url", "price", "currency", "contentType", "authorId", "authorName", "duration", "categories", "tags"];

    private static readonly string[] RequiredColumns = ["contentId", "title", "url"];

    public static Command Create(CliApp app)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "The CSV file: a header row, then one content item a row. Columns: " + string.Join(",", KnownColumns) +
                " (the first three required; categories and tags separated by ';').",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; send nothing." };
        var report = new Option<FileInfo?>("--report")
        {
            Description = "The report of what was created (default: FILE.import-report.json; with --simulator, none unless given). " +
                "A rerun skips the content ids it lists.",
            HelpName = "FILE",
        };
        var import = new Command("import",
            "Register content from a CSV file. Every row is checked first and every problem listed with its line number; " +
            "then the rows are registered with progress. The first server error stops the import and writes a report, so a " +
            "rerun skips the rows already created.")
        {
            file, dryRun, report,
        };
        app.SetAction(import, run => ImportAsync(run, run.Value(file)!, run.Value(dryRun), run.Value(report)));
        return new Command("content", "Register premium content with ConsCent.") { import };
    }

    private static async Task<int> ImportAsync(CommandRun run, FileInfo file, bool dryRun, FileInfo? reportOption)
    {
        var host = run.Host;
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, run.Cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CliException.Usage($"cannot read {file.FullName}: {ex.Message}");
        }

        // 1. Every row, every problem, before anything is sent.
        var (rows, problems) = Parse(text);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) host.Out.WriteLine(problem);
            host.Out.Flush();
            throw CliException.Invalid($"{file.Name}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was sent.");
        }

        // 2. The report of an earlier run: its content ids are skipped.
        var reportPath = reportOption?.FullName ?? (run.UseSimulator ? null : file.FullName + ".import-report.json");
        var report = reportPath is null ? new ImportReport(file.Name) : ImportReport.Load(reportPath, file.Name);
        var toCreate = rows.Where(r => !report.Contains(r.Draft.ContentId)).ToList();
        var skipped = rows.Count - toCreate.Count;
        var skipNote = skipped == 0 ? "" : $"; {skipped} already created (listed in {reportPath}) are skipped";

        if (dryRun)
        {
            host.Out.WriteLine($"{file.Name}: {rows.Count} rows, all valid{skipNote}. Dry run: nothing was sent.");
            return ExitCodes.Ok;
        }
        if (toCreate.Count == 0)
        {
            host.Out.WriteLine($"{file.Name}: {rows.Count} rows, all valid{skipNote}. Nothing to do.");
            return ExitCodes.Ok;
        }

        // 3. Register, in file order; the first failure stops.
        using var session = run.OpenApi();
        host.Error.WriteLine($"import: {toCreate.Count} rows from {file.Name} to {session.Description}{skipNote}");
        var progress = new ProgressLine(host, "import");
        var createdNow = 0;
        foreach (var row in toCreate)
        {
            try
            {
                var id = await session.Api.CreateContentAsync(row.Draft, run.Cancellation).ConfigureAwait(false);
                report.Add(row.Line, id, host.Time.GetUtcNow());
                createdNow++;
                host.Out.WriteLine($"line {row.Line}: created {id}");
                progress.Update($"{createdNow}/{toCreate.Count} rows, {progress.Rate(createdNow)}");
            }
            catch (Exception ex) when (ex is OperationCanceledException && run.Cancellation.IsCancellationRequested)
            {
                var written = report.Save(reportPath, host.Time.GetUtcNow(), stoppedAt: (row.Line, row.Draft.ContentId, "interrupted"));
                progress.Finish($"interrupted at line {row.Line}: {createdNow} created this run.{RerunNote(written)}");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex) when (ConscentApi.Describe(ex) is { } failure)
            {
                var written = report.Save(reportPath, host.Time.GetUtcNow(), stoppedAt: (row.Line, row.Draft.ContentId, failure.Message));
                progress.Finish($"stopped at line {row.Line} ({row.Draft.ContentId}): {createdNow} created this run.{RerunNote(written)}");
                run.Fail($"line {row.Line}: {failure.Message}");
                return failure.ExitCode;
            }
        }

        var saved = report.Save(reportPath, host.Time.GetUtcNow(), stoppedAt: null);
        progress.Finish($"{createdNow} created{(skipped == 0 ? "" : $", {skipped} skipped")} in {progress.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s." +
            (saved is null ? "" : $" Report: {saved}."));
        return ExitCodes.Ok;
    }

    private static string RerunNote(string? reportPath) => reportPath is null
        ? " No report written (--simulator without --report)."
        : $" Report: {reportPath}; run the same command again to go on from there (created rows are skipped).";

    internal sealed record ImportRow(int Line, ContentDraft Draft);

    /// <summary>Reads and checks every row. Problems read "line N: column: message", in line order.</summary>
    internal static (List<ImportRow> Rows, List<string> Problems) Parse(string text)
    {
        var rows = new List<ImportRow>();
        var problems = new List<string>();
        List<CsvRecord> records;
        try
        {
            records = Csv.Read(text);
        }
        catch (FormatException ex)
        {
            problems.Add(ex.Message);
            return (rows, problems);
        }
        records = records.Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
        {
            problems.Add("line 1: the file is empty (a header row is needed: " + string.Join(",", KnownColumns) + ").");
            return (rows, problems);
        }

        // The header.
        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var known = KnownColumns.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null) problems.Add($"line {header.Line}: unknown column '{name}' (known: {string.Join(", ", KnownColumns)}).");
            else if (!columns.TryAdd(known, i)) problems.Add($"line {header.Line}: column '{known}' appears twice.");
        }
        foreach (var required in RequiredColumns.Where(c => !columns.ContainsKey(c)))
            problems.Add($"line {header.Line}: the header has no '{required}' column.");
        if (problems.Count > 0) return (rows, problems);

        // The rows.
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            var line = record.Line;
            var rowProblems = new List<string>();
            if (record.Fields.Count != header.Fields.Count)
                rowProblems.Add($"has {record.Fields.Count} fields, the header has {header.Fields.Count}.");
            string? Cell(string column) =>
                columns.TryGetValue(column, out var index) && index < record.Fields.Count && record.Fields[index].Trim() is { Length: > 0 } value ? value : null;

            var id = Cell("contentId") ?? "";
            var url = Cell("url") ?? "";
            var price = Decimal(Cell("price"), "price", rowProblems);
            var duration = Decimal(Cell("duration"), "duration", rowProblems);
            if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                rowProblems.Add($"url: '{url}' is not an absolute http(s) URL.");
            if (id.Length > 0 && !firstLine.TryAdd(id, line))
                rowProblems.Add($"contentId: '{id}' is already on line {firstLine[id]}.");

            var draft = new ContentDraft(
                id, Cell("title") ?? "", url, price, Cell("currency")?.ToUpperInvariant(), Cell("contentType")?.ToUpperInvariant(),
                Cell("authorId"), Cell("authorName"), duration, List(Cell("categories")), List(Cell("tags")));
            // The SDK's own rules (id format, required fields, currency, content type…), checked without sending.
            rowProblems.AddRange(ConscentApi.ValidateContent(draft).Select(p => $"{p.Field}: {p.Message}"));

            if (rowProblems.Count == 0) rows.Add(new ImportRow(line, draft));
            else problems.AddRange(rowProblems.Distinct(StringComparer.Ordinal).Select(p => $"line {line}: {p}"));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add("line 2: there are no rows after the header.");
        return (rows, problems);
    }

    private static decimal? Decimal(string? text, string column, List<string> problems)
    {
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        problems.Add($"{column}: '{text}' is not a number (use a dot for decimals, e.g. 4.99).");
        return null;
    }

    private static List<string>? List(string? text) =>
        text?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? [.. items] : null;

    /// <summary>
    /// What an import created: <c>{"file", "updatedAt", "created": [{"line", "contentId", "createdAt"}], "stoppedAt":
    /// {"line", "contentId", "error"} | null, "complete"}</c>. A rerun skips every content id in <c>created</c>.
    /// </summary>
    internal sealed class ImportReport
    {
        private readonly string _file;
        private readonly List<(int Line, string ContentId, DateTimeOffset At)> _created = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public ImportReport(string file) => _file = file;

        public bool Contains(string contentId) => _ids.Contains(contentId);

        public void Add(int line, string contentId, DateTimeOffset at)
        {
            _created.Add((line, contentId, at));
            _ids.Add(contentId);
        }

        public static ImportReport Load(string path, string file)
        {
            var report = new ImportReport(file);
            if (!File.Exists(path)) return report;
            try
            {
                var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new JsonException();
                foreach (var entry in root["created"]?.AsArray() ?? [])
                {
                    var id = entry?["contentId"]?.GetValue<string>() ?? throw new JsonException();
                    var line = entry["line"]?.GetValue<int>() ?? 0;
                    var at = entry["createdAt"]?.GetValue<DateTimeOffset>() ?? default;
                    report.Add(line, id, at);
                }
                return report;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                throw CliException.Usage($"the report {path} is not one this tool wrote; move it away or pass --report.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Usage($"cannot read the report {path}: {ex.Message}");
            }
        }

        /// <summary>Writes the report (when there is a path and something to say); returns the path written, or null.</summary>
        public string? Save(string? path, DateTimeOffset updatedAt, (int Line, string ContentId, string Error)? stoppedAt)
        {
            if (path is null || (_created.Count == 0 && stoppedAt is null && !File.Exists(path))) return null;
            var created = new JsonArray();
            foreach (var (line, contentId, at) in _created)
                created.Add(new JsonObject { ["line"] = line, ["contentId"] = contentId, ["createdAt"] = Dates.Instant(at) });
            var root = new JsonObject
            {
                ["file"] = _file,
                ["updatedAt"] = Dates.Instant(updatedAt),
                ["created"] = created,
                ["stoppedAt"] = stoppedAt is { } s ? new JsonObject { ["line"] = s.Line, ["contentId"] = s.ContentId, ["error"] = s.Error } : null,
                ["complete"] = stoppedAt is null,
            };
            try
            {
                File.WriteAllText(path, root.ToJsonString(ReportJson) + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Usage($"cannot write the report {path}: {ex.Message}");
            }
            return path;
        }
    }
}
