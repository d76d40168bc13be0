using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Conscent.Sdk.AspNetCore.Redis;

/// <summary>
/// The duplicate-delivery guard on Redis, shared by every instance of a scaled-out app: each webhook delivery's handler
/// runs once across all of them.
/// </summary>
/// <remarks>
/// <para>One key per delivery, <c>{KeyPrefix}{payload type}:{delivery id}</c>, changed only by atomic Lua scripts
/// (one round trip each):</para>
/// <list type="bullet">
/// <item><b>Claim</b>: <c>SET key token NX PX lease</c>. Set: <see cref="WebhookClaimStatus.Claimed"/>. Not set, and the
/// value starts with <see cref="HandledPrefix"/>: <see cref="WebhookClaimStatus.AlreadyHandled"/>; another claim's token:
/// <see cref="WebhookClaimStatus.InProgress"/>. The token is random per claim.</item>
/// <item><b>Complete</b>: when the key still holds this claim's token, or nothing (the lease ended and no one took over),
/// or this claim's own record (a retry after a lost reply), <c>SET key done:token PX window</c>; otherwise nothing, and
/// <see langword="false"/> (the lease was lost).</item>
/// <item><b>Release</b>: <c>DEL key</c> only when it still holds this claim's token.</item>
/// </list>
/// <para>A claim whose process died ends with its lease (Redis expires the key). When Redis cannot be reached, the calls
/// throw (<see cref="RedisException"/> and kin): the endpoint then answers 503 and runs no handler, unless
/// <see cref="ConscentWebhookOptions.DeduplicationFailureMode"/> is <see cref="WebhookDeduplicationFailureMode.FailOpen"/>.
/// Redis must keep what it acknowledged across a restart (AOF, or a replica that takes over) for "handled" to be
/// remembered: a Redis restarted empty forgets which deliveries were handled.</para>
/// <para>Cancellation is checked before a command is sent, never after: a claim Redis has made is not abandoned
/// half-way (StackExchange.Redis bounds each command by its own timeouts).</para>
/// </remarks>
public sealed class RedisWebhookDeduplicator : IConscentWebhookDeduplicator, IDisposable
{
    /// <summary>The key prefix used unless <see cref="RedisWebhookDeduplicatorOptions.KeyPrefix"/> says otherwise.</summary>
    public const string DefaultKeyPrefix = "conscent:webhook:";

    /// <summary>
    /// How the value of a delivery's key starts once its handler succeeded: <c>done:{token of the claim that ran it}</c>.
    /// A claim's value is its 32-hex-digit token.
    /// </summary>
    public const string HandledPrefix = "done:";

    // 1 claimed, 2 already handled, 3 in progress.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        local v = redis.call('GET', KEYS[1])
        if v and string.sub(v, 1, string.len(ARGV[3])) == ARGV[3] then return 2 end
        return 3
        """;

    // 1 recorded (idempotent: a retry whose first reply was lost finds its own record); 0 the key belongs to another
    // claim or was recorded by one (the lease was lost).
    private const string CompleteScript = """
        local v = redis.call('GET', KEYS[1])
        if not v or v == ARGV[1] or v == ARGV[2] then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly string _keyPrefix;
    private readonly int _database;

    /// <summary>Creates the guard over a connection you own (it is not disposed with the guard).</summary>
    /// <param name="redis">The connection, typically the app's shared <see cref="IConnectionMultiplexer"/>.</param>
    /// <param name="options">Key prefix and database; defaults when null.</param>
    public RedisWebhookDeduplicator(IConnectionMultiplexer redis, RedisWebhookDeduplicatorOptions? options = null)
        : this(redis, options, ownsConnection: false)
    {
    }

    internal RedisWebhookDeduplicator(IConnectionMultiplexer redis, RedisWebhookDeduplicatorOptions? options, bool ownsConnection)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        options ??= new RedisWebhookDeduplicatorOptions();
        if (options.KeyPrefix is null) throw new ArgumentException("RedisWebhookDeduplicatorOptions.KeyPrefix must not be null.", nameof(options));
        _keyPrefix = options.KeyPrefix;
        _database = options.Database;
        _ownsConnection = ownsConnection;
    }

    /// <summary>The connection the guard uses.</summary>
    public IConnectionMultiplexer Connection => _redis;

    /// <summary>The Redis key of a delivery's guard key (the prefix plus the key).</summary>
    /// <param name="key">The delivery's key, <c>{payload type}:{delivery id}</c>.</param>
    public string RedisKeyOf(string key) => _keyPrefix + (key ?? throw new ArgumentNullException(nameof(key)));

    /// <inheritdoc />
    public async ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), "The lease must be positive.");
        cancellationToken.ThrowIfCancellationRequested();
        var token = WebhookClaim.NewToken();
        var result = await Database.ScriptEvaluateAsync(ClaimScript, new RedisKey[] { RedisKeyOf(key) }, new RedisValue[] { token, Milliseconds(lease), HandledPrefix }).ConfigureAwait(false);
        return (int)result switch
        {
            1 => WebhookClaim.Claimed(key, token),
            2 => WebhookClaim.AlreadyHandled(key),
            _ => WebhookClaim.InProgress(key),
        };
    }

    /// <inheritdoc />
    public async ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = Token(claim);
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
        cancellationToken.ThrowIfCancellationRequested();
        var result = await Database.ScriptEvaluateAsync(CompleteScript, new RedisKey[] { RedisKeyOf(claim.Key) }, new RedisValue[] { token, HandledPrefix + token, Milliseconds(window) }).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null) throw new ArgumentNullException(nameof(claim));
        var token = Token(claim);
        cancellationToken.ThrowIfCancellationRequested();
        await Database.ScriptEvaluateAsync(ReleaseScript, new RedisKey[] { RedisKeyOf(claim.Key) }, new RedisValue[] { token }).ConfigureAwait(false);
    }

    /// <summary>Disposes the connection when the guard made it (<c>AddRedisDeduplication("host:port")</c>); never one you passed in.</summary>
    public void Dispose()
    {
        if (_ownsConnection) _redis.Dispose();
    }

    private IDatabase Database => _redis.GetDatabase(_database);

    private static string Token(WebhookClaim claim) =>
        claim.Status == WebhookClaimStatus.Claimed && !string.IsNullOrEmpty(claim.Token) ? claim.Token! : throw new ArgumentException("Only a Claimed claim can be completed or released.", nameof(claim));

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
