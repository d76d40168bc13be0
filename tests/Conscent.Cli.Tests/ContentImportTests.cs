using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;
using Conscent.Sdk.Testing;

namespace Conscent.Cli.Tests;

public sealed class ContentImportTests
{
    private const string FiveRows = """
        contentId,title,url,price,currency,contentType,categories
        row-1,First story,https://news.example/1,5,INR,STORY,politics;economy
        row-2,"Second, with a comma",https://news.example/2,3.5,inr,,
        row-3,Third,https://news.example/3,,,VIDEO,
        row-4,Fourth,https://news.example/4,0.99,USD,PODCAST,
        row-5,Fifth,https://news.example/5,2,INR,,
        """;

    private static string WriteCsv(TempFolder folder, string text, string name = "content.csv")
    {
        var path = folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public async Task A_valid_file_registers_every_row_in_order_with_progress_on_standard_error_and_a_report()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, FiveRows);

        var result = await TestSimulator.RunnerFor(simulator).RunAsync("content", "import", csv);

        result.ExitCode.Should().Be(0, result.ToString());
        simulator.ContentIds.Should().Equal("row-1", "row-2", "row-3", "row-4", "row-5");
        simulator.FindContent("row-2")!["title"]!.GetValue<string>().Should().Be("Second, with a comma");
        simulator.FindContent("row-2")!["currency"]!.GetValue<string>().Should().Be("INR");
        result.Out.Should().Contain("line 2: created row-1").And.Contain("line 6: created row-5");
        result.Error.Should().Contain("import: 1/5 rows").And.Contain("import: 5 created");
        result.Out.Should().NotContain("import:");

