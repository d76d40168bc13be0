using System;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>One line of wiring, each overload; and what a delivery gets when Redis cannot be reached.</summary>
public sealed class WiringTests
{
    private readonly ITestOutputHelper _output;

    public WiringTests(ITestOutputHelper output) => _output = output;

    [RedisFact]
    public async Task AddRedisDeduplication_from_a_configuration_string_makes_and_owns_the_connection()
    {
        var server = await RedisServer.Shared;
        var services = new ServiceCollection();
        services.AddConscentWebhooks().AddRedisDeduplication(server.Configuration, o => o.KeyPrefix = "wiring:");
        RedisWebhookDeduplicator guard;
        await using (var provider = services.BuildServiceProvider())
        {
            guard = provider.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType<RedisWebhookDeduplicator>().Subject;
            guard.RedisKeyOf("k").Should().Be("wiring:k");
            guard.Connection.IsConnected.Should().BeTrue();
        }
        guard.Connection.IsConnected.Should().BeFalse("the app's container disposed the connection the guard made");
    }

    [RedisFact]
    public async Task AddRedisDeduplication_with_a_connection_or_from_the_services_leaves_it_open()
    {
        var server = await RedisServer.Shared;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration);

        var services = new ServiceCollection();
        services.AddConscentWebhooks().AddRedisDeduplication(connection);
        await using (var provider = services.BuildServiceProvider())
            provider.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType<RedisWebhookDeduplicator>().Which.Connection.Should().BeSameAs(connection);

        var fromServices = new ServiceCollection();
        fromServices.AddSingleton<IConnectionMultiplexer>(connection);
        fromServices.AddConscentWebhooks().AddRedisDeduplication(sp => sp.GetRequiredService<IConnectionMultiplexer>(), o => o.Database = 2);
        await using (var provider = fromServices.BuildServiceProvider())
            provider.GetRequiredService<IConscentWebhookDeduplicator>().Should().BeOfType<RedisWebhookDeduplicator>().Which.Connection.Should().BeSameAs(connection);

        connection.IsConnected.Should().BeTrue();
    }

    [RedisFact]
    public void AddRedisDeduplication_checks_its_arguments()
    {
        var builder = new ServiceCollection().AddConscentWebhooks();
        FluentActions.Invoking(() => builder.AddRedisDeduplication(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => builder.AddRedisDeduplication((IConnectionMultiplexer)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => builder.AddRedisDeduplication("localhost:6379", o => o.KeyPrefix = null!)).Should().Throw<ArgumentException>();
    }

    [RedisFact]
    public async Task Redis_unreachable_fails_closed_503_and_no_handler_runs()
    {
        var ledger = new Ledger();
        // Nothing listens on port 1: the app still starts (abortConnect=false), and every delivery is told to come back.
        await using var instance = await WebhookInstance.StartAsync(0, ledger, b => b.AddRedisDeduplication("127.0.0.1:1,connectTimeout=1000"));
        using var conscent = new Deliverer(ledger);
        var deliveries = Enumerable.Range(0, 5).Select(i => Delivery.Create("closed-" + Guid.NewGuid().ToString("N"), i)).ToList();

        foreach (var delivery in deliveries) (await conscent.SendAsync(delivery, instance)).Should().Be(503);

        ledger.TotalRuns.Should().Be(0, "no handler runs without a claim");
        var logs = instance.Logs.GetSnapshot();
        logs.Where(r => r.Id.Id == 2112).Should().HaveCount(5).And.OnlyContain(r => r.Message.Contains("StackExchange.Redis.RedisConnectionException") && r.Message.Contains("fail closed"));
        logs.Should().NotContain(r => r.Message.Contains("closed-") || r.Message.Contains("@example.com") || r.Message.Contains("127.0.0.1:1"));
        Figures.Report(_output, $"Redis unreachable, fail closed: {conscent.DescribeAnswers()}; handler runs {ledger.TotalRuns}");
    }

    [RedisFact]
    public async Task Redis_unreachable_fail_open_runs_the_handler()
    {
        var ledger = new Ledger();
        await using var instance = await WebhookInstance.StartAsync(0, ledger, b => b.AddRedisDeduplication("127.0.0.1:1,connectTimeout=1000"),
            o => o.DeduplicationFailureMode = WebhookDeduplicationFailureMode.FailOpen);
        using var conscent = new Deliverer(ledger);
        var delivery = Delivery.Create("open-" + Guid.NewGuid().ToString("N"), 0);

        (await conscent.SendAsync(delivery, instance)).Should().Be(200);
        (await conscent.SendAsync(delivery, instance)).Should().Be(200);

        ledger.Of(delivery.PurchaseId).Successes.Should().Be(2, "fail open trades duplicates for availability");
        instance.Logs.GetSnapshot().Where(r => r.Id.Id == 2113).Should().HaveCount(2);
    }
}
