using System;
using System.Collections.Generic;
using System.Globalization;

namespace Conscent.Sdk.Testing;

/// <summary>
/// One injected failure: an error status (optionally with <c>Retry-After</c>), a delay, or a dropped connection.
/// Build one with <see cref="Status"/>, <see cref="Delay"/> or <see cref="DropConnection"/>; add a delay to any of
/// them with <see cref="WithDelay"/>.
/// </summary>
public sealed class SimulatedFault
{
    private SimulatedFault(int? statusCode, TimeSpan? retryAfter, string? message, TimeSpan delay, bool drop, bool dropAfterProcessing)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Message = message;
        DelayBy = delay;
        Drop = drop;
        DropAfterProcessing = dropAfterProcessing;
    }

    /// <summary>The status answered instead of the endpoint's answer, or null (delay only, or a drop).</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>Retry-After</c> sent with <see cref="StatusCode"/> (whole seconds), or null.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>message</c> of the JSON error body; a default per status when null.</summary>
    public string? Message { get; }

    /// <summary>How long the simulator waits before answering (or dropping). Zero for none.</summary>
    public TimeSpan DelayBy { get; }

    /// <summary>True when the connection is dropped instead of answered.</summary>
    public bool Drop { get; }

    /// <summary>
    /// For a drop: true when the request is processed first (state changes, the answer is lost), false when it is
    /// dropped before it is processed (nothing changes).
    /// </summary>
    public bool DropAfterProcessing { get; }

    /// <summary>Answers <paramref name="statusCode"/> with a JSON <c>{"message": …}</c> body, without processing the request.</summary>
    public static SimulatedFault Status(int statusCode, TimeSpan? retryAfter = null, string? message = null)
    {
        if (statusCode is < 100 or > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), "An HTTP status is between 100 and 599.");
        if (retryAfter is { } r && r < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(retryAfter), "Retry-After cannot be negative.");
        return new SimulatedFault(statusCode, retryAfter, message, TimeSpan.Zero, false, false);
    }

    /// <summary>Waits <paramref name="delay"/>, then processes the request normally (use it to provoke the SDK's timeouts).</summary>
    public static SimulatedFault Delay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), "A delay cannot be negative.");
        return new SimulatedFault(null, null, null, delay, false, false);
    }

    /// <summary>
    /// Drops the connection. In handler mode the handler throws <see cref="System.Net.Http.HttpRequestException"/>
    /// (a connection error when <paramref name="afterProcessing"/> is false, "response ended" when true); in server
    /// mode the connection is aborted.
    /// </summary>
    public static SimulatedFault DropConnection(bool afterProcessing = false) => new(null, null, null, TimeSpan.Zero, true, afterProcessing);

    /// <summary>The same fault, answered (or dropped) after <paramref name="delay"/>.</summary>
    public SimulatedFault WithDelay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), "A delay cannot be negative.");
        return new SimulatedFault(StatusCode, RetryAfter, Message, delay, Drop, DropAfterProcessing);
    }

    /// <summary>Describes the fault, e.g. <c>503 (Retry-After 2s)</c>.</summary>
    public override string ToString()
    {
        var text = Drop ? (DropAfterProcessing ? "drop after processing" : "drop") : StatusCode is { } s ? s.ToString(CultureInfo.InvariantCulture) : "delay";
        if (RetryAfter is { } r) text += $" (Retry-After {(int)Math.Ceiling(r.TotalSeconds)}s)";
        if (DelayBy > TimeSpan.Zero) text += $" after {DelayBy.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms";
        return text;
    }
}

/// <summary>
/// The simulator's fault injection, at <see cref="ConscentSimulator.Faults"/>. Queued faults apply to the very next
/// requests, in order, whatever they are; rules apply to the requests they match, as long as they have uses left.
/// A queued fault wins over a rule. Thread-safe.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly object _gate = new();
    private readonly Queue<SimulatedFault> _queue = new();
    private readonly List<FaultRule> _rules = new();

    internal SimulatorFaults()
    {
    }

    /// <summary>Applies <paramref name="fault"/> to each of the next <paramref name="times"/> requests (default 1).</summary>
    public SimulatorFaults Enqueue(SimulatedFault fault, int times = 1)
    {
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        if (times < 1) throw new ArgumentOutOfRangeException(nameof(times), "times must be at least 1.");
        lock (_gate)
        {
            for (var i = 0; i < times; i++) _queue.Enqueue(fault);
        }
        return this;
    }

    /// <summary>
    /// Applies <paramref name="fault"/> to requests whose path (as sent, percent-encoded) starts with
    /// <paramref name="pathStartsWith"/> and, when given, whose method is <paramref name="method"/>; for the first
    /// <paramref name="times"/> matches, or for ever when null. Returns the rule so it can be removed.
    /// </summary>
    public FaultRule When(string? pathStartsWith, SimulatedFault fault, string? method = null, int? times = null)
    {
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        return Add(new FaultRule(r =>
            (pathStartsWith is null || r.Path.StartsWith(pathStartsWith, StringComparison.Ordinal)) &&
            (method is null || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)), fault, times));
    }

    /// <summary>Applies <paramref name="fault"/> to requests matching <paramref name="predicate"/> (first <paramref name="times"/> matches, or for ever).</summary>
    public FaultRule When(Func<SimulatedRequest, bool> predicate, SimulatedFault fault, int? times = null)
    {
        if (predicate is null) throw new ArgumentNullException(nameof(predicate));
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        return Add(new FaultRule(predicate, fault, times));
    }

    /// <summary>Removes one rule.</summary>
    public bool Remove(FaultRule rule)
    {
        lock (_gate) return _rules.Remove(rule);
    }

    /// <summary>Removes every queued fault and every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _rules.Clear();
        }
    }

    /// <summary>How many queued faults are still waiting.</summary>
    public int PendingCount
    {
        get { lock (_gate) return _queue.Count; }
    }

    private FaultRule Add(FaultRule rule)
    {
        if (rule.Remaining is < 1) throw new ArgumentOutOfRangeException(nameof(rule), "times must be at least 1.");
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    internal SimulatedFault? Take(SimulatedRequest request)
    {
        lock (_gate)
        {
            if (_queue.Count > 0) return _queue.Dequeue();
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Matches(request)) continue;
                if (rule.Remaining is { } left)
                {
                    rule.Remaining = left - 1;
                    if (left - 1 <= 0) _rules.RemoveAt(i);
                }
                rule.Hits++;
                return rule.Fault;
            }
            return null;
        }
    }
}

/// <summary>A fault rule added with <see cref="SimulatorFaults.When(string?, SimulatedFault, string?, int?)"/>.</summary>
public sealed class FaultRule
{
    private readonly Func<SimulatedRequest, bool> _predicate;

    internal FaultRule(Func<SimulatedRequest, bool> predicate, SimulatedFault fault, int? times)
    {
        _predicate = predicate;
        Fault = fault;
        Remaining = times;
    }

    /// <summary>The fault applied.</summary>
    public SimulatedFault Fault { get; }

    /// <summary>Uses left, or null for unlimited.</summary>
    public int? Remaining { get; internal set; }

    /// <summary>How many requests this rule has failed so far.</summary>
    public int Hits { get; internal set; }

    internal bool Matches(SimulatedRequest request) => _predicate(request);
}
