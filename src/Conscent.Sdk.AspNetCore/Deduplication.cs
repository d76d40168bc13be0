using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// Makes sure each webhook delivery is handled once, although ConsCent may deliver it again (it documents no retry or
/// idempotency rules; see docs/rulings.md#webhooks-receiver-contract). Keys are <c>{payload type}:{delivery id}</c>.
/// </summary>
/// <remarks>
/// The endpoint calls <see cref="ClaimAsync"/> before the handler. Only a <see cref="WebhookClaimStatus.Claimed"/> claim
/// runs the handler; then <see cref="CompleteAsync"/> when it succeeded (later copies are
/// <see cref="WebhookClaimStatus.AlreadyHandled"/> for the deduplication window) or <see cref="ReleaseAsync"/> when it
/// failed (ConsCent's redelivery is handled). A claim that is neither completed nor released (the process died) ends
/// with its lease. An exception from <see cref="ClaimAsync"/> means the guard cannot be reached: the endpoint answers 503
/// unless <see cref="ConscentWebhookOptions.DeduplicationFailureMode"/> says otherwise.
/// </remarks>
public interface IConscentWebhookDeduplicator
{
    /// <summary>
    /// Claims a delivery for <paramref name="lease"/>: <see cref="WebhookClaimStatus.Claimed"/> when no one holds it and it
    /// was not handled within the window (run the handler), <see cref="WebhookClaimStatus.AlreadyHandled"/> when it was,
    /// <see cref="WebhookClaimStatus.InProgress"/> when another claim on it is still within its lease.
    /// </summary>
    /// <param name="key">The delivery's key.</param>
    /// <param name="lease">How long the claim holds if it is never completed or released.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the handler succeeded under <paramref name="claim"/>: copies arriving within <paramref name="window"/>
    /// are <see cref="WebhookClaimStatus.AlreadyHandled"/>. Returns <see langword="false"/> when the claim had been lost
    /// (its lease ended and another claim took the delivery): the handler may then have run twice, so the lease is too short.
    /// </summary>
    /// <param name="claim">A <see cref="WebhookClaimStatus.Claimed"/> claim from <see cref="ClaimAsync"/>.</param>
    /// <param name="window">How long the delivery is remembered as handled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a claim up because the handler failed, so the next copy is handled. Does nothing when the claim was lost
    /// meanwhile (another claim's state is never removed).
    /// </summary>
    /// <param name="claim">A <see cref="WebhookClaimStatus.Claimed"/> claim from <see cref="ClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IConscentWebhookDeduplicator.ClaimAsync"/> found.</summary>
public enum WebhookClaimStatus
{
    /// <summary>The caller holds the delivery until the lease ends: run the handler, then complete or release the claim.</summary>
    Claimed = 0,

    /// <summary>A handler already succeeded for this delivery within the window: answer success without running it.</summary>
    AlreadyHandled = 1,

    /// <summary>Another claim holds the delivery (its handler is running, or its process died less than a lease ago): ask ConsCent to try again later.</summary>
    InProgress = 2,
}

/// <summary>The outcome of <see cref="IConscentWebhookDeduplicator.ClaimAsync"/>, and for a successful claim the handle to complete or release it.</summary>
public sealed class WebhookClaim
{
    private WebhookClaim(string key, WebhookClaimStatus status, string? token)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
        Status = status;
        Token = token;
    }

    /// <summary>The delivery's key.</summary>
    public string Key { get; }

    /// <summary>What the claim found.</summary>
    public WebhookClaimStatus Status { get; }

    /// <summary>
    /// For a <see cref="WebhookClaimStatus.Claimed"/> claim, the value that tells it apart from any later claim of the same
    /// key (so completing or releasing never touches another claim); otherwise null.
    /// </summary>
    public string? Token { get; }

    /// <summary>A claim the caller now holds.</summary>
    /// <param name="key">The delivery's key.</param>
    /// <param name="token">A value unique to this claim.</param>
    public static WebhookClaim Claimed(string key, string token)
    {
        if (string.IsNullOrEmpty(token)) throw new ArgumentException("A claim needs a token.", nameof(token));
        return new WebhookClaim(key, WebhookClaimStatus.Claimed, token);
    }

    /// <summary>The delivery was already handled.</summary>
    /// <param name="key">The delivery's key.</param>
    public static WebhookClaim AlreadyHandled(string key) => new(key, WebhookClaimStatus.AlreadyHandled, null);

    /// <summary>Another claim holds the delivery.</summary>
    /// <param name="key">The delivery's key.</param>
    public static WebhookClaim InProgress(string key) => new(key, WebhookClaimStatus.InProgress, null);

    /// <summary>A fresh token for <see cref="Claimed"/>: 32 hex digits.</summary>
    public static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>Throws unless this is a <see cref="WebhookClaimStatus.Claimed"/> claim (what complete and release accept).</summary>
    internal string RequireToken(string paramName) =>
        Status == WebhookClaimStatus.Claimed && Token is not null ? Token : throw new ArgumentException("Only a Claimed claim can be completed or released.", paramName);

    /// <summary>The status only (the key is left out of anything that might be logged).</summary>
    public override string ToString() => "WebhookClaim { Status = " + Status + " }";
}

