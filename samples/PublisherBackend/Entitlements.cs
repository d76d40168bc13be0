using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PublisherBackend;

/// <summary>One thing a reader may access: a subscription, a pass, a bundle or a single article.</summary>
/// <param name="Key">What is granted, e.g. <c>subscription:{id}</c>, <c>pass:{contentId}</c>, <c>content:{contentId}</c>.</param>
/// <param name="ExpiresAt">When access ends (null: ConsCent gave no date).</param>
/// <param name="Renews">False once the reader cancelled renewal (access lasts until <paramref name="ExpiresAt"/>).</param>
public sealed record Entitlement(string Key, DateTimeOffset? ExpiresAt, bool Renews = true);

/// <summary>
/// Who may read what, kept up to date by ConsCent's webhooks. In memory for the sample: use your database in production
/// (and make the writes idempotent: ConsCent may deliver a webhook more than once).
/// </summary>
public sealed class EntitlementStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Entitlement>> _byReader = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _readers = new(StringComparer.Ordinal);

    /// <summary>Records a reader ConsCent told us about (sign up, login), with when we last heard of them.</summary>
    public void TouchReader(string userId) => _readers[userId] = clock.GetUtcNow();

    /// <summary>Whether ConsCent told us about this reader.</summary>
    public bool KnowsReader(string userId) => _readers.ContainsKey(userId);

    /// <summary>Grants (or extends) access.</summary>
    public void Grant(string userId, string key, DateTimeOffset? expiresAt)
    {
        TouchReader(userId);
        _byReader.GetOrAdd(userId, _ => new(StringComparer.Ordinal))[key] = new Entitlement(key, expiresAt);
    }

    /// <summary>Marks every subscription of the reader (or the one given) as not renewing; access lasts until expiry.</summary>
    public void StopRenewal(string userId, string? subscriptionId)
    {
        if (!_byReader.TryGetValue(userId, out var grants)) return;
        foreach (var (key, grant) in grants)
        {
            if (key.StartsWith("subscription:", StringComparison.Ordinal) && (subscriptionId is null || key == "subscription:" + subscriptionId))
                grants[key] = grant with { Renews = false };
        }
    }

    /// <summary>The reader's entitlements that have not expired.</summary>
    public IReadOnlyList<Entitlement> ActiveFor(string userId)
    {
        var now = clock.GetUtcNow();
        return _byReader.TryGetValue(userId, out var grants)
            ? grants.Values.Where(g => g.ExpiresAt is null || g.ExpiresAt > now).OrderBy(g => g.Key, StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Whether the reader may currently access <paramref name="key"/>.</summary>
    public bool Has(string userId, string key) => ActiveFor(userId).Any(g => g.Key == key);
}
