using System;
using System.Globalization;

namespace Conscent.Sdk;

/// <summary>How <see cref="IStatsClient.GetDailySeriesAsync"/> cuts days and how many calls it makes at once.</summary>
/// <remarks>
/// Days start at midnight in <see cref="TimeZone"/>, or at a fixed <see cref="UtcOffset"/> (set one at most; UTC when
/// neither is set). A fixed offset suits zones without daylight saving, such as India
/// (<c>UtcOffset = TimeSpan.FromHours(5.5)</c>), and needs no time-zone database on the machine.
/// </remarks>
public sealed class DailySeriesOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>: 4 calls at once.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The largest <see cref="MaxConcurrency"/> accepted: 16 calls at once.</summary>
    public const int MaxConcurrencyLimit = 16;

    /// <summary>The most days one series may cover: 366 (a leap year).</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// The time zone whose midnights start the days, such as India's (<c>Asia/Kolkata</c>). Its daylight-saving rules
    /// apply: a day may last 23 or 25 hours; where the clocks jump over midnight the day starts when they jump, and
    /// where midnight comes twice the day starts at the first. Null (default) for UTC, or <see cref="UtcOffset"/>.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>
    /// A fixed offset from UTC whose midnights start the days, such as <c>+05:30</c> for India: whole minutes between
    /// <c>-14:00</c> and <c>+14:00</c>. Null (default) for UTC, or <see cref="TimeZone"/>; not both.
    /// </summary>
    public TimeSpan? UtcOffset { get; set; }

    /// <summary>How many calls may be in flight at once: 1 to <see cref="MaxConcurrencyLimit"/>, <see cref="DefaultMaxConcurrency"/> by default.</summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;
}

/// <summary>One day of <see cref="IStatsClient.GetDailySeriesAsync"/>: the day, its bounds, and ConsCent's totals for it.</summary>
public sealed class DailyStatsPoint
{
    /// <summary>Creates a point (for tests and mocks; the SDK makes them in <see cref="IStatsClient.GetDailySeriesAsync"/>).</summary>
    /// <param name="date">The calendar day (its time of day is dropped).</param>
    /// <param name="start">The day's first instant.</param>
    /// <param name="end">The next day's first instant (not part of this day).</param>
    /// <param name="stats">ConsCent's totals for the day.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stats"/> is null.</exception>
    public DailyStatsPoint(DateTime date, DateTimeOffset start, DateTimeOffset end, DailyStats stats)
    {
        Date = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        Start = start;
        End = end;
        Stats = stats ?? throw new ArgumentNullException(nameof(stats));
    }

    /// <summary>The calendar day in the series' time zone (time 00:00, <see cref="DateTimeKind.Unspecified"/>): a chart's label.</summary>
    public DateTime Date { get; }

    /// <summary>The day's first instant, with the series' UTC offset at that instant (sent as <c>from</c>).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>
    /// The next day's first instant, with the offset then in force; excluded from this day. Sent as <c>to</c> minus one
    /// millisecond.
    /// </summary>
    public DateTimeOffset End { get; }

    /// <summary>ConsCent's totals for the day (<see cref="DailyStats.Consumed"/>, <see cref="DailyStats.TotalRevenueGenerated"/>).</summary>
    public DailyStats Stats { get; }

    /// <summary>The day and its count, without any reader data.</summary>
    public override string ToString() =>
        Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": consumed "
        + (Stats.Consumed?.ToString(CultureInfo.InvariantCulture) ?? "n/a");
}
