using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conscent.Sdk.Http;

/// <summary>
/// Builds the one resilience pipeline every call runs through, outermost first:
/// retry (exponential backoff, jitter, Retry-After) → circuit breaker → the attempt, which runs its own attempt timeout
/// (<see cref="AttemptTimer"/>: a Polly timeout layer's semantics without its per-call state machines).
/// </summary>
/// <remarks>
/// <para>What may be retried depends on the endpoint, which travels in <see cref="ResilienceContext"/>:
/// repeatable calls (GET, PATCH) retry on 408, 429, 5xx, network errors and attempt timeouts; POST retries only when the
/// server cannot have processed it (the connection was never made, or the server answered 429 or 503).</para>
/// <para>The total timeout is a deadline carried by the call, not a second timeout layer (each layer costs an
/// allocation and a timer per call): every attempt's timeout is the smaller of <see cref="ConscentOptions.AttemptTimeout"/>
/// and the time left, every wait between attempts is cut to the time left, and nothing is retried past it.</para>
/// </remarks>
internal static class ConscentResilience
{
    internal static readonly ResiliencePropertyKey<ConscentCall> CallKey = new("Conscent.Call");

    /// <summary>The shortest attempt the deadline leaves room for; below it the call is out of time.</summary>
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(1);

    public static ResiliencePipeline<ConscentResponse> Build(ConscentOptions options, TimeProvider time, string? accountName = null)
    {
        var builder = new ResiliencePipelineBuilder<ConscentResponse> { TimeProvider = time };

        // Always present, capped at the most any call may ask for: each call's own limit (the client's, or a
        // WithRequestOptions override) is enforced by ShouldRetry.
        var retry = options.Retry;
        builder.AddRetry(new RetryStrategyOptions<ConscentResponse>
        {
            Name = "Conscent.Retry",
            MaxRetryAttempts = ConscentRequestOptions.MaxRetryAttemptsLimit,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = retry.UseJitter,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, time, retry)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(NextDelay(args.Context, args.Outcome, args.AttemptNumber, retry, time)),
            OnRetry = args =>
            {
                if (args.Context.Properties.TryGetValue(CallKey, out var call))
                    ConscentTelemetry.RecordRetry(call.Request.Endpoint, args.Outcome.Result?.StatusCode, accountName);
                return default;
            },
        });

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<ConscentResponse>
            {
                Name = "Conscent.CircuitBreaker",
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = Math.Max(2, breaker.MinimumThroughput),
                SamplingDuration = breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration < TimeSpan.FromMilliseconds(500) ? TimeSpan.FromMilliseconds(500) : breaker.BreakDuration,
                ShouldHandle = args => new ValueTask<bool>(IsTransientFailure(args.Outcome)),
            });
        }

        // The attempt timeout is not a Polly layer: each attempt runs its own (AttemptTimer, inside the attempt), with
        // the same outcome a timeout strategy gives (TimeoutRejectedException, seen by the breaker and the retry rule).
        return builder.Build();
    }

    /// <summary>This attempt's timeout: the call's attempt timeout, or the time left before the deadline if that is shorter.</summary>
    internal static TimeSpan AttemptTimeout(ConscentCall call, TimeProvider time)
    {
        var attemptTimeout = call.AttemptTimeout > TimeSpan.Zero ? call.AttemptTimeout : Timeout.InfiniteTimeSpan;
        if (call.Deadline == long.MaxValue) return attemptTimeout;
        var left = call.TimeLeft(time);
        if (left < MinimumAttempt) left = MinimumAttempt;
        // When the deadline, not the attempt timeout, bounds this attempt, its timeout means the whole call is out of time.
        call.AttemptBoundByDeadline = attemptTimeout == Timeout.InfiniteTimeSpan || left < attemptTimeout;
        return call.AttemptBoundByDeadline ? left : attemptTimeout;
    }

    /// <summary>The wait before the next attempt: Retry-After when the server sent one, else exponential backoff; capped by MaxDelay and the time left.</summary>
    internal static TimeSpan? NextDelay(ResilienceContext context, Outcome<ConscentResponse> outcome, int attemptNumber, ConscentRetryOptions retry, TimeProvider time)
    {
        TimeSpan delay;
        if (outcome.Result?.RetryAfter is { } after)
        {
            // ShouldRetry only lets through a Retry-After within MaxDelay and the time left: honour it whole, and
            // remember the instant before which the next attempt must not be sent.
            if (context.Properties.TryGetValue(CallKey, out var waiting))
                waiting.NotBefore = time.GetTimestamp() + (long)(after.TotalSeconds * time.TimestampFrequency);
            return after;
        }
        else
        {
            var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
            if (retry.UseJitter) exponential *= 0.5 + (Jitter.Next() * 0.5); // Equal jitter: between half and all of it.
            delay = TimeSpan.FromMilliseconds(Math.Min(exponential, retry.MaxDelay.TotalMilliseconds));
        }
        if (delay > retry.MaxDelay) delay = retry.MaxDelay;
        if (context.Properties.TryGetValue(CallKey, out var call) && call.Deadline != long.MaxValue)
        {
            var left = call.TimeLeft(time);
            if (delay > left) delay = left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    /// <summary>The retry rule. Internal to the tests, which pin it case by case.</summary>
    internal static bool ShouldRetry(ResilienceContext context, Outcome<ConscentResponse> outcome, TimeProvider time, ConscentRetryOptions? retry = null)
    {
        // Every answer comes through here, successes included: an answer below 400 is never retried, so it costs no
        // property lookup or clock read.
        if (outcome.Result is { } answer && (int)answer.StatusCode < 400) return false;
        if (context.CancellationToken.IsCancellationRequested) return false;
        context.Properties.TryGetValue(CallKey, out var call);
        if (call is not null && call.Attempts > call.MaxRetries) return false;
        // A server that asks for a longer wait than MaxDelay, or than the call has left, is not retried early or cut
        // short: the typed exception carries RetryAfter so the caller can schedule the retry itself.
        if (outcome.Result?.RetryAfter is { } after)
        {
            if (retry is not null && after > retry.MaxDelay) return false;
            if (call is not null && call.Deadline != long.MaxValue && after >= call.TimeLeft(time)) return false;
        }
        if (call is not null && call.Deadline != long.MaxValue && call.TimeLeft(time) < MinimumAttempt) return false;
        if (call is { AttemptBoundByDeadline: true } && outcome.Exception is TimeoutRejectedException) return false;
        var repeatable = call?.Request.Endpoint.IsRepeatable ?? false;

        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (repeatable) return status is 408 or 429 or >= 500;
            // A POST answered 429 or 503 was refused before it was processed (for the documented endpoints).
            return (status is 429 or 503) && (call?.Request.Endpoint.RetryWhenRefused ?? true);
        }

        return outcome.Exception switch
        {
            null => false,
            ResponseTooLargeException => false,
            TimeoutRejectedException => repeatable,
            BrokenCircuitException => false,
            HttpRequestException http => repeatable || NeverReachedServer(http),
            IOException => repeatable,
            _ => false,
        };
    }

    internal static bool IsTransientFailure(Outcome<ConscentResponse> outcome)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status is 408 or 429 or >= 500;
        }
        return outcome.Exception is HttpRequestException or TimeoutRejectedException or (IOException and not ResponseTooLargeException);
    }

    /// <summary>True when the request provably never reached the server: the connection (or DNS, or TLS) failed.</summary>
    internal static bool NeverReachedServer(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
            return true;
#endif
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
        }
        return false;
    }

    private static class Jitter
    {
        [ThreadStatic]
        private static Random? _random;

#pragma warning disable CA5394 // Jitter spreads retries; it is not security-sensitive.
        public static double Next() => (_random ??= new Random(Environment.TickCount ^ Environment.CurrentManagedThreadId)).NextDouble();
#pragma warning restore CA5394
    }
}

