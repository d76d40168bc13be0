using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Commands;
using Conscent.Cli.Sdk;

namespace Conscent.Cli;

/// <summary>
/// The <c>conscent</c> command tree and its entry point. <see cref="RunAsync"/> takes the arguments, a
/// <see cref="CliHost"/> (writers, environment, files, clock) and a cancellation token (Ctrl+C), and returns the exit
/// code: the process and the tests call the same thing.
/// </summary>
internal static class ConscentCli
{
    /// <summary>Runs one command line.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        var root = Build(host);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // System.CommandLine would print every error, typo suggestions and the whole help (on standard output):
            // one line and a pointer to the help, on standard error, are enough.
            host.Error.WriteLine("conscent: " + UsageError(parse));
            host.Error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help'.");
            host.Error.Flush();
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // The actions report their own failures in one line; Ctrl+C is wired by Program into cancellationToken.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A parse failure in one line. A command group without its command (<c>conscent</c>, <c>conscent stats</c>) names
    /// the commands it has; otherwise System.CommandLine's messages, each on one line.
    /// </summary>
    internal static string UsageError(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command.Action is null && command.Subcommands.Count > 0)
        {
            var names = string.Join(", ", command.Subcommands.Select(c => c.Name));
            return parse.UnmatchedTokens.Count > 0
                ? $"unknown command or option '{parse.UnmatchedTokens[0]}' (the commands: {names})."
                : $"a command is needed: {names}.";
        }
        return string.Join(" ", parse.Errors.Select(e => OneLine(e.Message)).Distinct(StringComparer.Ordinal));
    }

    // "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'" becomes "... Must be one of: 'a', 'b'".
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= 1 ? message.Trim() : lines[0] + " " + string.Join(", ", lines.Skip(1)) + ".";
    }

    /// <summary>"conscent purchases export": the command as the user types it (the root is always "conscent").</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent) names.Add(current.Command.Name);
        names.Add("conscent");
        names.Reverse();
        return string.Join(" ", names);
    }

    /// <summary>The whole command tree.</summary>
    public static RootCommand Build(CliHost host)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand(
            "conscent: the ConsCent simulator as a local server, signed (and forged) webhooks, purchase exports, " +
            "content imports and stats. Every command but simulator takes --profile, --environment and --simulator. " +
            "Exit codes: 0 ok, 1 usage, 2 validation, 3 API error, 4 network, 130 interrupted.");

        var app = new CliApp(host, globals);
        root.Subcommands.Add(SimulatorCommand.Create(app));
        root.Subcommands.Add(WebhooksCommand.Create(app));
        root.Subcommands.Add(PurchasesCommand.Create(app));
        root.Subcommands.Add(ContentCommand.Create(app));
        root.Subcommands.Add(StatsCommand.Create(app));
        return root;
    }
}

/// <summary>Rules on option values.</summary>
internal static class OptionRules
{
    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>, else <paramref name="message"/> as a usage
    /// error. A value that is not a number is left to System.CommandLine, which reports it ("Cannot parse argument …"):
    /// reading the value in the validator would throw instead.
    /// </summary>
    public static void AcceptOnlyBetween(this Option<int> option, int min, int max, string message) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
                result.AddError(message);
        });
}

/// <summary>
/// The options of every command that talks to ConsCent (all but <c>simulator</c>, which serves its own test
/// credentials): one instance of each, added to each of those commands and to no other, so <c>conscent simulator</c>
/// neither lists nor accepts them.
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Environment);
        command.Options.Add(Simulator);
    }

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Use the credentials of this profile in the profile file (docs/cli.md). Default: $CONSCENT_PROFILE.",
        HelpName = "NAME",
    };

    public Option<string?> Environment { get; } = new("--environment")
    {
        Description = "sandbox, production, or a base URL (such as a `conscent simulator` address). Default: the credentials' own, else sandbox.",
        HelpName = "sandbox|production|URL",
    };

    public Option<bool> Simulator { get; } = new("--simulator")
    {
        Description = "Run against an in-process ConsCent simulator with demo data (no account, no network).",
    };
}

