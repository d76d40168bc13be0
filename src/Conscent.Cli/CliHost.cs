using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace Conscent.Cli;

/// <summary>
/// Everything the tool takes from its surroundings: where it writes, what the environment holds, where the profile
/// file and user secrets live, and the clock. The process uses <see cref="FromConsole"/>; tests build their own, so a
/// command runs in process with captured output, its own environment variables and no files of the developer's.
/// </summary>
internal sealed class CliHost
{
    /// <summary>The user-secrets id of the tool (<c>dotnet user-secrets set --id conscent-cli …</c>).</summary>
    public const string UserSecretsId = "conscent-cli";

    /// <summary>Standard output: the command's result (data, tables, reports).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: progress, warnings and errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable (null when unset).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The profile file (<c>--profile NAME</c>); see <see cref="DefaultProfilesPath"/>.</summary>
    public string? ProfilesPath { get; init; }

    /// <summary>The user-secrets file of <see cref="UserSecretsId"/>; null: none.</summary>
    public string? UserSecretsPath { get; init; }

    /// <summary>The clock: dates of demo data, default stats ranges, rates.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The transport under the SDK client for ConsCent (or a base URL); null, the default: the network. Tests give a
    /// handler that answers in process, to see which address a command calls without leaving the machine. Not used with
    /// <c>--simulator</c>, which has its own.
    /// </summary>
    public HttpMessageHandler? ConscentTransport { get; init; }

    /// <summary>Whether standard error is a terminal: progress rewrites one line there, else prints a line per step.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Whether standard output is a terminal: tables use its width and colours.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>The real console, environment, profile file and user secrets.</summary>
    public static CliHost FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        ProfilesPath = DefaultProfilesPath(Environment.GetEnvironmentVariable),
        UserSecretsPath = PathHelper.GetSecretsPathFromSecretsId(UserSecretsId),
        ErrorIsTerminal = !Console.IsErrorRedirected,
        OutIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>
    /// <c>$CONSCENT_PROFILES_FILE</c> when set, else <c>conscent/profiles.json</c> in the user's configuration folder
    /// (<c>~/.config</c> or <c>$XDG_CONFIG_HOME</c> on Linux and macOS, <c>%APPDATA%</c> on Windows).
    /// </summary>
    public static string? DefaultProfilesPath(Func<string, string?> environment)
    {
        if (environment("CONSCENT_PROFILES_FILE") is { Length: > 0 } explicitPath) return explicitPath;
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
        return string.IsNullOrEmpty(folder) ? null : Path.Combine(folder, "conscent", "profiles.json");
    }

    /// <summary>A host over the given writers and environment variables (no profile file or user secrets unless set).</summary>
    public static CliHost ForWriters(TextWriter output, TextWriter error, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Out = output,
        Error = error,
        GetEnvironmentVariable = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
    };
}
