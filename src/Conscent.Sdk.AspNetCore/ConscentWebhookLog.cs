using System;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// Webhook log events (category <c>Conscent.Sdk.AspNetCore.Webhooks</c>, ids 2100-2105, stable). They carry the payload
/// type and the outcome only: never a body, an email, a phone number, a token or a credential.
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

    private static readonly Action<ILogger, string, Exception?> HandledMessage =
        LoggerMessage.Define<string>(LogLevel.Information, HandledId, "ConsCent webhook {WebhookType} handled");

    private static readonly Action<ILogger, string, string, Exception?> UnauthorizedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, UnauthorizedId, "ConsCent webhook {WebhookType} rejected with 401: {Failure}");

    private static readonly Action<ILogger, string, string, Exception?> MalformedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, MalformedId, "ConsCent webhook {WebhookType} rejected with 400: {Error}");

    private static readonly Action<ILogger, string, long, Exception?> TooLargeMessage =
        LoggerMessage.Define<string, long>(LogLevel.Warning, TooLargeId, "ConsCent webhook {WebhookType} rejected with 413: body over {MaxBodyBytes} bytes");

    private static readonly Action<ILogger, string, Exception?> DuplicateMessage =
        LoggerMessage.Define<string>(LogLevel.Information, DuplicateId, "ConsCent webhook {WebhookType} was already handled; duplicate delivery skipped");

    private static readonly Action<ILogger, string, string, Exception?> HandlerFailedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Error, HandlerFailedId, "ConsCent webhook {WebhookType} handler failed with {ExceptionType}; answered 500");

    public static void Handled(ILogger logger, string type) => HandledMessage(logger, type, null);

    public static void Unauthorized(ILogger logger, string type, string failure) => UnauthorizedMessage(logger, type, failure, null);

    public static void Malformed(ILogger logger, string type, string error) => MalformedMessage(logger, type, error, null);

    public static void TooLarge(ILogger logger, string type, long max) => TooLargeMessage(logger, type, max, null);

    public static void Duplicate(ILogger logger, string type) => DuplicateMessage(logger, type, null);

    // The exception object is not logged: its message is the publisher's and may quote the payload.
    public static void HandlerFailed(ILogger logger, string type, Exception error) => HandlerFailedMessage(logger, type, error.GetType().FullName ?? error.GetType().Name, null);
}
