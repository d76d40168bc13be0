using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Stats;

/// <summary>
/// <see cref="IStatsClient.GetDailySeriesAsync"/> on an in-memory transport the test drives: bounded concurrency, order,
/// the first failure, cancellation, day boundaries in zones with daylight saving, and argument checks.
/// </summary>
public sealed class DailySeriesTests
{
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Runs a series on held requests, releasing one at a time and checking the count in flight before each release:
    /// it must reach <paramref name="limit"/> (the calls do overlap) and never pass it.
    /// </summary>
    private static async Task<(IReadOnlyList<DailyStatsPoint> Series, int MaxInFlight)> RunHeld(int days, int limit, DailySeriesOptions? options)
    {
        var handler = new HeldRequestsHandler();
        using var client = SeriesTestSupport.Client(handler);

        var call = client.Stats.GetDailySeriesAsync(Nov1, Nov1.AddDays(days - 1), options);
        for (var released = 0; released < days; released++)
        {
            // Released so far + the limit may be in flight; wait for them (the next day is sent once one is answered).
            await handler.WhenArrived(Math.Min(days, released + limit)).WaitAsync(SeriesTestSupport.HangGuard);
            handler.InFlight.Should().Be(Math.Min(limit, days - released), "before release {0}", released);
            handler.ReleaseNext();
        }
        var series = await call.WaitAsync(SeriesTestSupport.HangGuard);

        handler.Arrived.Should().Be(days);
        return (series, handler.MaxInFlight);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(3, 8)]
    [InlineData(16, 20)]
    public async Task Never_more_than_max_concurrency_calls_in_flight_and_the_limit_is_used(int limit, int days)
    {
        var (series, maxInFlight) = await RunHeld(days, limit, new DailySeriesOptions { MaxConcurrency = limit });

        maxInFlight.Should().Be(limit, "the calls overlap up to the limit and never beyond it");
        series.Select(p => p.Stats.Consumed).Should().Equal(Enumerable.Range(1, days).Select(d => (int?)d));
    }

    [Fact]
    public async Task Default_concurrency_is_four()
    {
        var (series, maxInFlight) = await RunHeld(10, DailySeriesOptions.DefaultMaxConcurrency, options: null);

        DailySeriesOptions.DefaultMaxConcurrency.Should().Be(4);
        maxInFlight.Should().Be(4);
        series.Should().HaveCount(10);
    }

