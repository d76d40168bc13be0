using System;
using System.Globalization;

namespace Conscent.Cli.Output;

/// <summary>Whole UTC days, written yyyy-MM-dd, as every date option takes them.</summary>
internal static class Dates
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Parses a day; a usage error names the option.</summary>
    public static DateOnly ParseDay(string? value, string option)
    {
        if (DateOnly.TryParseExact(value?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        throw CliException.Usage($"{option} needs a day as yyyy-MM-dd (got '{value}').");
    }

    /// <summary>Both ends given and in order, at most <paramref name="maxDays"/> days (when set).</summary>
    public static (DateOnly From, DateOnly To) Range(DateOnly from, DateOnly to, int? maxDays = null)
    {
        if (from > to) throw CliException.Usage($"--from ({Text(from)}) is after --to ({Text(to)}).");
        var days = to.DayNumber - from.DayNumber + 1;
        if (maxDays is { } max && days > max) throw CliException.Usage($"the range has {days} days; at most {max} at a time.");
        return (from, to);
    }

    /// <summary>The first instant of the day (UTC).</summary>
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The last millisecond of the day (UTC): ConsCent's ranges include both ends, to the millisecond.</summary>
    public static DateTimeOffset End(DateOnly day) => Start(day).AddDays(1).AddMilliseconds(-1);

    /// <summary>Today, UTC, by the host's clock.</summary>
    public static DateOnly Today(CliHost host) => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

    public static string Text(DateOnly day) => day.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>An instant as ConsCent writes it: UTC with milliseconds.</summary>
    public static string? Instant(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
