using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;
using Conscent.Sdk.Testing;

namespace Conscent.Cli.Tests;

public sealed class PurchasesExportTests
{
    private static readonly string[] November = ["purchases", "export", "--from", "2026-11-01", "--to", "2026-11-30"];

    private static readonly string[] Columns =
        ["type", "purchaseId", "createdAt", "expiryDate", "userId", "clientContentId", "conscentContentId", "subscriptionId", "title", "url", "price", "buyingPrice", "currency", "promotional"];

    private static int AllDemoPurchases()
    {
        using var demo = TestSimulator.Demo();
        return demo.Purchases.Count + demo.Subscriptions.Count;
    }

    [Fact]
    public async Task Csv_on_standard_output_parses_back_with_every_purchase_and_progress_only_on_standard_error()
    {
        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--page-size", "25"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var (header, rows) = CsvText.Parse(result.Out);
        header.Should().Equal(Columns);
        rows.Should().HaveCount(AllDemoPurchases()).And.OnlyContain(r => r["type"] == "CONTENT" || r["type"] == "PASS" || r["type"] == "SUBSCRIPTION");
        rows.Select(r => DateTimeOffset.Parse(r["createdAt"], System.Globalization.CultureInfo.InvariantCulture))
            .Should().OnlyContain(d => d >= new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) && d < new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

        // Progress: pages on standard error, none of it on standard output.
        var pages = (rows.Count + 24) / 25;
        result.Error.Should().Contain("export: page 1,").And.Contain($"export: page {pages},").And.Contain($"{rows.Count} purchases in {pages} pages");
        result.Out.Should().NotContain("export:").And.NotContain("page ");
    }

    [Fact]
    public async Task Without_include_contact_no_email_or_phone_number_is_written()
    {
        foreach (var format in new[] { "csv", "json" })
        {
            foreach (var type in new[] { "all", "subscriptions", "passes", "micropayments" })
            {
                var result = await new CliRunner().RunAsync([.. November, "--simulator", "--type", type, "--format", format]);

                result.ExitCode.Should().Be(0, result.ToString());
                result.All.Should().NotContain("@example.com", $"{type} as {format}").And.NotContain("90000000", $"{type} as {format}");
                result.Out.Should().NotContain("email").And.NotContain("phoneNumber");
            }
        }
    }

    [Fact]
    public async Task With_include_contact_the_email_and_phone_columns_are_filled()
    {
        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--type", "passes", "--include-contact"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var (header, rows) = CsvText.Parse(result.Out);
        header.Should().Equal([.. Columns, "email", "phoneNumber"]);
        rows.Should().Contain(r => r["email"].EndsWith("@example.com", StringComparison.Ordinal));
        rows.Should().Contain(r => r["phoneNumber"].StartsWith("90000000", StringComparison.Ordinal));
        result.Error.Should().Contain("with readers' emails and phone numbers");
    }

    [Theory]
    [InlineData("subscriptions", "SUBSCRIPTION")]
    [InlineData("passes", "PASS")]
    [InlineData("micropayments", "CONTENT")]
    public async Task Each_type_exports_only_that_type(string type, string wireType)
    {
        using var demo = TestSimulator.Demo();
        var expected = wireType == "SUBSCRIPTION" ? demo.Subscriptions.Count : demo.Purchases.Count(p => p.Type == wireType);

        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--type", type, "--page-size", "7"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var (_, rows) = CsvText.Parse(result.Out);
        rows.Should().HaveCount(expected).And.OnlyContain(r => r["type"] == wireType);
        rows.Should().OnlyContain(r => r["userId"].Length > 0 && r["currency"] == "INR");
    }