    [Fact]
    public async Task Fewer_days_than_the_limit_all_go_at_once()
    {
        var (series, maxInFlight) = await RunHeld(3, 3, new DailySeriesOptions { MaxConcurrency = 8 });

        maxInFlight.Should().Be(3);
        series.Select(p => p.Date.Day).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Answers_that_arrive_in_reverse_still_come_back_in_date_order()
    {
        var arrived = 0;
        var releases = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var allArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, ct) =>
        {
            var day = DateTimeOffset.Parse(SeriesTestSupport.From(request), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Day;
            if (Interlocked.Increment(ref arrived) == 4) allArrived.SetResult(true);
            await releases[day - 1].Task.WaitAsync(ct);
            return SeriesTestSupport.AnswerWithDayOfMonth(request);
        });
        using var client = SeriesTestSupport.Client(handler);

        var call = client.Stats.GetDailySeriesAsync(Nov1, Nov1.AddDays(3), new DailySeriesOptions { MaxConcurrency = 4 });
        await allArrived.Task.WaitAsync(SeriesTestSupport.HangGuard);
        for (var i = 3; i >= 0; i--) releases[i].SetResult(true); // the last day answers first
        var series = await call.WaitAsync(SeriesTestSupport.HangGuard);

        series.Select(p => p.Date.Day).Should().Equal(1, 2, 3, 4);
        series.Select(p => p.Stats.Consumed).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task The_first_failure_cancels_the_call_in_flight_sends_no_more_days_and_is_thrown_as_it_was()
    {
        var secondDayArrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDayCancelled = false;
        var handler = new DelegateHandler(async (request, ct) =>
        {
            if (SeriesTestSupport.From(request).StartsWith("2026-11-02", StringComparison.Ordinal))
            {
                secondDayArrived.TrySetResult(true);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    secondDayCancelled = true;
                    throw;
                }
            }
            // The first day fails only once the second is in flight, so there is a call to cancel.
            await secondDayArrived.Task.WaitAsync(ct);
            return SeriesTestSupport.Json(500, "{\"message\":\"boom\"}");
        });
        using var client = SeriesTestSupport.Client(handler);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(Nov1, Nov1.AddDays(4), new DailySeriesOptions { MaxConcurrency = 2 })
                .WaitAsync(SeriesTestSupport.HangGuard))
            .Should().ThrowAsync<ConscentServerException>()).Which;

        ex.ServerMessage.Should().Be("boom");
        ex.Operation.Should().Be("Stats.DailyStats");
        secondDayCancelled.Should().BeTrue("the first failure cancels the calls still in flight");
        handler.Froms.Select(f => f.Substring(0, 10)).Distinct().Should().BeEquivalentTo(new[] { "2026-11-01", "2026-11-02" }, "no day is started after the failure");
        handler.Froms.Count(f => f.StartsWith("2026-11-01", StringComparison.Ordinal)).Should().Be(2, "a 500 on GET is retried once with these options");
    }

    [Fact]
    public async Task Caller_cancellation_stops_the_series_with_operation_canceled()
    {
        var inFlight = 0;
        var bothInFlight = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (request, ct) =>
        {
            if (Interlocked.Increment(ref inFlight) == 2) bothInFlight.SetResult(true);
            await Task.Delay(Timeout.Infinite, ct);
            return SeriesTestSupport.AnswerWithDayOfMonth(request);
        });
        using var client = SeriesTestSupport.Client(handler);
        using var cts = new CancellationTokenSource();

        var call = client.Stats.GetDailySeriesAsync(Nov1, Nov1.AddDays(6), new DailySeriesOptions { MaxConcurrency = 2 }, cts.Token);
        await bothInFlight.Task.WaitAsync(SeriesTestSupport.HangGuard);
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => call.WaitAsync(SeriesTestSupport.HangGuard)).Should().ThrowAsync<OperationCanceledException>();
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Each_day_goes_through_GetDailyStatsAsync_so_an_override_serves_the_series()
    {
        var stats = new CountingStatsClient();

        var series = await stats.GetDailySeriesAsync(Nov1.AddHours(12), Nov1.AddDays(2).AddHours(12));

        series.Select(p => p.Stats.Consumed).Should().Equal(1, 2, 3);
        stats.Calls.OrderBy(c => c.From).Should().Equal(
            (Nov1, Nov1.AddDays(1).AddMilliseconds(-1)),
            (Nov1.AddDays(1), Nov1.AddDays(2).AddMilliseconds(-1)),
            (Nov1.AddDays(2), Nov1.AddDays(3).AddMilliseconds(-1)));
    }

    [Fact]
    public async Task From_equal_to_to_is_one_day()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        var series = await client.Stats.GetDailySeriesAsync(Nov1.AddHours(5), Nov1.AddHours(5));

        series.Should().ContainSingle().Which.Date.Should().Be(new DateTime(2026, 11, 1));
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_full_leap_year_366_days_is_allowed()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);
        var jan1 = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var series = await client.Stats.GetDailySeriesAsync(jan1, jan1.AddDays(365), new DailySeriesOptions { MaxConcurrency = DailySeriesOptions.MaxConcurrencyLimit });

        series.Should().HaveCount(DailySeriesOptions.MaxDays);
        series[^1].Date.Should().Be(new DateTime(2028, 12, 31));
        handler.Requests.Should().HaveCount(366);
    }

    // ---- day boundaries with daylight saving ----

    /// <summary>UTC+1, and UTC+2 from the last Sunday of March at <paramref name="springAt"/> to the last Sunday of October at 03:00.</summary>
    private static TimeZoneInfo Europeanish(int springAt)
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, springAt, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone($"Test/Spring{springAt}", TimeSpan.FromHours(1), "Test", "Test", "Test Summer", new[] { rule });
    }

    [Fact]
    public async Task Daylight_saving_the_day_the_clocks_go_forward_lasts_23_hours()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);
        var zone = Europeanish(springAt: 2);

        // Sunday 29 March 2026: 02:00 becomes 03:00.
        var series = await client.Stats.GetDailySeriesAsync(
            new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero), new DailySeriesOptions { TimeZone = zone });

        series.Select(p => p.Date.Day).Should().Equal(28, 29, 30);
        series.Select(p => p.Start.UtcDateTime).Should().Equal(
            new DateTime(2026, 3, 27, 23, 0, 0), new DateTime(2026, 3, 28, 23, 0, 0), new DateTime(2026, 3, 29, 22, 0, 0));
        (series[1].End - series[1].Start).Should().Be(TimeSpan.FromHours(23));
        series[2].Start.Offset.Should().Be(TimeSpan.FromHours(2));
        handler.Requests.Select(r => (SeriesTestSupport.From(r), SeriesTestSupport.To(r))).Should().BeEquivalentTo(new[]
        {
            ("2026-03-27T23:00:00.000Z", "2026-03-28T22:59:59.999Z"),
            ("2026-03-28T23:00:00.000Z", "2026-03-29T21:59:59.999Z"),
            ("2026-03-29T22:00:00.000Z", "2026-03-30T21:59:59.999Z"),
        });
    }

    [Fact]
    public async Task Daylight_saving_when_the_clocks_jump_over_midnight_the_day_starts_at_the_jump()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);
        var zone = Europeanish(springAt: 0);

        // Sunday 29 March 2026: 00:00 becomes 01:00, so that day has no midnight.
        var series = await client.Stats.GetDailySeriesAsync(
            new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), new DailySeriesOptions { TimeZone = zone });

        series[1].Start.Should().Be(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), "the moment the clocks jump from 00:00 to 01:00");
        series[1].Start.Offset.Should().Be(TimeSpan.FromHours(2));
        series[0].End.Should().Be(series[1].Start);
        (series[1].End - series[1].Start).Should().Be(TimeSpan.FromHours(23), "the hour from 00:00 to 01:00 never happens");
    }

    [Fact]
    public async Task Daylight_saving_the_day_the_clocks_go_back_lasts_25_hours()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        // Sunday 25 October 2026: 03:00 becomes 02:00.
        var series = await client.Stats.GetDailySeriesAsync(
            new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), new DailySeriesOptions { TimeZone = Europeanish(2) });

        var day = series.Should().ContainSingle().Subject;
        day.Start.Should().Be(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero));
        (day.End - day.Start).Should().Be(TimeSpan.FromHours(25));
    }

    // ---- arguments ----

    [Theory]
    [InlineData(0, "maxConcurrency")]
    [InlineData(-1, "maxConcurrency")]
    [InlineData(17, "maxConcurrency")]
    public async Task Max_concurrency_out_of_range_is_rejected_before_sending(int maxConcurrency, string field)
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(Nov1, Nov1, new DailySeriesOptions { MaxConcurrency = maxConcurrency }))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
        ex.Errors[0].Message.Should().Contain("between 1 and 16");
        handler.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(5 * 60 + 30, 15)] // seconds in an offset
    [InlineData(15 * 60, 0)]      // beyond +14:00
    [InlineData(-15 * 60, 0)]     // beyond -14:00
    public async Task Utc_offset_out_of_range_or_not_whole_minutes_is_rejected_before_sending(int minutes, int seconds)
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);
        var offset = TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(Nov1, Nov1, new DailySeriesOptions { UtcOffset = offset }))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("utcOffset");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task More_than_366_days_is_rejected_before_sending_along_with_the_other_problems()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(Nov1, Nov1.AddDays(366), new DailySeriesOptions { MaxConcurrency = 99 }))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Operation.Should().Be("Stats.DailySeries");
        ex.Errors.Select(e => e.Field).Should().BeEquivalentTo("to", "maxConcurrency");
        ex.Errors.Single(e => e.Field == "to").Message.Should().Contain("366").And.Contain("367");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task From_after_to_is_rejected_even_within_one_day()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(Nov1.AddHours(2), Nov1.AddHours(1)))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("from");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Dates_at_the_edges_of_the_calendar_are_a_validation_error_not_a_crash()
    {
        var handler = new DelegateHandler(SeriesTestSupport.AnswerWithDayOfMonth);
        using var client = SeriesTestSupport.Client(handler);

        var ex = (await FluentActions.Awaiting(() => client.Stats.GetDailySeriesAsync(DateTimeOffset.MaxValue, DateTimeOffset.MaxValue))
            .Should().ThrowAsync<ConscentValidationException>()).Which;

        ex.Errors.Should().ContainSingle().Which.Field.Should().Be("to");
        handler.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Daily_stats_point_keeps_only_the_date_and_needs_stats()
    {
        var point = new DailyStatsPoint(new DateTime(2026, 11, 1, 13, 45, 0, DateTimeKind.Utc), Nov1, Nov1.AddDays(1), new DailyStats { Consumed = 3 });

        point.Date.Should().Be(new DateTime(2026, 11, 1));
        point.Date.Kind.Should().Be(DateTimeKind.Unspecified);
        point.ToString().Should().Be("2026-11-01: consumed 3");
        FluentActions.Invoking(() => new DailyStatsPoint(Nov1.Date, Nov1, Nov1.AddDays(1), null!)).Should().Throw<ArgumentNullException>();
    }

    /// <summary>A test double built on the mocking constructor: only <see cref="StatsClient.GetDailyStatsAsync"/> is replaced.</summary>
    private sealed class CountingStatsClient : StatsClient
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset From, DateTimeOffset To)> _calls = new();

        public (DateTimeOffset From, DateTimeOffset To)[] Calls => _calls.ToArray();

        public override Task<DailyStats> GetDailyStatsAsync(DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
        {
            _calls.Enqueue((from!.Value, to!.Value));
            return Task.FromResult(new DailyStats { Consumed = from.Value.UtcDateTime.Day });
        }
    }
}
