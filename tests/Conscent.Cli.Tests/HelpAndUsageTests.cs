using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;

namespace Conscent.Cli.Tests;

public sealed class HelpAndUsageTests
{
    public static TheoryData<string> Commands => new()
    {
        "", "simulator", "webhooks", "webhooks trigger", "purchases", "purchases export", "content", "content import", "stats", "stats daily", "stats content",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_answers_help_on_standard_output_with_exit_0(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await new CliRunner().RunAsync(args);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Description:").And.Contain("Usage:").And.Contain("--help");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Root_help_lists_every_command_the_global_options_and_the_exit_codes()
    {
        var result = await new CliRunner().RunAsync("--help");

        result.Out.Should().Contain("simulator").And.Contain("webhooks").And.Contain("purchases").And.Contain("content").And.Contain("stats");
        result.Out.Should().Contain("--profile").And.Contain("--environment").And.Contain("--simulator");
        result.Out.Should().Contain("0 ok, 1 usage, 2 validation, 3 API error, 4 network");
    }

    [Fact]
    public async Task Global_options_show_in_the_help_of_a_subcommand()
    {
        var result = await new CliRunner().RunAsync("purchases", "export", "--help");

        result.Out.Should().Contain("--from").And.Contain("--include-contact").And.Contain("--simulator").And.Contain("--profile");
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("purchases", "export", "--to", "2026-11-30", "--simulator")]
    [InlineData("purchases", "export", "--from", "2026-11-30", "--to", "2026-11-01", "--simulator")]
    [InlineData("purchases", "export", "--from", "30/11/2026", "--to", "2026-11-30", "--simulator")]
    [InlineData("purchases", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--type", "refunds", "--simulator")]
    [InlineData("purchases", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--page-size", "5000", "--simulator")]
    [InlineData("webhooks", "trigger", "sign-up")]
    [InlineData("webhooks", "trigger", "refund", "--to", "http://127.0.0.1:9/")]
    [InlineData("webhooks", "trigger", "sign-up", "--to", "http://127.0.0.1:9/", "--repeat", "0", "--simulator")]
    [InlineData("webhooks", "trigger", "sign-up", "--to", "not a url", "--simulator")]
    [InlineData("simulator", "--port", "70000")]
    [InlineData("simulator", "--seed", "lots")]
    [InlineData("stats", "daily", "--from", "2025-01-01", "--to", "2026-11-30", "--simulator")]
    [InlineData("content", "import")]
    [InlineData("simulator", "--port", "abc")]
    [InlineData("webhooks", "trigger", "sign-up", "--to", "http://127.0.0.1:9/", "--repeat", "twice", "--simulator")]
    [InlineData("webhooks", "trigger", "sign-up", "--to", "http://127.0.0.1:9/", "--timeout", "1.5", "--simulator")]
    [InlineData("purchases", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--page-size", "1e3", "--simulator")]
    public async Task Wrong_command_lines_are_usage_errors_exit_1_without_a_stack_trace(params string[] args)
    {
        var result = await new CliRunner().RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
        result.Error.Should().StartWith("conscent: ");
        result.Error.TrimEnd('\n').Split('\n').Should().HaveCountLessThanOrEqualTo(2, "one line, and at most a pointer to the help");
        result.Out.Should().BeEmpty("a usage error prints no help or data on standard output");
        result.All.Should().NotContain("   at ").And.NotContain("Exception:");
    }

    [Theory]
    [InlineData("", "conscent: a command is needed: simulator, webhooks, purchases, content, stats.\nRun 'conscent --help'.\n")]
    [InlineData("frobnicate", "conscent: unknown command or option 'frobnicate' (the commands: simulator, webhooks, purchases, content, stats).\nRun 'conscent --help'.\n")]
    [InlineData("stats", "conscent: a command is needed: daily, content.\nRun 'conscent stats --help'.\n")]
    [InlineData("purchases export --to 2026-11-30 --simulator", "conscent: Option '--from' is required.\nRun 'conscent purchases export --help'.\n")]
    [InlineData("simulator --seed lots", "conscent: Argument 'lots' not recognized. Must be one of: 'demo', 'empty'.\nRun 'conscent simulator --help'.\n")]
    [InlineData("stats daily --days 7", "conscent: Unrecognized command or argument '--days'. Unrecognized command or argument '7'.\nRun 'conscent stats daily --help'.\n")]
    public async Task A_command_line_that_does_not_parse_gets_one_line_and_a_pointer_to_the_help_on_standard_error_only(string commandLine, string expectedError)
    {
        var result = await new CliRunner().RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Be(expectedError);
        result.Out.Should().BeEmpty();
    }

    public static TheoryData<string> ConnectingCommands => new() { "webhooks trigger", "purchases export", "content import", "stats daily", "stats content" };

    [Theory]
    [MemberData(nameof(ConnectingCommands))]
    public async Task Every_command_that_talks_to_conscent_offers_the_connection_options(string command)
    {
        var result = await new CliRunner().RunAsync([.. command.Split(' '), "--help"]);

        result.Out.Should().Contain("--profile <NAME>").And.Contain("--environment <sandbox|production|URL>").And.Contain("--simulator ");
    }

    [Fact]
    public async Task The_simulator_command_neither_lists_nor_accepts_the_connection_options()
    {
        var help = await new CliRunner().RunAsync("simulator", "--help");
        help.Out.Should().Contain("--port").And.NotContain("--profile").And.NotContain("--environment").And.NotContain("--simulator");

        // Were an option accepted, the simulator would start and serve until cancelled: the bound ends such a run.
        foreach (var option in new[] { new[] { "--profile", "local" }, new[] { "--environment", "production" }, new[] { "--simulator" } })
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var result = await new CliRunner().RunAsync(["simulator", "--port", "0", .. option], bound.Token);

            result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
            result.Error.Should().StartWith($"conscent: Unrecognized command or argument '{option[0]}'.").And.EndWith("Run 'conscent simulator --help'.\n");
            result.Out.Should().BeEmpty("the simulator did not start");
        }
    }

    [Theory]
    [InlineData("simulator")]
    [InlineData("webhooks trigger")]
    [InlineData("purchases export")]
    public async Task No_help_shows_an_option_default_twice(string command)
    {
        var result = await new CliRunner().RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        var lines = result.Out.Split('\n');
        lines.Where(l => l.Contains("[default: ", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(l => !l.Contains("Default:", StringComparison.Ordinal), "System.CommandLine already appends [default: …]");
    }
}
