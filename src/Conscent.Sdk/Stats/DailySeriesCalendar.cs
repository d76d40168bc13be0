using System;
using System.Collections.Generic;

namespace Conscent.Sdk;

/// <summary>Cuts a range into calendar days in a time zone or at a fixed offset (see <see cref="DailySeriesOptions"/>).</summary>
internal sealed class DailySeriesCalendar
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private readonly TimeZoneInfo? _zone;
    private readonly TimeSpan _offset;

    private DailySeriesCalendar(TimeZoneInfo? zone, TimeSpan offset)
    {
        _zone = zone;
        _offset = offset;
    }

    /// <summary>Checks the options (every problem into <paramref name="validator"/>); null when they are not valid.</summary>
    public static DailySeriesCalendar? Create(DailySeriesOptions options, RequestValidator validator)
    {
        var ok = true;
        if (options.MaxConcurrency is < 1 or > DailySeriesOptions.MaxConcurrencyLimit)
            validator.Add(nameof(DailySeriesOptions.MaxConcurrency), $"must be between 1 and {DailySeriesOptions.MaxConcurrencyLimit}.");
        if (options.TimeZone is not null && options.UtcOffset is not null)
        {
            validator.Add(nameof(DailySeriesOptions.UtcOffset), "must not be set together with timeZone: set one of them.");
            ok = false;
        }
        if (options.UtcOffset is { } offset && (offset.Ticks % TimeSpan.TicksPerMinute != 0 || offset > MaxOffset || offset < -MaxOffset))
        {
            validator.Add(nameof(DailySeriesOptions.UtcOffset), "must be whole minutes between -14:00 and +14:00.");
            ok = false;
        }
        return ok ? new DailySeriesCalendar(options.TimeZone, options.UtcOffset ?? TimeSpan.Zero) : null;
    }

    /// <summary>The calendar day (time 00:00, kind Unspecified) that contains <paramref name="instant"/>.</summary>
    public DateTime DateOf(DateTimeOffset instant)
    {
        var local = _zone is null ? instant.ToOffset(_offset) : TimeZoneInfo.ConvertTime(instant, _zone);
        return DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified);
    }

    /// <summary>
    /// The first instant of <paramref name="date"/>: its midnight; where midnight comes twice, the first; where the
    /// clocks jump over it, the moment they jump (midnight at the offset in force the day before).
    /// </summary>
    public DateTimeOffset StartOf(DateTime date)
    {
        var midnight = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        if (_zone is null) return new DateTimeOffset(midnight, _offset);

        TimeSpan offset;
        if (_zone.IsAmbiguousTime(midnight))
        {
            offset = TimeSpan.MinValue;
            foreach (var candidate in _zone.GetAmbiguousTimeOffsets(midnight))
                if (candidate > offset) offset = candidate;
        }
        else if (_zone.IsInvalidTime(midnight))
        {
            offset = _zone.GetUtcOffset(midnight.AddDays(-1));
        }
        else
        {
            offset = _zone.GetUtcOffset(midnight);
        }
        return new DateTimeOffset(midnight, offset).ToOffset(_zone.GetUtcOffset(new DateTimeOffset(midnight, offset)));
    }

    /// <summary>
    /// The days from the one that contains <paramref name="from"/> to the one that contains <paramref name="to"/>;
    /// adds an error and returns null when the dates cannot be represented or there are more than
    /// <see cref="DailySeriesOptions.MaxDays"/>.
    /// </summary>
    public IReadOnlyList<DailySeriesDay>? Days(DateTimeOffset from, DateTimeOffset to, RequestValidator validator)
    {
        DateTime first, last;
        try
        {
            first = DateOf(from);
            _ = StartOf(first);
        }
        catch (ArgumentOutOfRangeException)
        {
            validator.Add("from", "is too close to the smallest date to cut into days.");
            return null;
        }
        try
        {
            last = DateOf(to);
            _ = StartOf(last.AddDays(1)); // the end of the last day must exist too
        }
        catch (ArgumentOutOfRangeException)
        {
            validator.Add("to", "is too close to the largest date to cut into days.");
            return null;
        }

        var count = (last - first).Days + 1;
        if (count > DailySeriesOptions.MaxDays)
        {
            validator.Add("to", $"must be at most {DailySeriesOptions.MaxDays} days from 'from' (the series would have {count} days).");
            return null;
        }

        var days = new DailySeriesDay[count];
        var start = StartOf(first);
        for (var i = 0; i < count; i++)
        {
            var date = first.AddDays(i);
            var end = StartOf(date.AddDays(1));
            days[i] = new DailySeriesDay(date, start, end);
            start = end;
        }
        return days;
    }
}

/// <summary>One day to ask for: its date, first instant and the next day's first instant.</summary>
internal readonly record struct DailySeriesDay(DateTime Date, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The <c>to</c> sent for the day: one millisecond (the precision of the dates sent) before <see cref="End"/>.</summary>
    public DateTimeOffset LastMillisecond => End.AddMilliseconds(-1);
}
