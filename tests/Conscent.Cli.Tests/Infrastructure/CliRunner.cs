using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool printed, and how it ended.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the tool in process, as the conscent executable does, with its own environment variables (none of the
/// machine's), no profile file or user secrets unless a test gives them, and a fixed clock.
/// </summary>
public sealed class CliRunner
{
    /// <summary>The clock the tests' demo data hangs on: demo days are 2026-11-01 to 2026-11-30.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string? ProfilesPath { get; set; }

    public string? UserSecretsPath { get; set; }

    public bool ErrorIsTerminal { get; set; }

    /// <summary>The SDK's transport for a real environment (null: the network; see <see cref="RecordingTransport"/>).</summary>
    public HttpMessageHandler? ConscentTransport { get; set; }

    public TimeProvider Time { get; set; } = new FixedClock(Now);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken, CapturingWriter? output = null, CapturingWriter? error = null)
    {
        output ??= new CapturingWriter();
        error ??= new CapturingWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            GetEnvironmentVariable = name => Environment.TryGetValue(name, out var value) ? value : null,
            ProfilesPath = ProfilesPath,
            UserSecretsPath = UserSecretsPath,
            Time = Time,
            ErrorIsTerminal = ErrorIsTerminal,
            ConscentTransport = ConscentTransport,
        };
        var exit = await ConscentCli.RunAsync(args, host, cancellationToken);
        return new CliResult(exit, output.Text, error.Text);
    }
}

/// <summary>A text writer several threads may write to while a test reads it; can call back on each write.</summary>
public sealed class CapturingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    /// <summary>Called (outside the lock) with everything written so far, after each write.</summary>
    public Action<string>? OnWrite { get; set; }

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_gate) return _text.ToString();
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? "");

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override void WriteLine(string? value) => Append((value ?? "") + "\n");

    private void Append(string value)
    {
        string snapshot;
        lock (_gate)
        {
            _text.Append(value);
            snapshot = _text.ToString();
        }
        OnWrite?.Invoke(snapshot);
    }
}

/// <summary>A clock that always says the same time (elapsed times still run, for rates).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A folder deleted at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "conscent-cli-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
