using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore;

/// <summary>A delivery's passage through the duplicate guard: whether its handler runs, and the claim it runs under.</summary>
internal readonly struct GuardedDelivery
{
    public GuardedDelivery(bool run, WebhookClaim? claim, long claimedAt)
    {
        Run = run;
        Claim = claim;
        ClaimedAt = claimedAt;
    }

    /// <summary>Whether the handler runs; when false the answer is already set.</summary>
    public bool Run { get; }

    /// <summary>The claim to complete or release after the handler; null when the handler runs unguarded.</summary>
    public WebhookClaim? Claim { get; }

    /// <summary>When the claim was asked for (<see cref="Stopwatch"/> timestamp): its lease counts from there.</summary>
    public long ClaimedAt { get; }
}

/// <summary>
/// The endpoint's duplicate-guard step. Before the handler: claim the delivery; answer a copy already handled with the
/// success status, a copy claimed elsewhere with 503 + <c>Retry-After</c>, and an unreachable guard with 503 (fail
/// closed) or run unguarded (fail open). After it: complete the claim on success (retried in the background until the
/// lease ends when the guard is briefly unreachable), release it on failure.
/// </summary>
internal static class WebhookDuplicateGuard
{
    private const int MaxRecordAttempts = 64;
    private static readonly TimeSpan FirstRecordDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRecordDelay = TimeSpan.FromSeconds(5);

    // type: the webhook's name in log events. key: the delivery's guard key ({account:}{payload type}:{delivery id}, or
    // {account:}raw:{pattern}:{id}); null runs the handler unguarded.
    public static async ValueTask<GuardedDelivery> ClaimAsync(IConscentWebhookDeduplicator deduplicator, ConscentWebhookOptions options, ILogger logger, string type, string? key, HttpContext context, CancellationToken aborted)
    {
        if (!options.DeduplicateDeliveries || string.IsNullOrEmpty(key)) return new GuardedDelivery(true, null, 0);

        var started = Stopwatch.GetTimestamp();
        WebhookClaim claim;
        try
        {
            claim = await deduplicator.ClaimAsync(key!, options.DeduplicationLease, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            RetryLater(context, options); // ConsCent hung up; no one reads this answer
            return new GuardedDelivery(false, null, started);
        }
        catch (Exception ex)
        {
            if (options.DeduplicationFailureMode == WebhookDeduplicationFailureMode.FailOpen)
            {
                ConscentWebhookLog.GuardUnavailableFailOpen(logger, type, ex, Ms(started));
                return new GuardedDelivery(true, null, started);
            }
            ConscentWebhookLog.GuardUnavailable(logger, type, ex, Ms(started));
            RetryLater(context, options);
            return new GuardedDelivery(false, null, started);
        }

        switch (claim.Status)
        {
            case WebhookClaimStatus.Claimed:
                ConscentWebhookLog.Claimed(logger, type, Ms(started));
                return new GuardedDelivery(true, claim, started);
            case WebhookClaimStatus.AlreadyHandled:
                ConscentWebhookLog.Duplicate(logger, type, Ms(started));
                context.Response.StatusCode = options.SuccessStatusCode;
                return new GuardedDelivery(false, null, started);
            default:
                ConscentWebhookLog.InProgress(logger, type, Ms(started));
                RetryLater(context, options);
                return new GuardedDelivery(false, null, started);
        }
    }

    /// <summary>After the handler succeeded: later copies are duplicates. Never throws; the handler's success stands.</summary>
    public static async ValueTask CompleteAsync(IConscentWebhookDeduplicator deduplicator, ConscentWebhookOptions options, ILogger logger, string type, GuardedDelivery delivery)
    {
        if (delivery.Claim is null) return;
        try
        {
            if (!await deduplicator.CompleteAsync(delivery.Claim, options.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false))
                ConscentWebhookLog.LeaseLost(logger, type, Ms(delivery.ClaimedAt));
        }
        catch (Exception ex)
        {
            // The claim still holds the delivery until its lease ends: recording it before then closes the gap. The answer
            // is the handler's success either way (a 5xx would make ConsCent redeliver what was handled).
            ConscentWebhookLog.NotRecorded(logger, type, ex);
            var deadline = delivery.ClaimedAt + (long)(options.DeduplicationLease.TotalSeconds * Stopwatch.Frequency);
            _ = Task.Run(() => RecordLateAsync(deduplicator, options, logger, type, delivery, deadline));
        }
    }

    /// <summary>After the handler failed: the next copy is handled. Never throws; a claim not released ends with its lease.</summary>
    public static async ValueTask ReleaseAsync(IConscentWebhookDeduplicator deduplicator, ILogger logger, string type, GuardedDelivery delivery)
    {
        if (delivery.Claim is null) return;
        try
        {
            await deduplicator.ReleaseAsync(delivery.Claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ConscentWebhookLog.ReleaseFailed(logger, type, ex);
        }
    }

    private static async Task RecordLateAsync(IConscentWebhookDeduplicator deduplicator, ConscentWebhookOptions options, ILogger logger, string type, GuardedDelivery delivery, long deadline)
    {
        var delay = FirstRecordDelay;
        for (var attempt = 1; attempt <= MaxRecordAttempts; attempt++)
        {
            await Task.Delay(delay).ConfigureAwait(false);
            if (Stopwatch.GetTimestamp() >= deadline) break;
            try
            {
                if (await deduplicator.CompleteAsync(delivery.Claim!, options.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false))
                    ConscentWebhookLog.RecordedLate(logger, type, attempt, Ms(delivery.ClaimedAt));
                else
                    ConscentWebhookLog.LeaseLost(logger, type, Ms(delivery.ClaimedAt));
                return;
            }
            catch (Exception)
            {
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRecordDelay.Ticks));
            }
        }
        ConscentWebhookLog.NeverRecorded(logger, type, Ms(delivery.ClaimedAt));
    }

    private static void RetryLater(HttpContext context, ConscentWebhookOptions options)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var seconds = (long)Math.Ceiling(options.RetryAfter.TotalSeconds);
        if (seconds > 0) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    private static double Ms(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
}
