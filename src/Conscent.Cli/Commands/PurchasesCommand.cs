using System;
using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Cli.Output;
using Conscent.Cli.Sdk;

namespace Conscent.Cli.Commands;

/// <summary><c>conscent purchases export</c>: every purchase in a range of days, to CSV or JSON.</summary>
internal static class PurchasesCommand
{
    /// <summary>Stops a server that would page forever (2,000 per page: 200 million purchases).</summary>
    private const int MaxPages = 100_000;

    public static Command Create(CliApp app)
    {
        var from = new Option<string>("--from") { Description = "The first day, yyyy-MM-dd (UTC, included).", HelpName = "DAY", Required = true };
        var to = new Option<string>("--to") { Description = "The last day, yyyy-MM-dd (UTC, included).", HelpName = "DAY", Required = true };
        var type = new Option<string>("--type") { Description = "Which purchases.", DefaultValueFactory = _ => "all" };
        type.AcceptOnlyFromAmong("all", "subscriptions", "passes", "micropayments");
        var format = new Option<string?>("--format") { Description = "csv or json. Default: json when --out ends in .json, else csv." };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (default: standard output).", HelpName = "FILE" };
        var includeContact = new Option<bool>("--include-contact")
        {
            Description = "Add the readers' email and phone number columns. Without it they are never written: the file then holds no contact details.",
        };
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Purchases per request, 1-{ConscentApi.MaxPurchasePageSize}.",
            HelpName = "N",
            DefaultValueFactory = _ => ConscentApi.DefaultPurchasePageSize,
        };
        pageSize.AcceptOnlyBetween(1, ConscentApi.MaxPurchasePageSize, $"--page-size must be 1 to {ConscentApi.MaxPurchasePageSize}.");

