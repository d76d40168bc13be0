using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Conscent.Sdk.AspNetCore;

/// <summary>
/// Remembers which webhook deliveries were handled, so a redelivery of the same purchase does not run your handler twice
/// (ConsCent documents no retry or idempotency rules for webhooks; see docs/rulings.md#webhooks-receiver-contract). Keys are <c>{payload type}:{delivery id}</c>.
/// </summary>
public interface IConscentWebhookDeduplicator
{
    /// <summary>
    /// Claims a delivery. Returns <see langword="true"/> the first time a key is seen within <paramref name="window"/>
    /// (handle it), <see langword="false"/> for a duplicate (skip it).
    /// </summary>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Forgets a claim because the handler failed, so ConsCent's redelivery is handled.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}

/// <summary>
/// The default guard: in process memory, bounded (oldest entries dropped first past the capacity) and expiring after the
/// window. Duplicates that reach another instance of a scaled-out app are not caught: use
/// <see cref="DistributedCacheWebhookDeduplicator"/> there.
/// </summary>
public sealed class InMemoryWebhookDeduplicator : IConscentWebhookDeduplicator
{
    private readonly ConcurrentDictionary<string, long> _expiries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly object _pruneLock = new();

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
    public int Count => _expiries.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var now = _time.GetUtcNow().UtcTicks;
        var expiry = now + window.Ticks;
        var claimed = false;
        _expiries.AddOrUpdate(
            key,
            _ => { claimed = true; return expiry; },
            (_, existing) =>
            {
                if (existing > now) { claimed = false; return existing; }
                claimed = true;
                return expiry;
            });
        if (claimed && _expiries.Count > _capacity) Prune(now);
        return new ValueTask<bool>(claimed);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        if (key is not null) _expiries.TryRemove(key, out _);
        return default;
    }

    private void Prune(long now)
    {
        lock (_pruneLock)
        {
            foreach (var entry in _expiries)
            {
                if (entry.Value <= now) _expiries.TryRemove(entry.Key, out _);
            }
            var excess = _expiries.Count - _capacity;
            if (excess <= 0) return;
            foreach (var entry in _expiries.OrderBy(e => e.Value).Take(excess).ToList())
                _expiries.TryRemove(entry.Key, out _);
        }
    }
}

/// <summary>
/// A guard shared by every instance of a scaled-out app, over <see cref="IDistributedCache"/> (Redis, SQL Server, …).
/// <see cref="IDistributedCache"/> has no atomic "add if absent", so two copies of one delivery arriving at the same
/// moment on two instances can both run; sequential redeliveries, the common case, are caught.
/// </summary>
public sealed class DistributedCacheWebhookDeduplicator : IConscentWebhookDeduplicator
{
    /// <summary>The prefix of every cache key this guard writes.</summary>
    public const string KeyPrefix = "conscent:webhook:";

    private static readonly byte[] Marker = { 1 };
    private readonly IDistributedCache _cache;

    /// <summary>Creates the guard over a cache.</summary>
    public DistributedCacheWebhookDeduplicator(IDistributedCache cache) => _cache = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <inheritdoc />
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        var cacheKey = KeyPrefix + key;
        if (await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is not null) return false;
        await _cache.SetAsync(cacheKey, Marker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        if (key is null) return;
        await _cache.RemoveAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
    }
}
