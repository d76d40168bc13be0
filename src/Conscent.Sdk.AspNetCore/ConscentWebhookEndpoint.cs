using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>One mapped webhook: authorization, body limit, parsing, identity check, duplicate guard, handler.</summary>
internal sealed class ConscentWebhookEndpoint<TPayload> where TPayload : class, IConscentWebhookPayload
{
    private static readonly string TypeName = typeof(TPayload).Name;

    private readonly ConscentWebhookVerifier _verifier;
    private readonly ConscentWebhookOptions _options;
    private readonly IConscentWebhookDeduplicator _deduplicator;
    private readonly ILogger _logger;
    private readonly Func<TPayload, HttpContext, CancellationToken, Task> _handler;

    public ConscentWebhookEndpoint(ConscentWebhookVerifier verifier, ConscentWebhookOptions options, IConscentWebhookDeduplicator deduplicator, ILogger logger, Func<TPayload, HttpContext, CancellationToken, Task> handler)
    {
        _verifier = verifier;
        _options = options;
        _deduplicator = deduplicator;
        _logger = logger;
        _handler = handler;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;

        // 1. Who is calling: checked before the body is read, so strangers cannot make us buffer anything.
        var auth = _verifier.VerifyAuthorization(context.Request.Headers.Authorization.ToString());
        if (!auth.IsValid)
        {
            ConscentWebhookLog.Unauthorized(_logger, TypeName, auth.Failure.ToString());
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // 2. The raw body, bounded.
        var max = _options.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            ConscentWebhookLog.TooLarge(_logger, TypeName, max);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        byte[]? buffer = null;
        try
        {
            int length;
            (buffer, length) = await ReadBodyAsync(context.Request, max, aborted).ConfigureAwait(false);
            if (length < 0)
            {
                ConscentWebhookLog.TooLarge(_logger, TypeName, max);
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            // 3. What was sent.
            TPayload payload;
            try
            {
                payload = ConscentWebhookParser.Parse<TPayload>(buffer.AsSpan(0, length));
            }
            catch (ConscentWebhookPayloadException ex)
            {
                ConscentWebhookLog.Malformed(_logger, TypeName, ex.Error.ToString());
                response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            // 4. Signed identifiers, where the payload has them.
            if (_options.VerifyHashedIdentifiers && payload is IConscentWebhookIdentity identity)
            {
                var check = VerifyIdentity(identity);
                if (!check.IsValid)
                {
                    ConscentWebhookLog.Unauthorized(_logger, TypeName, check.Failure.ToString());
                    response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
            }

            await DispatchAsync(context, payload, aborted).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task DispatchAsync(HttpContext context, TPayload payload, CancellationToken aborted)
    {
        // 5. Duplicate guard: the handler runs only under a claim (WebhookDuplicateGuard answers the other cases).
        var guarded = await WebhookDuplicateGuard.ClaimAsync(_deduplicator, _options, _logger, TypeName, payload.DeliveryId, context, aborted).ConfigureAwait(false);
        if (!guarded.Run) return;

        // 6. The publisher's handler.
        try
        {
            await _handler(payload, context, aborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await WebhookDuplicateGuard.ReleaseAsync(_deduplicator, _logger, TypeName, guarded).ConfigureAwait(false);
            ConscentWebhookLog.HandlerFailed(_logger, TypeName, ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
            return;
        }

        await WebhookDuplicateGuard.CompleteAsync(_deduplicator, _options, _logger, TypeName, guarded).ConfigureAwait(false);
        ConscentWebhookLog.Handled(_logger, TypeName);
        if (!context.Response.HasStarted) context.Response.StatusCode = _options.SuccessStatusCode;
    }

    private WebhookVerificationResult VerifyIdentity(IConscentWebhookIdentity identity)
    {
        if (!string.IsNullOrEmpty(identity.HashedEmail))
        {
            var email = _verifier.VerifyHashedEmail(identity.HashedEmail, identity.Email);
            if (!Acceptable(email)) return email;
        }
        if (!string.IsNullOrEmpty(identity.HashedPhoneNumber))
        {
            var phone = _verifier.VerifyHashedPhoneNumber(identity.HashedPhoneNumber, identity.PhoneNumber);
            if (!Acceptable(phone)) return phone;
        }
        return WebhookVerificationResult.Valid;
    }

    private bool Acceptable(WebhookVerificationResult result) =>
        result.IsValid || (_options.AllowPlaceholderHashes && result.Failure == WebhookVerificationFailure.NotAToken);

    /// <summary>Reads at most <paramref name="max"/> bytes into a pooled buffer; length -1 when the body is larger.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(max, int.MaxValue - 1);
        var initial = (int)Math.Min(Math.Max(request.ContentLength ?? 4096, 256), limit + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit) return (buffer, -1);
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0) return (buffer, length);
                length += read;
                if (length > limit) return (buffer, -1);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