/// <summary>
/// One SDK call as the pipeline runs it: what to send, where, how many attempts so far, and the deadline
/// (<see cref="ConscentOptions.TotalTimeout"/> from the start, as a <see cref="TimeProvider"/> timestamp).
/// </summary>
internal sealed class ConscentCall
{
    public ConscentCall(ConscentRequest request, string url, long deadline, TimeSpan attemptTimeout, TimeSpan totalTimeout, int maxRetries)
    {
        Request = request;
        Url = url;
        Deadline = deadline;
        AttemptTimeout = attemptTimeout;
        TotalTimeout = totalTimeout;
        MaxRetries = maxRetries;
    }

    /// <summary>Each attempt's timeout, as configured for this call.</summary>
    public TimeSpan AttemptTimeout { get; }

    /// <summary>The whole call's timeout, as configured for this call.</summary>
    public TimeSpan TotalTimeout { get; }

    /// <summary>The most retries this call may make (where retrying is safe at all).</summary>
    public int MaxRetries { get; }

    public ConscentRequest Request { get; }

    public string Url { get; }

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value, or <see cref="long.MaxValue"/> for no deadline.</summary>
    public long Deadline { get; }

    public int Attempts;

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value before which the next attempt must not be sent (Retry-After); 0 for none.</summary>
    public long NotBefore;

    /// <summary>Whether the current attempt's timeout is the time left before the deadline (not the attempt timeout).</summary>
    public bool AttemptBoundByDeadline;

    public TimeSpan TimeLeft(TimeProvider time)
    {
        var now = time.GetTimestamp();
        if (now >= Deadline) return TimeSpan.Zero;
        return TimeSpan.FromTicks((long)((Deadline - now) * ((double)TimeSpan.TicksPerSecond / time.TimestampFrequency)));
    }

    /// <summary>True when the call ran out of its total time (timers may fire a hair early, hence the flag).</summary>
    public bool DeadlinePassed(TimeProvider time) => Deadline != long.MaxValue && (AttemptBoundByDeadline || time.GetTimestamp() >= Deadline);
}
