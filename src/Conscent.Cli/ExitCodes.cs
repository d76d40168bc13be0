using System;

namespace Conscent.Cli;

/// <summary>The tool's exit codes (docs/cli.md lists them; scripts rely on them).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong: unknown command or option, a missing or malformed value, no credentials.</summary>
    public const int Usage = 1;

    /// <summary>The input is invalid (a CSV row, a payload file, a request the SDK refused to send): nothing was sent.</summary>
    public const int Validation = 2;

    /// <summary>ConsCent (or the webhook receiver) answered with an error, or with something unreadable.</summary>
    public const int Api = 3;

    /// <summary>No answer: the server could not be reached, the connection dropped, or the call timed out.</summary>
    public const int Network = 4;

    /// <summary>Stopped by Ctrl+C (or SIGTERM) before the end: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}

/// <summary>A failure the tool explains in one line and turns into an exit code (no stack trace).</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code to end with.</summary>
    public int ExitCode { get; } = ExitCodes.Usage;

    /// <summary>A usage error (exit 1).</summary>
    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    /// <summary>A validation error (exit 2).</summary>
    public static CliException Invalid(string message) => new(ExitCodes.Validation, message);
}
