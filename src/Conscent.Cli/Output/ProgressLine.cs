using System;
using System.Globalization;
using System.IO;

namespace Conscent.Cli.Output;

/// <summary>
/// Live progress on standard error only. On a terminal it rewrites one line; elsewhere (a log, a pipe, a test) it
/// prints one line per step. Standard output is never touched, so data piped from it stays clean.
/// </summary>
internal sealed class ProgressLine
{
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly TimeProvider _time;
    private readonly string _prefix;
    private readonly long _started;
    private bool _lineOpen;

    public ProgressLine(CliHost host, string prefix)
    {
        _error = host.Error;
        _terminal = host.ErrorIsTerminal;
        _time = host.Time;
        _prefix = prefix;
        _started = _time.GetTimestamp();
    }

    /// <summary>Time since the start.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Items per second since the start ("—" until a measurable time has passed).</summary>
    public string Rate(long items)
    {
        var seconds = Elapsed.TotalSeconds;
        return seconds < 0.001 ? "—/s" : (items / seconds).ToString("#,0.#", CultureInfo.InvariantCulture) + "/s";
    }

    /// <summary>Shows the current state.</summary>
    public void Update(string text)
    {
        if (_terminal)
        {
            // Carriage return and "erase line": the same line is rewritten.
            _error.Write("\r\u001b[2K" + _prefix + ": " + text);
            _lineOpen = true;
        }
        else
        {
            _error.WriteLine(_prefix + ": " + text);
        }
        _error.Flush();
    }

    /// <summary>Ends the live line (if any) and prints a last line.</summary>
    public void Finish(string text)
    {
        if (_terminal && _lineOpen) _error.Write("\r\u001b[2K");
        _lineOpen = false;
        _error.WriteLine(_prefix + ": " + text);
        _error.Flush();
    }

    /// <summary>Formats a count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
