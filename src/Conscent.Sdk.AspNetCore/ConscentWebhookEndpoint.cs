using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// What a mapped webhook checks deliveries against: one account's credentials, the webhook options, the duplicate guard.
/// The default account's, or a named account's after <c>ForConscentAccount(name)</c>.
/// </summary>
internal sealed class WebhookBinding
{
    public WebhookBinding(ConscentWebhookVerifier verifier, ConscentWebhookOptions options, IConscentWebhookDeduplicator deduplicator, string? account)
    {
        Verifier = verifier;
        Options = options;
        Deduplicator = deduplicator;
        Account = account;
        // The default account keeps the keys it always had; a named account's keys start with its name, so the same
        // delivery id at two accounts is two deliveries.
        KeyPrefix = account is null ? string.Empty : account + ":";
    }

    public ConscentWebhookVerifier Verifier { get; }

    public ConscentWebhookOptions Options { get; }

    public IConscentWebhookDeduplicator Deduplicator { get; }

    /// <summary>The named account; null for the default one.</summary>
    public string? Account { get; }

    public string KeyPrefix { get; }

    /// <summary>The webhook's name in log events, with the account when there is one.</summary>
    public string Label(string name) => Account is null ? name : name + " (account " + Account + ")";
}

/// <summary>
/// One mapped webhook, typed or raw: authorization, body limit, then the kind's own parsing and checks, then the duplicate
/// guard and the handler. Both kinds share this path.
/// </summary>
internal abstract class ConscentWebhookEndpointBase
{
    private readonly ILogger _logger;
    private readonly string _name;
    private volatile WebhookBinding? _binding;
    private volatile string _label;

    protected ConscentWebhookEndpointBase(string name, ILogger logger)
    {
        _name = name;
        _label = name;
        _logger = logger;
    }

    protected ILogger Logger => _logger;

    /// <summary>Why the endpoint has no binding yet (the default account's credentials are missing), until it gets one.</summary>
    public Exception? UnboundReason { get; private set; }

    public bool IsBound => _binding is not null;

    public void Bind(WebhookBinding binding)
    {
        _label = binding.Label(_name);
        _binding = binding;
        UnboundReason = null;
    }

    public void LeaveUnbound(Exception reason) => UnboundReason = reason;

    public async Task HandleAsync(HttpContext context)
    {
        var binding = _binding ?? throw new InvalidOperationException("This ConsCent webhook endpoint has no account: " + UnboundReason?.Message);
        var label = _label;
        var response = context.Response;
        var aborted = context.RequestAborted;

        // 1. Who is calling: checked before the body is read, so strangers cannot make us buffer anything. The 401 has an
        //    empty body: a caller without the API key and secret learns nothing about why.
        var auth = binding.Verifier.VerifyAuthorization(context.Request.Headers.Authorization.ToString());
        if (!auth.IsValid)
        {
            ConscentWebhookLog.Unauthorized(_logger, label, auth.Failure.ToString());
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // 2. The raw body, bounded.
        var max = binding.Options.MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            ConscentWebhookLog.TooLarge(_logger, label, max);
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
                ConscentWebhookLog.TooLarge(_logger, label, max);
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            // 3.–6. The kind's own steps.
            await ProcessAsync(context, binding, label, new ReadOnlyMemory<byte>(buffer, 0, length), aborted).ConfigureAwait(false);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses and checks the body (answering 400/401 itself, with <see cref="RejectAsync"/>), then calls <see cref="DispatchAsync"/>.</summary>
    protected abstract Task ProcessAsync(HttpContext context, WebhookBinding binding, string label, ReadOnlyMemory<byte> body, CancellationToken aborted);

    /// <summary>
    /// Answers a delivery that came with valid Basic credentials but was refused: <paramref name="status"/> and a one-word
    /// <c>text/plain</c> body, <paramref name="reason"/>, the same word log event 2101 or 2102 gives. The reason is always an
    /// enum name or a constant (<c>WrongWebhookType</c>, <c>BadSignature</c>), never anything taken from the request, so
    /// nothing personal or secret is echoed. A caller whose Basic credentials fail gets an empty 401 instead.
    /// </summary>
    protected static Task RejectAsync(HttpContext context, int status, string reason)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(reason);
    }

    /// <summary>
    /// The duplicate guard (when <paramref name="deduplicationKey"/> is set) around <paramref name="handler"/>: 200 (the
    /// configured success status) after it, 500 when it throws (and the delivery can be retried).
    /// </summary>
    protected async Task DispatchAsync(HttpContext context, WebhookBinding binding, string label, string? deduplicationKey, Func<Task> handler, CancellationToken aborted)
    {
        var options = binding.Options;
        var deduplicator = binding.Deduplicator;

        // 5. Duplicate guard: the handler runs only under a claim (WebhookDuplicateGuard answers the other cases).
        var guarded = await WebhookDuplicateGuard.ClaimAsync(deduplicator, options, _logger, label, deduplicationKey, context, aborted).ConfigureAwait(false);
        if (!guarded.Run) return;

        // 6. The publisher's handler.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await handler().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failedMs = ConscentWebhookLog.MillisecondsSince(started);
            await WebhookDuplicateGuard.ReleaseAsync(deduplicator, _logger, label, guarded).ConfigureAwait(false);
            ConscentWebhookLog.HandlerFailed(_logger, label, ex, failedMs);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
            return;
        }

        var handlerMs = ConscentWebhookLog.MillisecondsSince(started);
        await WebhookDuplicateGuard.CompleteAsync(deduplicator, options, _logger, label, guarded).ConfigureAwait(false);
        ConscentWebhookLog.Handled(_logger, label, handlerMs);
        if (!context.Response.HasStarted) context.Response.StatusCode = options.SuccessStatusCode;
    }

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

/// <summary>One mapped typed webhook: after the shared steps, parsing, identity check, duplicate guard, handler.</summary>
internal sealed class ConscentWebhookEndpoint<TPayload> : ConscentWebhookEndpointBase where TPayload : class, IConscentWebhookPayload
{
    private static readonly string TypeName = typeof(TPayload).Name;

