using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>One mapped raw webhook: after the shared steps (authorization, body limit), JSON, optional id, duplicate guard, handler.</summary>
internal sealed class ConscentRawWebhookEndpoint : ConscentWebhookEndpointBase
{
    private readonly string _pattern;
    private readonly Func<JsonElement, string?>? _deduplicationKey;
    private readonly Func<ConscentRawWebhook, HttpContext, CancellationToken, Task> _handler;

    public ConscentRawWebhookEndpoint(string pattern, Func<JsonElement, string?>? deduplicationKey, ILogger logger, Func<ConscentRawWebhook, HttpContext, CancellationToken, Task> handler)
        : base("raw " + pattern, logger)
    {
        _pattern = pattern;
        _deduplicationKey = deduplicationKey;
        _handler = handler;
    }

    protected override Task ProcessAsync(HttpContext context, WebhookBinding binding, string label, ReadOnlyMemory<byte> body, CancellationToken aborted)
    {
        // 3. JSON, copied out of the pooled buffer so the handler may keep it.
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Reject(context, label, "InvalidJson");
        }
        if (root.ValueKind != JsonValueKind.Object) return Reject(context, label, "NotAnObject");

        // 4. The caller's id for the delivery, when deduplicating.
        string? id = null;
        if (_deduplicationKey is not null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                id = _deduplicationKey(root);
            }
            catch (Exception ex)
            {
                ConscentWebhookLog.HandlerFailed(Logger, label, ex, ConscentWebhookLog.MillisecondsSince(started));
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            }
        }

        var key = string.IsNullOrEmpty(id) ? null : binding.KeyPrefix + "raw:" + _pattern + ":" + id;
        var webhook = new ConscentRawWebhook(root, string.IsNullOrEmpty(id) ? null : id, binding.Account);
        return DispatchAsync(context, binding, label, key, () => _handler(webhook, context, aborted), aborted);
    }

    private Task Reject(HttpContext context, string label, string error)
    {
        ConscentWebhookLog.Malformed(Logger, label, error);
        return RejectAsync(context, StatusCodes.Status400BadRequest, error);
    }
}
