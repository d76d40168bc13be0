using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Makes a consumption id unlock content once. ConsCent confirms a consumption id as often as it is asked, so an id
/// that leaks (shared in a chat, copied from a URL, logged by a proxy) would otherwise unlock the article for anyone
/// within <see cref="ConscentOptions.ConsumptionMaxAge"/>. With a guard, <see cref="IConsumptionClient.VerifyAsync"/>
/// reports a second use as <see cref="ConsumptionMismatch.AlreadyUsed"/>.
/// </summary>
/// <remarks>
/// Register one with <c>services.AddConscent(...).AddConsumptionReplayGuard()</c> (in memory: one process) or your own
/// implementation over a store every instance shares; an implementation must claim atomically (Redis <c>SET NX</c>,
/// a unique index), or two instances can both accept the same id at the same moment.
/// </remarks>
public interface IConsumptionReplayGuard
{
    /// <summary>
    /// Claims a verified consumption id. Returns <see langword="true"/> the first time the id is claimed within
    /// <paramref name="window"/>, <see langword="false"/> when it was already used.
    /// </summary>
    ValueTask<bool> TryUseAsync(string consumptionId, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>
/// The in-process <see cref="IConsumptionReplayGuard"/>: bounded (oldest entries dropped first past the capacity) and
/// expiring after the window. It protects one process; a scaled-out app needs a shared store.
/// </summary>
public sealed class InMemoryConsumptionReplayGuard : IConsumptionReplayGuard
{
    private readonly ConcurrentDictionary<string, long> _expiries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private readonly object _pruneLock = new();

    /// <summary>Creates the guard.</summary>
    /// <param name="capacity">The most ids remembered.</param>
    /// <param name="timeProvider">The clock (tests pass a fake one); default the system clock.</param>
    public InMemoryConsumptionReplayGuard(int capacity = 100_000, TimeProvider? timeProvider = null)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be at least 1.");
        _capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryUseAsync(string consumptionId, TimeSpan window, CancellationToken cancellationToken)
    {
        if (consumptionId is null) throw new ArgumentNullException(nameof(consumptionId));
        var now = _time.GetUtcNow().UtcTicks;
        var expiry = window == Timeout.InfiniteTimeSpan ? long.MaxValue : now + window.Ticks;
        var claimed = false;
        _expiries.AddOrUpdate(
            consumptionId,
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