/// <summary>
/// The default guard: in process memory. Claims are atomic within the process, so exactly one of several concurrent
/// copies runs the handler; duplicates that reach <b>another instance</b> of a scaled-out app are not seen (use the
/// Redis guard, package Conscent.Sdk.AspNetCore.Redis). Bounded: past the capacity the handled deliveries that expire
/// first are forgotten first (claims in progress are never dropped).
/// </summary>
public sealed class InMemoryWebhookDeduplicator : IConscentWebhookDeduplicator
{
    private sealed class Entry
    {
        public Entry(string? token, long expiry)
        {
            Token = token;
            Expiry = expiry;
        }

        public string? Token { get; } // null: handled

        public long Expiry { get; } // UTC ticks
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly object _lock = new();

    /// <summary>Creates the guard.</summary>
    /// <param name="capacity">The most keys kept.</param>
    /// <param name="timeProvider">The clock (tests pass a fake one); default the system clock.</param>
    public InMemoryWebhookDeduplicator(int capacity = 10_000, TimeProvider? timeProvider = null)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be at least 1.");
        _capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many keys are held now (expired ones included until pruned).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _entries.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expiry > now)
                return new ValueTask<WebhookClaim>(entry.Token is null ? WebhookClaim.AlreadyHandled(key) : WebhookClaim.InProgress(key));
            var token = WebhookClaim.NewToken();
            _entries[key] = new Entry(token, now + lease.Ticks);
            if (_entries.Count > _capacity) Prune(now);
            return new ValueTask<WebhookClaim>(WebhookClaim.Claimed(key, token));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = claim.RequireToken(nameof(claim));
        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            // Ours, or expired with no one else holding it: record it. Someone else's live claim or record: the lease was lost.
            if (_entries.TryGetValue(claim.Key, out var entry) && entry.Expiry > now && !string.Equals(entry.Token, token, StringComparison.Ordinal))
                return new ValueTask<bool>(false);
            _entries[claim.Key] = new Entry(null, now + window.Ticks);
            if (_entries.Count > _capacity) Prune(now);
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = claim.RequireToken(nameof(claim));
        lock (_lock)
        {
            if (_entries.TryGetValue(claim.Key, out var entry) && string.Equals(entry.Token, token, StringComparison.Ordinal))
                _entries.Remove(claim.Key);
        }
        return default;
    }

    // Under _lock. Drops expired entries, then handled ones (soonest to expire first) down to 90% of the capacity, so the
    // sort runs once per tenth of the capacity rather than on every claim. Live claims stay: dropping one would let a
    // concurrent copy run the handler too.
    private void Prune(long now)
    {
        foreach (var expired in _entries.Where(e => e.Value.Expiry <= now).Select(e => e.Key).ToList())
            _entries.Remove(expired);
        var target = Math.Max(1, _capacity - (_capacity / 10));
        var excess = _entries.Count - target;
        if (excess <= 0) return;
        foreach (var key in _entries.Where(e => e.Value.Token is null).OrderBy(e => e.Value.Expiry).Take(excess).Select(e => e.Key).ToList())
            _entries.Remove(key);
    }
}

/// <summary>
/// A guard shared by every instance of a scaled-out app, over <see cref="IDistributedCache"/> (SQL Server, Redis, …).
/// <b>Best effort:</b> <see cref="IDistributedCache"/> has no atomic "add if absent", so two copies of one delivery that
/// reach two instances within a few milliseconds can both claim it and both run the handler (a read-back after the write
/// narrows that window, it cannot close it). Copies that arrive later, the common case, are caught: a completed delivery
/// answers success, a claim in progress answers "try again later". For exactly once across instances use the Redis
/// guard (package Conscent.Sdk.AspNetCore.Redis).
/// </summary>
public sealed class DistributedCacheWebhookDeduplicator : IConscentWebhookDeduplicator
{
    /// <summary>The prefix of every cache key this guard writes.</summary>
    public const string KeyPrefix = "conscent:webhook:";

    private const string ClaimPrefix = "claim:";
    private static readonly byte[] HandledMarker = Encoding.ASCII.GetBytes("done");
    private readonly IDistributedCache _cache;

    /// <summary>Creates the guard over a cache.</summary>
    public DistributedCacheWebhookDeduplicator(IDistributedCache cache) => _cache = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <inheritdoc />
    public async ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var cacheKey = KeyPrefix + key;
        var existing = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null) return Found(key, existing);

        var token = WebhookClaim.NewToken();
        var value = Encoding.ASCII.GetBytes(ClaimPrefix + token);
        await _cache.SetAsync(cacheKey, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);
        // Read back: of two writers that raced, the one whose value did not stay backs off.
        var stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.AsSpan().SequenceEqual(value) ? WebhookClaim.Claimed(key, token) : stored is null ? WebhookClaim.InProgress(key) : Found(key, stored);
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = claim.RequireToken(nameof(claim));
        var cacheKey = KeyPrefix + claim.Key;
        var stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (stored is not null && !IsClaim(stored, token)) return false;
        await _cache.SetAsync(cacheKey, HandledMarker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = claim.RequireToken(nameof(claim));
        var cacheKey = KeyPrefix + claim.Key;
        var stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (stored is not null && IsClaim(stored, token)) await _cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
    }

    // A claim's value is "claim:{token}"; anything else (including the single byte older versions wrote) means handled.
    private static WebhookClaim Found(string key, byte[] value) =>
        value.Length > ClaimPrefix.Length && Encoding.ASCII.GetString(value, 0, ClaimPrefix.Length) == ClaimPrefix ? WebhookClaim.InProgress(key) : WebhookClaim.AlreadyHandled(key);

    private static bool IsClaim(byte[] value, string token) => Encoding.ASCII.GetString(value) == ClaimPrefix + token;
}
