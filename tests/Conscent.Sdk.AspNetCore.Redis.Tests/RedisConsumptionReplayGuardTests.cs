using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using Conscent.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>A consumption id unlocks once across instances that share a real Redis.</summary>
public sealed class RedisConsumptionReplayGuardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync((await RedisServer.Shared).Configuration);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [RedisFact]
    public async Task Of_many_instances_claiming_one_id_at_once_exactly_one_wins_for_each_of_200_ids()
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ConnectionMultiplexer.ConnectAsync(_redis.Configuration)));
        try
        {
            var shared = "test:consumption:" + Guid.NewGuid().ToString("N") + ":";
            var guards = connections.Select(c => new RedisConsumptionReplayGuard(c, shared)).ToArray();
            var wins = 0;
            for (var id = 0; id < 200; id++)
            {
                var results = await Task.WhenAll(guards.SelectMany(g => Enumerable.Range(0, 2).Select(_ => g.TryUseAsync("c-" + id, TimeSpan.FromMinutes(5), CancellationToken.None).AsTask())));
                results.Count(r => r).Should().Be(1, $"id {id} was claimed by 6 callers on 3 connections at once");
                wins++;
            }
            Figures.Report(output, $"200 ids × 6 concurrent claims on 3 connections: {wins} claimed exactly once, 0 twice.");
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task The_claim_expires_with_the_window()
    {
        var guard = new RedisConsumptionReplayGuard(_redis, "test:consumption:" + Guid.NewGuid().ToString("N") + ":");

        (await guard.TryUseAsync("c1", TimeSpan.FromMilliseconds(200), CancellationToken.None)).Should().BeTrue();
        (await guard.TryUseAsync("c1", TimeSpan.FromMilliseconds(200), CancellationToken.None)).Should().BeFalse();
        var reclaimed = false;
        for (var i = 0; i < 50 && !reclaimed; i++)
        {
            await Task.Delay(50);
            reclaimed = await guard.TryUseAsync("c1", TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
        reclaimed.Should().BeTrue("the key lives only as long as the id could still verify");
    }

    [RedisFact]
    public async Task Two_app_instances_sharing_Redis_unlock_a_shared_consumption_id_once()
    {
        using var simulator = new ConscentSimulator();
        var prefix = "test:consumption:" + Guid.NewGuid().ToString("N") + ":";
        ServiceProvider Instance()
        {
            var services = new ServiceCollection();
            services.AddConscent(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.ClientId = "c"; }).AddRedisConsumptionReplayGuard(_redis, prefix);
            services.AddConscentSimulator(simulator);
            return services.BuildServiceProvider();
        }
        using var a = Instance();
        using var b = Instance();
        var id = simulator.IssueConsumption("budget-2026");

        var results = await Task.WhenAll(
            a.GetRequiredService<IConsumptionClient>().VerifyAsync(id, "budget-2026"),
            b.GetRequiredService<IConsumptionClient>().VerifyAsync(id, "budget-2026"));

        results.Count(r => r.IsValid).Should().Be(1);
        results.Single(r => !r.IsValid).Mismatches.Should().Be(ConsumptionMismatch.AlreadyUsed);
    }

    [RedisFact]
    public async Task The_guard_can_take_the_apps_own_connection_from_the_services_and_leaves_it_open()
    {
        using var simulator = new ConscentSimulator();
        var prefix = "test:consumption:" + Guid.NewGuid().ToString("N") + ":";
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(_redis);
        services.AddConscent(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.ClientId = "c"; })
            .AddRedisConsumptionReplayGuard(sp => sp.GetRequiredService<IConnectionMultiplexer>(), prefix);
        services.AddConscentSimulator(simulator);
        var id = simulator.IssueConsumption("budget-2026");

        await using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IConsumptionReplayGuard>().Should().BeOfType<RedisConsumptionReplayGuard>();
            var consumption = provider.GetRequiredService<IConsumptionClient>();
            (await consumption.VerifyAsync(id, "budget-2026")).IsValid.Should().BeTrue();
            (await consumption.VerifyAsync(id, "budget-2026")).Mismatches.Should().Be(ConsumptionMismatch.AlreadyUsed);
        }

        (await _redis.GetDatabase().KeyExistsAsync(prefix + id)).Should().BeTrue("the claim is in the shared Redis, under the given prefix");
        _redis.IsConnected.Should().BeTrue("the guard does not dispose a connection it was given");
    }
}
