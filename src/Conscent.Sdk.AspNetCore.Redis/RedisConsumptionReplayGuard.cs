using System;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using StackExchange.Redis;

namespace Conscent.Sdk.AspNetCore.Redis;

/// <summary>
/// Makes each consumption id unlock content once across every instance that shares one Redis: the claim is a single
/// atomic <c>SET {prefix}{consumption id} 1 NX PX {window}</c>, so two instances verifying the same id at the same
/// moment cannot both accept it. Register it with <c>services.AddConscent(...).AddRedisConsumptionReplayGuard(...)</c>.
/// </summary>
/// <remarks>
/// Fails closed: when Redis cannot be reached the claim throws, <c>VerifyAsync</c> surfaces the exception, and the
/// unlock endpoint answers "try again later" instead of unlocking unchecked. Keys hold no reader data: only ConsCent's
/// consumption id.
/// </remarks>
public sealed class RedisConsumptionReplayGuard : IConsumptionReplayGuard
{
    /// <summary>The key prefix used unless another is given.</summary>
    public const string DefaultKeyPrefix = "conscent:consumption:";

    private readonly IConnectionMultiplexer _connection;
    private readonly string _prefix;
    private readonly int _database;

    /// <summary>Creates the guard over a connection the caller owns.</summary>
    /// <param name="connection">The shared connection.</param>
    /// <param name="keyPrefix">The prefix of every key this guard writes.</param>
    /// <param name="database">The Redis database number; -1 for the connection's default.</param>
    public RedisConsumptionReplayGuard(IConnectionMultiplexer connection, string keyPrefix = DefaultKeyPrefix, int database = -1)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
        _database = database;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryUseAsync(string consumptionId, TimeSpan window, CancellationToken cancellationToken)
    {
        if (consumptionId is null) throw new ArgumentNullException(nameof(consumptionId));
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan? expiry = window == Timeout.InfiniteTimeSpan ? null : window;
        return await _connection.GetDatabase(_database)
            .StringSetAsync(_prefix + consumptionId, 1, expiry, When.NotExists)
            .ConfigureAwait(false);
    }
}