    private readonly Func<TPayload, HttpContext, CancellationToken, Task> _handler;

    public ConscentWebhookEndpoint(ILogger logger, Func<TPayload, HttpContext, CancellationToken, Task> handler)
        : base(TypeName, logger)
    {
        _handler = handler;
    }

    protected override Task ProcessAsync(HttpContext context, WebhookBinding binding, string label, ReadOnlyMemory<byte> body, CancellationToken aborted)
    {
        // 3. What was sent.
        TPayload payload;
        try
        {
            payload = ConscentWebhookParser.Parse<TPayload>(body.Span);
        }
        catch (ConscentWebhookPayloadException ex)
        {
            var error = ex.Error.ToString();
            ConscentWebhookLog.Malformed(Logger, label, error);
            return RejectAsync(context, StatusCodes.Status400BadRequest, error);
        }

        // 4. Signed identifiers, where the payload has them.
        if (binding.Options.VerifyHashedIdentifiers && payload is IConscentWebhookIdentity identity)
        {
            var check = VerifyIdentity(binding, identity);
            if (!check.IsValid)
            {
                // The caller passed Basic auth (it holds the API key and secret), so it may learn which check failed.
                var failure = check.Failure.ToString();
                ConscentWebhookLog.Unauthorized(Logger, label, failure);
                return RejectAsync(context, StatusCodes.Status401Unauthorized, failure);
            }
        }

        var key = string.IsNullOrEmpty(payload.DeliveryId) ? null : binding.KeyPrefix + TypeName + ":" + payload.DeliveryId;
        return DispatchAsync(context, binding, label, key, () => _handler(payload, context, aborted), aborted);
    }

    private static WebhookVerificationResult VerifyIdentity(WebhookBinding binding, IConscentWebhookIdentity identity)
    {
        if (!string.IsNullOrEmpty(identity.HashedEmail))
        {
            var email = binding.Verifier.VerifyHashedEmail(identity.HashedEmail, identity.Email);
            if (!Acceptable(binding, email)) return email;
        }
        if (!string.IsNullOrEmpty(identity.HashedPhoneNumber))
        {
            var phone = binding.Verifier.VerifyHashedPhoneNumber(identity.HashedPhoneNumber, identity.PhoneNumber);
            if (!Acceptable(binding, phone)) return phone;
        }
        return WebhookVerificationResult.Valid;
    }

    private static bool Acceptable(WebhookBinding binding, WebhookVerificationResult result) =>
        result.IsValid || (binding.Options.AllowPlaceholderHashes && result.Failure == WebhookVerificationFailure.NotAToken);
}
