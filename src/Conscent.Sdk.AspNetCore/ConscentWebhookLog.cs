using System;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// Webhook log events (category <c>Conscent.Sdk.AspNetCore.Webhooks</c>, ids 2100-2105 and, for the duplicate guard,
/// 2110-2119; stable). They carry the payload type, the outcome and timings only: never a body, a delivery id, an email, a
/// phone number, a token or a credential.
/// </summary>
internal static class ConscentWebhookLog
{
    internal const string Category = "Conscent.Sdk.AspNetCore.Webhooks";

    internal static readonly EventId HandledId = new(2100, "ConscentWebhookHandled");
    internal static readonly EventId UnauthorizedId = new(2101, "ConscentWebhookUnauthorized");
    internal static readonly EventId MalformedId = new(2102, "ConscentWebhookMalformed");
    internal static readonly EventId TooLargeId = new(2103, "ConscentWebhookTooLarge");
    internal static readonly EventId DuplicateId = new(2104, "ConscentWebhookDuplicate");
    internal static readonly EventId HandlerFailedId = new(2105, "ConscentWebhookHandlerFailed");

    // The duplicate guard (WebhookDuplicateGuard).
    internal static readonly EventId ClaimedId = new(2110, "ConscentWebhookClaimed");
    internal static readonly EventId InProgressId = new(2111, "ConscentWebhookInProgressElsewhere");
    internal static readonly EventId GuardUnavailableId = new(2112, "ConscentWebhookGuardUnavailable");
    internal static readonly EventId GuardUnavailableFailOpenId = new(2113, "ConscentWebhookGuardUnavailableFailOpen");
    internal static readonly EventId NotRecordedId = new(2114, "ConscentWebhookNotRecorded");
    internal static readonly EventId RecordedLateId = new(2115, "ConscentWebhookRecordedLate");
    internal static readonly EventId NeverRecordedId = new(2116, "ConscentWebhookNeverRecorded");
    internal static readonly EventId LeaseLostId = new(2117, "ConscentWebhookLeaseLost");
    internal static readonly EventId ReleaseFailedId = new(2118, "ConscentWebhookReleaseFailed");

    private static readonly Action<ILogger, string, double, Exception?> HandledMessage =
        LoggerMessage.Define<string, double>(LogLevel.Information, HandledId, "ConsCent webhook {WebhookType} handled (handler {HandlerMs} ms)");

