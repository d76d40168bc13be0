using System;

namespace Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis. On a developer's machine with no Redis (no <c>CONSCENT_REDIS</c>, no
/// <c>redis-server</c> on PATH) it is skipped with the way to get one, so the README's <c>dotnet test</c> passes on a
/// machine that has only the .NET SDK. In CI (<c>CI=true</c>) it is never skipped: <c>.ci/run</c> installs and starts
/// Redis, and a missing one fails loudly.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>The <see cref="RedisFactAttribute"/> rule for theories.</summary>
public sealed class RedisTheoryAttribute : TheoryAttribute
{
    public RedisTheoryAttribute()
    {
        if (RedisServer.SkipReason is { } reason) Skip = reason;
    }
}