        using var report = JsonDocument.Parse(File.ReadAllText(csv + ".import-report.json"));
        report.RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
        report.RootElement.GetProperty("created").EnumerateArray().Select(e => e.GetProperty("contentId").GetString()).Should().Equal("row-1", "row-2", "row-3", "row-4", "row-5");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task Every_problem_is_listed_with_its_line_number_and_nothing_is_sent()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, """
            contentId,title,url,price,currency
            good-1,Fine,https://news.example/1,5,INR
            bad id,Spaces in the id,https://news.example/2,5,INR
            price-words,Price in words,https://news.example/3,five,INR
            no-title,,https://news.example/4,5,INR
            relative-url,Relative,/news/5,5,INR
            good-1,Repeated id,https://news.example/6,5,INR
            "multi-line","A title
            over two lines",https://news.example/7,5,INR
            negative,Negative price,https://news.example/9,-1,RUPEES
            short-row,Too few fields
            """);

        var result = await TestSimulator.RunnerFor(simulator).RunAsync("content", "import", csv);

        result.ExitCode.Should().Be(ExitCodes.Validation, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Contain(l => l.StartsWith("line 3: contentId:", StringComparison.Ordinal));
        lines.Should().Contain("line 4: price: 'five' is not a number (use a dot for decimals, e.g. 4.99).");
        lines.Should().Contain(l => l.StartsWith("line 5: title:", StringComparison.Ordinal));
        lines.Should().Contain("line 6: url: '/news/5' is not an absolute http(s) URL.");
        lines.Should().Contain("line 7: contentId: 'good-1' is already on line 2.");
        lines.Should().Contain(l => l.StartsWith("line 10: price:", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("line 10: currency:", StringComparison.Ordinal));
        lines.Should().Contain("line 11: has 2 fields, the header has 5.");
        lines.Should().NotContain(l => l.StartsWith("line 2:", StringComparison.Ordinal) || l.StartsWith("line 8:", StringComparison.Ordinal));
        result.Error.Should().Contain("nothing was sent");
        simulator.Requests.Should().BeEmpty();
        File.Exists(csv + ".import-report.json").Should().BeFalse();
    }

    [Theory]
    [InlineData("contentId,title\nx,y\n", "line 1: the header has no 'url' column.")]
    [InlineData("contentId,title,url,colour\nx,y,https://a.example/,red\n", "line 1: unknown column 'colour'")]
    [InlineData("contentId,title,url,URL\nx,y,https://a.example/,https://b.example/\n", "line 1: column 'url' appears twice.")]
    [InlineData("", "line 1: the file is empty")]
    [InlineData("contentId,title,url\n", "line 2: there are no rows after the header.")]
    [InlineData("contentId,title,url\n\"x,y,https://a.example/\n", "line 2: a quoted field is never closed.")]
    public async Task A_file_that_is_not_a_content_table_is_a_validation_error(string text, string problem)
    {
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, text);

        var result = await new CliRunner().RunAsync("content", "import", csv, "--simulator");

        result.ExitCode.Should().Be(ExitCodes.Validation, result.ToString());
        result.Out.Should().Contain(problem);
    }

    [Fact]
    public async Task Dry_run_checks_every_row_and_sends_nothing()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, FiveRows);

        var result = await TestSimulator.RunnerFor(simulator).RunAsync("content", "import", csv, "--dry-run");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("5 rows, all valid").And.Contain("Dry run: nothing was sent.");
        simulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_first_server_error_stops_writes_a_report_and_a_rerun_skips_what_was_created()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        var rule = simulator.Faults.When(r => r.Method == "POST" && r.Body != null && r.Body.Contains("\"row-3\"", StringComparison.Ordinal),
            SimulatedFault.Status(500, message: "Simulated outage"), times: 1);
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, FiveRows);
        var runner = TestSimulator.RunnerFor(simulator);

        var first = await runner.RunAsync("content", "import", csv);

        first.ExitCode.Should().Be(ExitCodes.Api, first.ToString());
        rule.Hits.Should().Be(1, "a create is not retried after a failure the server may have processed");
        simulator.ContentIds.Should().Equal("row-1", "row-2");
        first.Error.Should().Contain("stopped at line 4 (row-3): 2 created this run").And.Contain("ConscentServerException").And.Contain("Simulated outage");
        using (var report = JsonDocument.Parse(File.ReadAllText(csv + ".import-report.json")))
        {
            report.RootElement.GetProperty("complete").GetBoolean().Should().BeFalse();
            report.RootElement.GetProperty("created").EnumerateArray().Select(e => e.GetProperty("contentId").GetString()).Should().Equal("row-1", "row-2");
            report.RootElement.GetProperty("stoppedAt").GetProperty("line").GetInt32().Should().Be(4);
        }

        var rerun = await runner.RunAsync("content", "import", csv);

        rerun.ExitCode.Should().Be(0, rerun.ToString());
        rerun.Error.Should().Contain("2 already created");
        rerun.Out.Should().NotContain("created row-1").And.Contain("line 4: created row-3");
        simulator.ContentIds.Should().Equal("row-1", "row-2", "row-3", "row-4", "row-5");
        using (var report = JsonDocument.Parse(File.ReadAllText(csv + ".import-report.json")))
        {
            report.RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
            report.RootElement.GetProperty("created").GetArrayLength().Should().Be(5);
        }

        var third = await runner.RunAsync("content", "import", csv);
        third.ExitCode.Should().Be(0);
        third.Out.Should().Contain("Nothing to do.");
    }

    [Fact]
    public async Task A_refusal_by_ConsCent_stops_with_exit_3_naming_the_line()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        simulator.SeedContent("row-2", "Already there", "https://news.example/2");
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, FiveRows);

        var result = await TestSimulator.RunnerFor(simulator).RunAsync("content", "import", csv);

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Error.Should().Contain("line 3:").And.Contain("ConscentBadRequestException");
    }

    [Fact]
    public async Task Ctrl_c_stops_after_the_current_row_and_the_report_lists_what_was_created()
    {
        await using var simulator = await TestSimulator.StartAsync(demo: false);
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, FiveRows);
        using var ctrlC = new CancellationTokenSource();
        var output = new CapturingWriter { OnWrite = text => { if (text.Contains("created row-1", StringComparison.Ordinal)) ctrlC.Cancel(); } };

        var result = await TestSimulator.RunnerFor(simulator).RunAsync(["content", "import", csv], ctrlC.Token, output: output);

        result.ExitCode.Should().Be(ExitCodes.Interrupted, result.ToString());
        result.Error.Should().Contain("interrupted at line 3");
        simulator.ContentIds.Should().Equal("row-1");
        using var report = JsonDocument.Parse(File.ReadAllText(csv + ".import-report.json"));
        report.RootElement.GetProperty("created").EnumerateArray().Select(e => e.GetProperty("contentId").GetString()).Should().Equal("row-1");
        report.RootElement.GetProperty("stoppedAt").GetProperty("error").GetString().Should().Be("interrupted");
    }

    [Fact]
    public async Task With_the_simulator_the_sample_file_imports_and_no_report_is_left_behind()
    {
        using var folder = new TempFolder();
        var csv = WriteCsv(folder, File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "scripts", "content.sample.csv")));

        var result = await new CliRunner().RunAsync("content", "import", csv, "--simulator");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("created budget-2026").And.Contain("created election-night-live");
        Directory.GetFiles(folder.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var result = await new CliRunner().RunAsync("content", "import", "/nonexistent/content.csv", "--simulator");

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("cannot read");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 10 && directory is not null; i++, directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Conscent.Sdk.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (Conscent.Sdk.sln) is not above the test assembly.");
    }
}