    private static readonly Action<ILogger, string, string, Exception?> UnauthorizedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, UnauthorizedId, "ConsCent webhook {WebhookType} rejected with 401: {Failure}");

    private static readonly Action<ILogger, string, string, Exception?> MalformedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, MalformedId, "ConsCent webhook {WebhookType} rejected with 400: {Error}");

    private static readonly Action<ILogger, string, long, Exception?> TooLargeMessage =
        LoggerMessage.Define<string, long>(LogLevel.Warning, TooLargeId, "ConsCent webhook {WebhookType} rejected with 413: body over {MaxBodyBytes} bytes");

    private static readonly Action<ILogger, string, double, Exception?> DuplicateMessage =
        LoggerMessage.Define<string, double>(LogLevel.Information, DuplicateId, "ConsCent webhook {WebhookType} was already handled; duplicate delivery skipped (guard {GuardMs} ms)");

    private static readonly Action<ILogger, string, string, double, Exception?> HandlerFailedMessage =
        LoggerMessage.Define<string, string, double>(LogLevel.Error, HandlerFailedId, "ConsCent webhook {WebhookType} handler failed with {ExceptionType} after {HandlerMs} ms; answered 500");

    public static void Handled(ILogger logger, string type, double handlerMs) => HandledMessage(logger, type, handlerMs, null);

    public static void Unauthorized(ILogger logger, string type, string failure) => UnauthorizedMessage(logger, type, failure, null);

    public static void Malformed(ILogger logger, string type, string error) => MalformedMessage(logger, type, error, null);

    public static void TooLarge(ILogger logger, string type, long max) => TooLargeMessage(logger, type, max, null);

    public static void Duplicate(ILogger logger, string type, double guardMs) => DuplicateMessage(logger, type, guardMs, null);

    // The exception object is not logged: its message is the publisher's and may quote the payload.
    public static void HandlerFailed(ILogger logger, string type, Exception error, double handlerMs) =>
        HandlerFailedMessage(logger, type, error.GetType().FullName ?? error.GetType().Name, handlerMs, null);

    /// <summary>Milliseconds since <paramref name="startTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), rounded to 0.1 ms.</summary>
    public static double MillisecondsSince(long startTimestamp) =>
        Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, 1);

    // ---- the duplicate guard ----

    private static readonly Action<ILogger, string, double, Exception?> ClaimedMessage =
        LoggerMessage.Define<string, double>(LogLevel.Debug, ClaimedId, "ConsCent webhook {WebhookType} claimed (guard {GuardMs} ms)");

    private static readonly Action<ILogger, string, double, Exception?> InProgressMessage =
        LoggerMessage.Define<string, double>(LogLevel.Information, InProgressId, "ConsCent webhook {WebhookType} is being handled under another claim; answered 503 to be retried (guard {GuardMs} ms)");

    private static readonly Action<ILogger, string, string, double, Exception?> GuardUnavailableMessage =
        LoggerMessage.Define<string, string, double>(LogLevel.Error, GuardUnavailableId, "ConsCent webhook {WebhookType}: the duplicate guard failed with {ExceptionType} after {GuardMs} ms; answered 503, handler not called (fail closed)");

    private static readonly Action<ILogger, string, string, double, Exception?> GuardUnavailableFailOpenMessage =
        LoggerMessage.Define<string, string, double>(LogLevel.Warning, GuardUnavailableFailOpenId, "ConsCent webhook {WebhookType}: the duplicate guard failed with {ExceptionType} after {GuardMs} ms; handler called without a claim (fail open)");

    private static readonly Action<ILogger, string, string, Exception?> NotRecordedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, NotRecordedId, "ConsCent webhook {WebhookType} handled, but the duplicate guard failed with {ExceptionType} recording it; retrying until the lease ends");

    private static readonly Action<ILogger, string, int, double, Exception?> RecordedLateMessage =
        LoggerMessage.Define<string, int, double>(LogLevel.Information, RecordedLateId, "ConsCent webhook {WebhookType} recorded as handled on retry {Attempt}, {ElapsedMs} ms after the claim");

    private static readonly Action<ILogger, string, double, Exception?> NeverRecordedMessage =
        LoggerMessage.Define<string, double>(LogLevel.Error, NeverRecordedId, "ConsCent webhook {WebhookType} handled but not recorded before its lease ended ({ElapsedMs} ms after the claim); a later copy may run the handler again");

    private static readonly Action<ILogger, string, double, Exception?> LeaseLostMessage =
        LoggerMessage.Define<string, double>(LogLevel.Warning, LeaseLostId, "ConsCent webhook {WebhookType}: the claim's lease ended before the handler finished ({ElapsedMs} ms) and another claim took the delivery; it may have run twice. Raise DeduplicationLease");

    private static readonly Action<ILogger, string, string, Exception?> ReleaseFailedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, ReleaseFailedId, "ConsCent webhook {WebhookType}: the claim could not be released ({ExceptionType}); the next copy is handled once its lease ends");

    public static void Claimed(ILogger logger, string type, double guardMs) => ClaimedMessage(logger, type, guardMs, null);

    public static void InProgress(ILogger logger, string type, double guardMs) => InProgressMessage(logger, type, guardMs, null);

    // Exceptions are logged by type only: a store's message may quote the key (a delivery id) or a connection string.
    public static void GuardUnavailable(ILogger logger, string type, Exception error, double guardMs) => GuardUnavailableMessage(logger, type, Name(error), guardMs, null);

    public static void GuardUnavailableFailOpen(ILogger logger, string type, Exception error, double guardMs) => GuardUnavailableFailOpenMessage(logger, type, Name(error), guardMs, null);

    public static void NotRecorded(ILogger logger, string type, Exception error) => NotRecordedMessage(logger, type, Name(error), null);

    public static void RecordedLate(ILogger logger, string type, int attempt, double elapsedMs) => RecordedLateMessage(logger, type, attempt, elapsedMs, null);

    public static void NeverRecorded(ILogger logger, string type, double elapsedMs) => NeverRecordedMessage(logger, type, elapsedMs, null);

    public static void LeaseLost(ILogger logger, string type, double elapsedMs) => LeaseLostMessage(logger, type, elapsedMs, null);

    public static void ReleaseFailed(ILogger logger, string type, Exception error) => ReleaseFailedMessage(logger, type, Name(error), null);

    private static string Name(Exception error) => error.GetType().FullName ?? error.GetType().Name;
}
