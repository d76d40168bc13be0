namespace Conscent.Sdk.AspNetCore.Redis;

/// <summary>Where <see cref="RedisWebhookDeduplicator"/> keeps its keys. The lease, window and failure mode are <see cref="ConscentWebhookOptions"/>.</summary>
public sealed class RedisWebhookDeduplicatorOptions
{
    /// <summary>The prefix of every key (one per delivery). Default <c>conscent:webhook:</c>; set one per app when apps share a Redis.</summary>
    public string KeyPrefix { get; set; } = RedisWebhookDeduplicator.DefaultKeyPrefix;

    /// <summary>The Redis database number; default -1, the connection's default database.</summary>
    public int Database { get; set; } = -1;
}
