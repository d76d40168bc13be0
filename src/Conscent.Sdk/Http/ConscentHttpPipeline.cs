using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Conscent.Sdk.Http;

/// <summary>
/// The one place a request goes through: build the message (URL, auth only where the endpoint needs it, User-Agent,
/// JSON body) → run every attempt inside the resilience pipeline → map the answer to a model or a typed exception.
/// Logging and tracing live here, not in the area clients.
/// </summary>
internal sealed class ConscentHttpPipeline
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly ResiliencePipeline<ConscentResponse> _resilience;
    private readonly ILogger _logger;
    // Kept as the header's text: added without parsing and written as is, with no per-request header objects.
    private readonly string? _basicAuth;
    private readonly string _apiBase;
    private readonly string _loyaltyBase;
    // This pipeline's budget: the client's options, or a WithRequestOptions override.
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _totalTimeout;
    private readonly int _maxRetries;

    public ConscentHttpPipeline(HttpClient http, ConscentRuntime runtime, ILogger? logger)
    {
        _http = http;
        Runtime = runtime;
        var options = runtime.Options;
        Options = options;
        _resilience = runtime.Resilience;
        _logger = logger ?? NullLogger.Instance;
        if (!string.IsNullOrEmpty(options.ApiKey) && !string.IsNullOrEmpty(options.ApiSecret))
            _basicAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey + ":" + options.ApiSecret));
        _apiBase = options.EffectiveBaseAddress.AbsoluteUri.TrimEnd('/');
        _loyaltyBase = (options.Loyalty.BaseAddress ?? ConscentOptions.DefaultLoyaltyBaseAddress).AbsoluteUri.TrimEnd('/');
        LoyaltyApiKey = string.IsNullOrEmpty(options.Loyalty.ApiKey) ? options.ApiKey : options.Loyalty.ApiKey;
        _attemptTimeout = options.AttemptTimeout;
        _totalTimeout = options.TotalTimeout;
        _maxRetries = options.Retry.MaxRetryAttempts;
    }

    private ConscentHttpPipeline(ConscentHttpPipeline source, ConscentRequestOptions overrides)
    {
        _http = source._http;
        Runtime = source.Runtime;
        Options = source.Options;
        _resilience = source._resilience;
        _logger = source._logger;
        _basicAuth = source._basicAuth;
        _apiBase = source._apiBase;
        _loyaltyBase = source._loyaltyBase;
        LoyaltyApiKey = source.LoyaltyApiKey;
        _attemptTimeout = overrides.AttemptTimeout ?? source._attemptTimeout;
        _totalTimeout = overrides.TotalTimeout ?? source._totalTimeout;
        _maxRetries = overrides.MaxRetryAttempts ?? source._maxRetries;
    }

    /// <summary>The same pipeline (connections, breaker, credentials) with another budget for its calls.</summary>
    public ConscentHttpPipeline With(ConscentRequestOptions overrides) => new(this, overrides);

    /// <summary>State shared by every client built from the same options.</summary>
    public ConscentRuntime Runtime { get; }

    /// <summary>The SDK's logger (area clients log only through <see cref="ConscentLog"/>).</summary>
    internal ILogger Logger => _logger;

    /// <summary>The validated options this pipeline was built with.</summary>
    public ConscentOptions Options { get; }

    private string? LoyaltyApiKey { get; }

    /// <summary>The SDK's <c>User-Agent</c>: its version and the runtime.</summary>
    public static readonly string UserAgent = $"Conscent.Sdk/{ConscentTelemetry.Version} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})";

    /// <summary>Sends the request and reads a JSON answer of type <typeparamref name="T"/>.</summary>
    public Task<T> SendAsync<T>(ConscentRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendCoreAsync(request, responseType, cancellationToken);

    /// <summary>Sends the request; returns the successful raw answer (the caller disposes it) or throws the typed error.</summary>
    public Task<ConscentResponse> SendRawAsync(ConscentRequest request, CancellationToken cancellationToken) =>
        SendCoreAsync<ConscentResponse>(request, null, cancellationToken);

    // One async method for both: a typed call reads its answer here instead of awaiting SendRawAsync, so each call
    // runs one state machine fewer. With no type, T is ConscentResponse and the answer itself is returned (not disposed).
    private async Task<T> SendCoreAsync<T>(ConscentRequest request, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
    {
        var endpoint = request.Endpoint;
        var url = request.BuildUri(endpoint.Host == EndpointHost.Loyalty ? _loyaltyBase : _apiBase);
        var started = Stopwatch.GetTimestamp();
        // Without a listener there is no activity: skip building its name.
        var activity = ConscentTelemetry.ActivitySource.HasListeners() ? ConscentTelemetry.StartCall(endpoint, Runtime.AccountName) : null;
        ConscentLog.LogSending(_logger, endpoint);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var total = _totalTimeout;
        var time = Runtime.Time;
        var deadline = total > TimeSpan.Zero && total != Timeout.InfiniteTimeSpan
            ? time.GetTimestamp() + (long)(total.TotalSeconds * time.TimestampFrequency)
            : long.MaxValue;
        var call = new ConscentCall(request, url, deadline, _attemptTimeout, total, _maxRetries);
        context.Properties.Set(ConscentResilience.CallKey, call);
        ConscentResponse? response = null;
        Exception? failure = null;
        try
        {
            // The state is a value pair: the call (also in the context, for the retry rule) and this pipeline, passed
            // in, not reached through the call.
            var outcome = await _resilience.ExecuteOutcomeAsync(
                static (ctx, state) => AttemptAsync(ctx, state.Item1, state.Item2),
                context,
                (this, call)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
                throw MapException(exception, endpoint, call, call.DeadlinePassed(time), cancellationToken);

            response = outcome.Result!;
            if (!response.IsSuccess)
                throw ConscentErrorMapper.FromResponse(response, endpoint, Runtime);
            ConscentLog.LogSucceeded(_logger, endpoint, response.StatusCode, call.Attempts, Elapsed(started));
            ConscentTelemetry.EndCall(activity, endpoint, response.StatusCode, call.Attempts, null, Elapsed(started), Runtime.AccountName);
        }
        catch (Exception ex)
        {
            failure = ex;
            response?.Dispose();
            throw;
        }
        finally
        {
            if (failure is not null)
            {
                ConscentLog.LogFailed(_logger, endpoint, failure, call.Attempts, Elapsed(started));
                ConscentTelemetry.EndCall(activity, endpoint, response?.StatusCode, call.Attempts, failure, Elapsed(started), Runtime.AccountName);
            }
            ResilienceContextPool.Shared.Return(context);
        }

        // The call succeeded (logged and traced as such); an unreadable body is a serialization error of its own.
        if (responseType is null) return (T)(object)response;
        using (response)
            return Deserialize(response, responseType, endpoint);
    }

    /// <summary>One attempt: wait for Retry-After if the server asked, send, read the whole answer; all within the attempt timeout.</summary>
    private static async ValueTask<Outcome<ConscentResponse>> AttemptAsync(ResilienceContext ctx, ConscentHttpPipeline pipeline, ConscentCall call)
    {
        var time = pipeline.Runtime.Time;
        var callerToken = ctx.CancellationToken;
        var timer = default(AttemptTimer);
        var attemptTimeout = ConscentResilience.AttemptTimeout(call, time);
        try
        {
            var token = timer.Start(attemptTimeout, time, callerToken);
            // Never before the server said: timers may fire a hair early, so the clock has the last word.
            if (call.NotBefore != 0) await WaitUntilAsync(time, call.NotBefore, token).ConfigureAwait(false);
            call.Attempts++;
            using var message = pipeline.BuildMessage(call.Request, call.Url);
            var httpResponse = await pipeline._http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var read = await ConscentResponse.ReadAsync(httpResponse, pipeline.Options.MaxResponseBodyBytes, token, time, call.Request.CaptureHeaders).ConfigureAwait(false);
            return Outcome.FromResult(read);
        }
        catch (OperationCanceledException ex) when (timer.TimedOut(callerToken))
        {
            // What Polly's timeout strategy reports, so the breaker, the retry rule and the error mapping read it alike.
            return Outcome.FromException<ConscentResponse>(new TimeoutRejectedException(
                $"The operation didn't complete within the allowed timeout of '{attemptTimeout}'.", attemptTimeout, ex));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<ConscentResponse>(ex);
        }
        finally
        {
            timer.Stop();
        }
    }

    /// <summary>Reads a successful answer's JSON; any unreadable body becomes a <see cref="ConscentSerializationException"/>.</summary>
    internal T Deserialize<T>(ConscentResponse response, JsonTypeInfo<T> typeInfo, ConscentEndpoint endpoint)
    {
        if (response.BodyLength == 0)
            throw new ConscentSerializationException($"ConsCent answered {(int)response.StatusCode} to {endpoint} with an empty body where JSON was expected.", response.StatusCode, null, null, endpoint.Operation);
        try
        {
            var value = JsonSerializer.Deserialize(response.Body, typeInfo);
            return value ?? throw new ConscentSerializationException($"ConsCent answered {endpoint} with JSON null where an object was expected.", response.StatusCode, "null", null, endpoint.Operation);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException or DecoderFallbackException)
        {
            throw new ConscentSerializationException(
                $"ConsCent's answer to {endpoint} is not the documented JSON ({DescribeJsonError(ex)}).",
                response.StatusCode, ConscentErrorMapper.Snippet(response, Runtime.Redactor), new JsonException(DescribeJsonError(ex)), endpoint.Operation);
        }
    }

    // The JsonException message can quote the offending value; keep only its position and kind.
    private static string DescribeJsonError(Exception ex) => ex is JsonException json
        ? $"invalid JSON or an unexpected value at {json.Path ?? "$"}, line {json.LineNumber}, byte {json.BytePositionInLine}"
        : ex.GetType().Name;

    private HttpRequestMessage BuildMessage(ConscentRequest request, string url)
    {
        var endpoint = request.Endpoint;
        var message = new HttpRequestMessage(endpoint.Method, url);
        // Fixed, known-valid values: added as text (no header objects to allocate, parse or format per request).
        var headers = message.Headers;
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        headers.TryAddWithoutValidation("Accept", "application/json");
        switch (endpoint.Auth)
        {
            case EndpointAuth.Basic:
                if (_basicAuth is not null) headers.TryAddWithoutValidation("Authorization", _basicAuth);
                break;
            case EndpointAuth.LoyaltyApiKey:
                if (!string.IsNullOrEmpty(LoyaltyApiKey)) headers.TryAddWithoutValidation("X-API-KEY", LoyaltyApiKey);
                break;
        }
        if (request.Body is { } body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonContentType;
            message.Content = content;
        }
        return message;
    }

    private static Exception MapException(Exception exception, ConscentEndpoint endpoint, ConscentCall call, bool deadlinePassed, CancellationToken cancellationToken)
    {
        // The caller's token always wins: their cancellation is theirs, not a ConsCent failure.
        if (cancellationToken.IsCancellationRequested)
            return exception as OperationCanceledException ?? new OperationCanceledException("The call was cancelled by the caller.", exception, cancellationToken);

        return exception switch
        {
            ConscentException known => known,
            // The durations that were configured (the client's or WithRequestOptions'), not the strategy's internals.
            TimeoutRejectedException timeout when deadlinePassed => new ConscentTimeoutException(
                $"{endpoint.Operation} ({endpoint}) did not complete within its TotalTimeout of {Describe(call.TotalTimeout)} ({Attempts(call)}; AttemptTimeout {Describe(call.AttemptTimeout)}).", call.TotalTimeout, timeout, endpoint.Operation),
            TimeoutRejectedException timeout => new ConscentTimeoutException(
                $"{endpoint.Operation} ({endpoint}): no answer within its AttemptTimeout of {Describe(call.AttemptTimeout)} ({Attempts(call)}; TotalTimeout {Describe(call.TotalTimeout)}).", call.AttemptTimeout, timeout, endpoint.Operation),
            BrokenCircuitException broken => new ConscentCircuitOpenException(
                $"{endpoint.Operation} was not sent: the circuit breaker is open after repeated ConsCent failures.", broken, endpoint.Operation),
            ResponseTooLargeException large => new ConscentSerializationException(
                $"ConsCent's answer to {endpoint} is larger than MaxResponseBodyBytes ({large.MaxBytes} bytes) and was not read.", large.StatusCode, null, null, endpoint.Operation),
            HttpRequestException http => new ConscentNetworkException(
                $"{endpoint.Operation} ({endpoint}) could not reach ConsCent: {NetworkReason(http)}.", http, endpoint.Operation),
            OperationCanceledException oce => new ConscentTimeoutException(
                $"{endpoint.Operation} ({endpoint}) was cancelled by the HTTP client's own timeout.", Timeout.InfiniteTimeSpan, oce, endpoint.Operation),
            System.IO.IOException io => new ConscentNetworkException(
                $"{endpoint.Operation} ({endpoint}): the connection failed while reading ConsCent's answer.", io, endpoint.Operation),
            _ => new ConscentException($"{endpoint.Operation} ({endpoint}) failed unexpectedly: {exception.GetType().Name}.", exception) { Operation = endpoint.Operation },
        };
    }

    /// <summary>Waits until <paramref name="timestamp"/> on <paramref name="time"/>, re-checking the clock (bounded).</summary>
    private static async Task WaitUntilAsync(TimeProvider time, long timestamp, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 5; i++)
        {
            var now = time.GetTimestamp();
            if (now >= timestamp) return;
            var remaining = TimeSpan.FromTicks(Math.Max(1, (long)((timestamp - now) * ((double)TimeSpan.TicksPerSecond / time.TimestampFrequency))));
            // Round up to the next millisecond: a timer never fires before its period, but may fire at its floor.
            remaining = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds) + 1);
#if NET8_0_OR_GREATER
            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
#else
            await time.Delay(remaining, cancellationToken).ConfigureAwait(false);
#endif
        }
    }

    private static string Describe(TimeSpan value) => value == Timeout.InfiniteTimeSpan
        ? "none"
        : value.TotalSeconds >= 1 && value.Milliseconds == 0
            ? value.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : value.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    private static string Attempts(ConscentCall call) => call.Attempts == 1 ? "1 attempt" : $"{call.Attempts} attempts";

    private static string NetworkReason(HttpRequestException http)
    {
#if NET8_0_OR_GREATER
        if (http.HttpRequestError != HttpRequestError.Unknown) return http.HttpRequestError.ToString();
#endif
        for (Exception? inner = http.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is System.Net.Sockets.SocketException socket) return socket.SocketErrorCode.ToString();
        return "the connection failed";
    }

    private static TimeSpan Elapsed(long started) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