    [Fact]
    public async Task Json_is_valid_with_the_same_rows_and_says_it_is_complete()
    {
        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--format", "json", "--page-size", "40"]);

        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("type").GetString().Should().Be("all");
        root.GetProperty("from").GetString().Should().Be("2026-11-01");
        root.GetProperty("complete").GetBoolean().Should().BeTrue();
        var purchases = root.GetProperty("purchases").EnumerateArray().ToList();
        purchases.Should().HaveCount(AllDemoPurchases());
        root.GetProperty("count").GetInt32().Should().Be(purchases.Count);
        purchases.Should().OnlyContain(p => p.EnumerateObject().Select(x => x.Name).SequenceEqual(Columns));
        purchases.Should().Contain(p => p.GetProperty("price").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task Out_writes_the_file_in_the_format_of_its_extension_and_nothing_on_standard_output()
    {
        using var folder = new TempFolder();
        var path = folder.File("november.json");

        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--out", path]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().BeEmpty();
        result.Error.Should().Contain(path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        json.RootElement.GetProperty("count").GetInt32().Should().Be(AllDemoPurchases());
    }

    [Fact]
    public async Task An_empty_range_gives_a_header_only_or_an_empty_list()
    {
        var csv = await new CliRunner().RunAsync("purchases", "export", "--from", "2020-01-01", "--to", "2020-01-31", "--simulator");
        var json = await new CliRunner().RunAsync("purchases", "export", "--from", "2020-01-01", "--to", "2020-01-31", "--simulator", "--format", "json");

        csv.ExitCode.Should().Be(0);
        CsvText.Parse(csv.Out).Rows.Should().BeEmpty();
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("purchases").GetArrayLength().Should().Be(0);
        document.RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Ctrl_c_leaves_a_valid_truncated_file_and_says_so(string format)
    {
        using var folder = new TempFolder();
        var path = folder.File("export." + format);
        using var ctrlC = new CancellationTokenSource();
        // Ctrl+C as soon as the first page is reported.
        var error = new CapturingWriter { OnWrite = text => { if (text.Contains("export: page 1,", StringComparison.Ordinal)) ctrlC.Cancel(); } };

        var result = await new CliRunner().RunAsync([.. November, "--simulator", "--page-size", "10", "--out", path], ctrlC.Token, error: error);

        result.ExitCode.Should().Be(ExitCodes.Interrupted, result.ToString());
        result.Error.Should().Contain("interrupted after 10 purchases (1 pages)").And.Contain("valid but incomplete");
        var text = File.ReadAllText(path);
        if (format == "csv")
        {
            CsvText.Parse(text).Rows.Should().HaveCount(10);
        }
        else
        {
            using var json = JsonDocument.Parse(text);
            json.RootElement.GetProperty("purchases").GetArrayLength().Should().Be(10);
            json.RootElement.GetProperty("count").GetInt32().Should().Be(10);
            json.RootElement.GetProperty("complete").GetBoolean().Should().BeFalse();
        }
    }

    [Fact]
    public async Task A_server_error_midway_leaves_a_valid_truncated_file_and_exits_3()
    {
        await using var simulator = await TestSimulator.StartAsync();
        simulator.Faults.When(r => r.Path.StartsWith("/client/purchases", StringComparison.Ordinal) && r.QueryValue("pageNumber") == "2",
            SimulatedFault.Status(400, message: "Simulated refusal"));
        using var folder = new TempFolder();
        var path = folder.File("export.csv");

        var result = await TestSimulator.RunnerFor(simulator).RunAsync([.. November, "--page-size", "10", "--out", path]);

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Error.Should().Contain("stopped by an error after 10 purchases").And.Contain("ConscentBadRequestException").And.Contain("Simulated refusal");
        CsvText.Parse(File.ReadAllText(path)).Rows.Should().HaveCount(10);
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task Against_a_server_every_page_is_one_request_with_the_range_as_whole_utc_days()
    {
        await using var simulator = await TestSimulator.StartAsync();

        var result = await TestSimulator.RunnerFor(simulator).RunAsync([.. November, "--type", "passes", "--page-size", "5"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var requests = simulator.Requests.Where(r => r.Path == "/client/purchases/passes").ToList();
        requests.Should().NotBeEmpty();
        requests.Select(r => r.QueryValue("pageNumber")).Should().Equal(Enumerable.Range(1, requests.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        requests.Should().OnlyContain(r => r.QueryValue("from") == "2026-11-01T00:00:00.000Z" && r.QueryValue("to") == "2026-11-30T23:59:59.999Z");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task On_a_terminal_progress_rewrites_one_line()
    {
        var result = await new CliRunner { ErrorIsTerminal = true }.RunAsync([.. November, "--simulator", "--page-size", "25"]);

        result.ExitCode.Should().Be(0);
        result.Error.Should().Contain("\r\u001b[2Kexport: page 1,");
        result.Out.Should().NotContain("\u001b");
    }
}
