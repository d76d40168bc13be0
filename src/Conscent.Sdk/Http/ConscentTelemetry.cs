using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.Http;

/// <summary>
/// The SDK's traces, metrics and log events, all named <c>Conscent.Sdk</c>. Only an allow-list of values is ever
/// recorded: operation name, method, path template, status code, attempt count, duration and exception type.
/// Never the concrete path or query (ids, emails, phone numbers), bodies or credentials.
/// </summary>
internal static class ConscentTelemetry
{
    public const string Name = "Conscent.Sdk";

    internal static readonly string Version = typeof(ConscentTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource ActivitySource = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    private static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "conscent.client.request.duration", unit: "s", description: "Duration of SDK calls, retries included.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "conscent.client.retries", unit: "{retry}", description: "Attempts retried by the SDK's resilience pipeline.");

    /// <summary>The tag naming a named account (<c>AddConscent("brand-a", …)</c>); absent for the default account.</summary>
    public const string AccountTag = "conscent.account";

    public static Activity? StartCall(ConscentEndpoint endpoint, string? account = null)
    {
        var activity = ActivitySource.StartActivity("Conscent " + endpoint.Operation, ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("conscent.operation", endpoint.Operation);
        activity.SetTag("http.request.method", endpoint.Method.Method);
        activity.SetTag("url.template", endpoint.PathTemplate);
        if (account is not null) activity.SetTag(AccountTag, account);
        return activity;
    }

    public static void EndCall(Activity? activity, ConscentEndpoint endpoint, HttpStatusCode? status, int attempts, Exception? error, TimeSpan elapsed, string? account = null)
    {
        // Nobody listens (no activity, no meter listener): nothing to record.
        if (activity is null && !RequestDuration.Enabled) return;
        var tags = new TagList
        {
            { "conscent.operation", endpoint.Operation },
            { "http.request.method", endpoint.Method.Method },
        };
        if (status is not null) tags.Add("http.response.status_code", (int)status.Value);
        if (error is not null) tags.Add("error.type", error.GetType().Name);
        if (account is not null) tags.Add(AccountTag, account);
        RequestDuration.Record(elapsed.TotalSeconds, tags);

        if (activity is null) return;
        if (status is not null) activity.SetTag("http.response.status_code", (int)status.Value);
        activity.SetTag("conscent.attempts", attempts);
        if (error is not null)
        {
            activity.SetTag("error.type", error.GetType().Name);
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }
        else
        {
            activity.SetStatus(ActivityStatusCode.Ok);
        }
        activity.Dispose();
    }

    public static void RecordRetry(ConscentEndpoint endpoint, HttpStatusCode? status, string? account = null)
    {
        var tags = new TagList { { "conscent.operation", endpoint.Operation } };
        if (status is not null) tags.Add("http.response.status_code", (int)status.Value);
        if (account is not null) tags.Add(AccountTag, account);
        Retries.Add(1, tags);
    }
}

/// <summary>The SDK's log events. Event ids are stable; see docs/telemetry.md.</summary>
internal static class ConscentLog
{
    private static readonly Action<ILogger, string, string, string, Exception?> Sending =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(1000, "ConscentRequestSending"),
            "Sending {Operation} {Method} {PathTemplate}");

    private static readonly Action<ILogger, string, int, int, double, Exception?> Succeeded =
        LoggerMessage.Define<string, int, int, double>(LogLevel.Debug, new EventId(1001, "ConscentRequestSucceeded"),
            "{Operation} succeeded with {StatusCode} after {Attempts} attempt(s) in {ElapsedMs} ms");

    private static readonly Action<ILogger, string, string, int, double, Exception?> Failed =
        LoggerMessage.Define<string, string, int, double>(LogLevel.Warning, new EventId(1002, "ConscentRequestFailed"),
            "{Operation} failed with {ErrorType} after {Attempts} attempt(s) in {ElapsedMs} ms");

    private static readonly Action<ILogger, string, Exception?> StatsMethodFallback =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1003, "ConscentStatsPostFallback"),
            "{Operation} answered 405 to GET; using POST for this endpoint from now on");

    public static void LogSending(ILogger logger, ConscentEndpoint endpoint)
    {
        if (logger.IsEnabled(LogLevel.Debug)) Sending(logger, endpoint.Operation, endpoint.Method.Method, endpoint.PathTemplate, null);
    }

    public static void LogSucceeded(ILogger logger, ConscentEndpoint endpoint, HttpStatusCode status, int attempts, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug)) Succeeded(logger, endpoint.Operation, (int)status, attempts, Math.Round(elapsed.TotalMilliseconds, 1), null);
    }

    // The exception object itself is not logged: its message is already redacted, but inner exceptions (socket
    // errors, JSON reader positions) are not ours to vouch for.
    public static void LogFailed(ILogger logger, ConscentEndpoint endpoint, Exception error, int attempts, TimeSpan elapsed) =>
        Failed(logger, endpoint.Operation, error.GetType().Name, attempts, Math.Round(elapsed.TotalMilliseconds, 1), null);

    public static void LogStatsFallback(ILogger logger, string operation) => StatsMethodFallback(logger, operation, null);
}
