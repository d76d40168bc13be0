using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conscent.Sdk.Http;

/// <summary>
/// Builds the one resilience pipeline every call runs through, outermost first:
/// total timeout → retry (exponential backoff, jitter, Retry-After) → circuit breaker → attempt timeout → the attempt.
/// </summary>
/// <remarks>
/// What may be retried depends on the endpoint, which travels in <see cref="ResilienceContext"/>:
/// repeatable calls (GET, PATCH) retry on 408, 429, 5xx, network errors and attempt timeouts; POST retries only when the
/// server cannot have processed it (the connection was never made, or the server answered 429 or 503).
/// </remarks>
internal static class ConscentResilience
{
    internal static readonly ResiliencePropertyKey<ConscentEndpoint> EndpointKey = new("Conscent.Endpoint");
    internal static readonly ResiliencePropertyKey<AttemptCounter> AttemptsKey = new("Conscent.Attempts");

    public static ResiliencePipeline<ConscentResponse> Build(ConscentOptions options, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder<ConscentResponse>();
        if (timeProvider is not null) builder.TimeProvider = timeProvider;

        if (options.TotalTimeout > TimeSpan.Zero && options.TotalTimeout != System.Threading.Timeout.InfiniteTimeSpan)
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Conscent.TotalTimeout", Timeout = options.TotalTimeout });

        var retry = options.Retry;
        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ConscentResponse>
            {
                Name = "Conscent.Retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                // Honour the server's Retry-After (capped by MaxDelay); otherwise the exponential backoff applies.
                DelayGenerator = args =>
                {
                    var after = args.Outcome.Result?.RetryAfter;
                    if (after is null) return new ValueTask<TimeSpan?>((TimeSpan?)null);
                    var wait = after.Value > retry.MaxDelay ? retry.MaxDelay : after.Value;
                    return new ValueTask<TimeSpan?>(wait);
                },
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(EndpointKey, out var endpoint))
                        ConscentTelemetry.RecordRetry(endpoint, args.Outcome.Result?.StatusCode);
                    return default;
                },
            });
        }

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

        if (options.AttemptTimeout > TimeSpan.Zero && options.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "Conscent.AttemptTimeout", Timeout = options.AttemptTimeout });

        return builder.Build();
    }

    /// <summary>The retry rule. Public to the tests, which pin it case by case.</summary>
    internal static bool ShouldRetry(ResilienceContext context, Outcome<ConscentResponse> outcome)
    {
        if (context.CancellationToken.IsCancellationRequested) return false;
        var repeatable = context.Properties.TryGetValue(EndpointKey, out var endpoint) && endpoint.IsRepeatable;

        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (repeatable) return status is 408 or 429 or >= 500;
            // A POST answered 429 or 503 was refused before it was processed.
            return status is 429 or 503;
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
}

/// <summary>Counts the attempts of one call, for traces and logs.</summary>
internal sealed class AttemptCounter
{
    public int Count;
}