/// <summary>What every command's action gets: the host, the global options, and how to report and exit.</summary>
internal sealed class CliApp
{
    public CliApp(CliHost host, GlobalOptions globals)
    {
        Host = host;
        Globals = globals;
    }

    public CliHost Host { get; }

    public GlobalOptions Globals { get; }

    /// <summary>
    /// Sets <paramref name="command"/>'s action. Failures end in one line on standard error and an exit code: usage 1,
    /// validation 2, API 3, network 4, Ctrl+C 130. No stack trace is ever printed. Unless
    /// <paramref name="connectionOptions"/> is false, the command also takes <see cref="GlobalOptions"/>.
    /// </summary>
    public void SetAction(Command command, Func<CommandRun, Task<int>> action, bool connectionOptions = true)
    {
        if (connectionOptions) Globals.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new CommandRun(this, parse, cancellationToken);
            try
            {
                return await action(run).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                run.Fail(ex.Message);
                return ex.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                run.Fail("interrupted.");
                return ExitCodes.Interrupted;
            }
            catch (Exception ex) when (ConscentApi.Describe(ex) is { } failure)
            {
                run.Fail(failure.Message);
                return failure.ExitCode;
            }
#pragma warning disable CA1031 // The last line of defence: one line, no stack trace (it could show values).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                run.Fail($"unexpected error ({ex.GetType().Name}): {ex.Message}");
                return ExitCodes.Usage;
            }
        });
    }
}

/// <summary>One invocation of a command.</summary>
internal sealed class CommandRun
{
    public CommandRun(CliApp app, ParseResult parse, CancellationToken cancellation)
    {
        App = app;
        Parse = parse;
        Cancellation = cancellation;
    }

    public CliApp App { get; }

    public ParseResult Parse { get; }

    public CancellationToken Cancellation { get; }

    public CliHost Host => App.Host;

    public bool UseSimulator => Parse.GetValue(App.Globals.Simulator);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>The credentials and target from the profile, environment variables or user secrets (never printed).</summary>
    public ConnectionSettings ResolveConnection() =>
        ConnectionResolver.Resolve(Host, Parse.GetValue(App.Globals.Profile), Parse.GetValue(App.Globals.Environment));

    /// <summary>The SDK client for this run: the in-process simulator with demo data, or ConsCent.</summary>
    public ApiSession OpenApi()
    {
        if (UseSimulator) return ApiSession.ForDemoSimulator(Host.Time);
        var settings = ResolveConnection();
        return new ApiSession(ConscentApi.Connect(settings, Host.ConscentTransport), settings.ToString(), owner: null);
    }

    /// <summary>Writes "conscent: message" on standard error.</summary>
    public void Fail(string message)
    {
        Host.Error.WriteLine("conscent: " + message);
        Host.Error.Flush();
    }
}

/// <summary>An SDK client and what it talks to; disposing it stops an in-process simulator too.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly IDisposable? _owner;

    public ApiSession(ConscentApi api, string description, IDisposable? owner)
    {
        Api = api;
        Description = description;
        _owner = owner;
    }

    public ConscentApi Api { get; }

    /// <summary>"ConsCent sandbox with credentials from …", or "the in-process simulator (demo data)".</summary>
    public string Description { get; }

    public static ApiSession ForDemoSimulator(TimeProvider time)
    {
        var simulator = ConscentTestKit.CreateSimulator(time);
        ConscentTestKit.SeedDemo(simulator, time.GetUtcNow());
        return new ApiSession(ConscentTestKit.Connect(simulator), "the in-process simulator (demo data)", simulator);
    }

    public void Dispose()
    {
        Api.Dispose();
        _owner?.Dispose();
    }
}