        var export = new Command("export",
            "Export purchases made between two days, page by page, with live progress on standard error. Ctrl+C stops " +
            "after the current page and leaves a valid (truncated) file.")
        {
            from, to, type, format, output, includeContact, pageSize,
        };
        app.SetAction(export, run =>
        {
            var (first, last) = Dates.Range(Dates.ParseDay(run.Value(from), "--from"), Dates.ParseDay(run.Value(to), "--to"));
            var kind = run.Value(type) switch
            {
                "subscriptions" => PurchaseKind.Subscriptions,
                "passes" => PurchaseKind.Passes,
                "micropayments" => PurchaseKind.Micropayments,
                _ => PurchaseKind.All,
            };
            var file = run.Value(output);
            var json = (run.Value(format) ?? (file?.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) == true ? "json" : "csv")) == "json";
            return ExportAsync(run, new ExportRequest(first, last, kind, json, file, run.Value(includeContact), run.Value(pageSize)));
        });
        return new Command("purchases", "Read purchases bought through ConsCent.") { export };
    }

    private sealed record ExportRequest(DateOnly From, DateOnly To, PurchaseKind Kind, bool Json, FileInfo? File, bool IncludeContact, int PageSize);

    private static async Task<int> ExportAsync(CommandRun run, ExportRequest request)
    {
        var host = run.Host;
        using var session = run.OpenApi();
        var target = request.File?.FullName ?? "standard output";

        TextWriter writer;
        StreamWriter? fileWriter = null;
        if (request.File is { } file)
        {
            try
            {
                fileWriter = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CliException.Usage($"cannot write {file.FullName}: {ex.Message}");
            }
            writer = fileWriter;
        }
        else
        {
            writer = host.Out;
        }

        using (fileWriter)
        {
            IRowWriter rows = request.Json ? new JsonRows(writer, request) : new CsvRows(writer, request.IncludeContact);
            rows.Begin();
            var progress = new ProgressLine(host, "export");
            long count = 0;
            var pages = 0;
            var complete = false;
            var kindName = request.Kind switch
            {
                PurchaseKind.Subscriptions => "subscription",
                PurchaseKind.Passes => "pass",
                PurchaseKind.Micropayments => "micropayment",
                _ => "all",
            };
            host.Error.WriteLine($"export: {kindName} purchases from {Dates.Text(request.From)} to {Dates.Text(request.To)}, from {session.Description}" +
                (request.IncludeContact ? ", with readers' emails and phone numbers" : ""));
            try
            {
                for (var pageNumber = 1; pageNumber <= MaxPages; pageNumber++)
                {
                    run.Cancellation.ThrowIfCancellationRequested();
                    var page = await session.Api.ReadPurchasesAsync(
                        request.Kind, Dates.Start(request.From), Dates.End(request.To), pageNumber, request.PageSize, request.IncludeContact, run.Cancellation).ConfigureAwait(false);
                    foreach (var row in page.Rows) rows.Write(row);
                    await writer.FlushAsync(run.Cancellation).ConfigureAwait(false);
                    pages = pageNumber;
                    count += page.Rows.Count;
                    progress.Update($"page {ProgressLine.Count(pages)}, {ProgressLine.Count(count)} purchases, {progress.Rate(count)}");
                    if (page.IsLast || page.Rows.Count == 0)
                    {
                        complete = true;
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException && run.Cancellation.IsCancellationRequested)
            {
                rows.End(complete: false, count);
                await writer.FlushAsync(default(System.Threading.CancellationToken)).ConfigureAwait(false);
                progress.Finish($"interrupted after {ProgressLine.Count(count)} purchases ({pages} pages): {target} is valid but incomplete.");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex) when (ConscentApi.Describe(ex) is not null)
            {
                rows.End(complete: false, count);
                await writer.FlushAsync(default(System.Threading.CancellationToken)).ConfigureAwait(false);
                progress.Finish($"stopped by an error after {ProgressLine.Count(count)} purchases ({pages} pages): {target} is valid but incomplete.");
                throw;
            }

            rows.End(complete, count);
            await writer.FlushAsync(default(System.Threading.CancellationToken)).ConfigureAwait(false);
            var end = complete ? "." : $"; stopped at {MaxPages} pages: incomplete.";
            progress.Finish(string.Create(CultureInfo.InvariantCulture,
                $"{ProgressLine.Count(count)} purchases in {pages} page{(pages == 1 ? "" : "s")}, {progress.Elapsed.TotalSeconds:0.0} s ({progress.Rate(count)}) to {target}{end}"));
            return ExitCodes.Ok;
        }
    }

    private interface IRowWriter
    {
        void Begin();

        void Write(PurchaseRow row);

        void End(bool complete, long count);
    }

    private static readonly string[] Columns =
        ["type", "purchaseId", "createdAt", "expiryDate", "userId", "clientContentId", "conscentContentId", "subscriptionId", "title", "url", "price", "buyingPrice", "currency", "promotional"];

    private static readonly string[] ContactColumns = ["email", "phoneNumber"];

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Bool(bool? value) => value is null ? null : value.Value ? "true" : "false";

    private sealed class CsvRows(TextWriter writer, bool includeContact) : IRowWriter
    {
        public void Begin() => Csv.WriteRecord(writer, includeContact ? [.. Columns, .. ContactColumns] : Columns);

        public void Write(PurchaseRow r)
        {
            string?[] fields =
            [
                r.Type, r.PurchaseId, Dates.Instant(r.CreatedAt), Dates.Instant(r.ExpiryDate), r.UserId, r.ClientContentId, r.ConscentContentId,
                r.SubscriptionId, r.Title, r.Url, Number(r.Price), Number(r.BuyingPrice), r.Currency, Bool(r.Promotional),
            ];
            Csv.WriteRecord(writer, includeContact ? [.. fields, r.Email, r.PhoneNumber] : fields);
        }

        // A CSV has no place to say "incomplete": every record written is whole, and the tool says the rest.
        public void End(bool complete, long count)
        {
        }
    }

    /// <summary>
    /// <c>{"type", "from", "to", "includeContact", "purchases": [one object a line], "count", "complete"}</c>: valid JSON
    /// even when interrupted, and <c>complete</c> says whether it holds everything.
    /// </summary>
    private sealed class JsonRows(TextWriter writer, ExportRequest request) : IRowWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private bool _first = true;

        public void Begin()
        {
            writer.Write(Object(w =>
            {
                w.WriteString("type", request.Kind.ToString().ToLowerInvariant());
                w.WriteString("from", Dates.Text(request.From));
                w.WriteString("to", Dates.Text(request.To));
                w.WriteBoolean("includeContact", request.IncludeContact);
            }).TrimEnd('}'));
            writer.Write(",\"purchases\":[");
        }

        public void Write(PurchaseRow r)
        {
            writer.Write(_first ? "\n" : ",\n");
            _first = false;
            writer.Write(Object(w =>
            {
                w.WriteString("type", r.Type);
                w.WriteString("purchaseId", r.PurchaseId);
                w.WriteString("createdAt", Dates.Instant(r.CreatedAt));
                w.WriteString("expiryDate", Dates.Instant(r.ExpiryDate));
                w.WriteString("userId", r.UserId);
                w.WriteString("clientContentId", r.ClientContentId);
                w.WriteString("conscentContentId", r.ConscentContentId);
                w.WriteString("subscriptionId", r.SubscriptionId);
                w.WriteString("title", r.Title);
                w.WriteString("url", r.Url);
                WriteNumber(w, "price", r.Price);
                WriteNumber(w, "buyingPrice", r.BuyingPrice);
                w.WriteString("currency", r.Currency);
                if (r.Promotional is { } promotional) w.WriteBoolean("promotional", promotional);
                else w.WriteNull("promotional");
                if (request.IncludeContact)
                {
                    w.WriteString("email", r.Email);
                    w.WriteString("phoneNumber", r.PhoneNumber);
                }
            }));
        }

        public void End(bool complete, long count)
        {
            writer.Write(_first ? "]" : "\n]");
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",\"count\":{count},\"complete\":{(complete ? "true" : "false")}}}"));
            writer.Write('\n');
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, decimal? value)
        {
            if (value is { } v) w.WriteNumber(name, v);
            else w.WriteNull(name);
        }

        private string Object(Action<Utf8JsonWriter> body)
        {
            _buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                body(w);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}
