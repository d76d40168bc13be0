using System;
using System.Linq;
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
    public async Task Wrong_command_lines_are_usage_errors_exit_1_without_a_stack_trace(params string[] args)
    {
        var result = await new CliRunner().RunAsync(args);

        result.ExitCode.Should().Be(ExitCodes.Usage, result.ToString());
        result.Error.Should().NotBeEmpty();
        result.All.Should().NotContain("   at ").And.NotContain("Exception:");
    }
}
