using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace Conscent.Sdk.AspNetCore.Redis.Tests;

/// <summary>The claim contract on a real Redis (no mock): what each script leaves in Redis, and what each call answers.</summary>
public sealed class RedisDeduplicatorTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _redis = null!;
    private RedisWebhookDeduplicator _guard = null!;

    public async Task InitializeAsync()
    {
        var server = await RedisServer.Shared;
        _redis = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        _guard = new RedisWebhookDeduplicator(_redis, new RedisWebhookDeduplicatorOptions { KeyPrefix = _prefix });
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private IDatabase Db => _redis.GetDatabase();

    [RedisFact]
    public async Task Claim_is_SetNxPx_with_the_claims_token_and_the_lease_as_its_expiry()
    {
        var claim = await _guard.ClaimAsync("SubscriptionPaymentWebhook:p1", TimeSpan.FromSeconds(90), None);

        claim.Status.Should().Be(WebhookClaimStatus.Claimed);
        claim.Token.Should().MatchRegex("^[0-9a-f]{32}$");
        var key = _prefix + "SubscriptionPaymentWebhook:p1";
        _guard.RedisKeyOf("SubscriptionPaymentWebhook:p1").Should().Be(key);
        ((string?)await Db.StringGetAsync(key)).Should().Be(claim.Token);
        var ttl = await Db.KeyTimeToLiveAsync(key);
        ttl.Should().NotBeNull();
        ttl!.Value.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(90));
    }

    [RedisFact]
    public async Task Complete_stores_the_handled_marker_for_the_window_and_later_copies_are_already_handled()
    {
        var claim = await _guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None);
        (await _guard.CompleteAsync(claim, TimeSpan.FromDays(3), None)).Should().BeTrue();

        ((string?)await Db.StringGetAsync(_prefix + "k")).Should().Be(RedisWebhookDeduplicator.HandledPrefix + claim.Token);
        (await Db.KeyTimeToLiveAsync(_prefix + "k"))!.Value.Should().BeGreaterThan(TimeSpan.FromDays(2), "the window replaces the lease");
        (await _guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
        (await _guard.CompleteAsync(claim, TimeSpan.FromDays(3), None)).Should().BeTrue("completing again (a retry after a lost reply) is not a lost lease");
    }

    [RedisFact]
    public async Task A_held_claim_is_in_progress_and_release_lets_the_next_copy_claim()
    {
        var first = await _guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None);
        (await _guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None)).Status.Should().Be(WebhookClaimStatus.InProgress);

        await _guard.ReleaseAsync(first, None);
        (await Db.KeyExistsAsync(_prefix + "k")).Should().BeFalse();
        var second = await _guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None);
        second.Status.Should().Be(WebhookClaimStatus.Claimed);

        await _guard.ReleaseAsync(first, None); // a stale release never deletes another claim
        ((string?)await Db.StringGetAsync(_prefix + "k")).Should().Be(second.Token);
    }

    [RedisFact]
    public async Task A_crashed_claim_ends_with_its_lease_and_is_taken_over_and_its_late_calls_touch_nothing()
    {
        var lease = TimeSpan.FromMilliseconds(300);
        var dead = await _guard.ClaimAsync("k", lease, None); // its instance died: never completed nor released

        WebhookClaim next;
        var polls = 0;
        do
        {
            polls++;
            next = await _guard.ClaimAsync("k", lease, None);
            if (next.Status != WebhookClaimStatus.Claimed) await Task.Delay(50);
        }
        while (next.Status != WebhookClaimStatus.Claimed && polls < 200);

        next.Status.Should().Be(WebhookClaimStatus.Claimed, "Redis expired the dead claim");
        (await _guard.CompleteAsync(dead, TimeSpan.FromDays(1), None)).Should().BeFalse("the dead claim lost the delivery");
        await _guard.ReleaseAsync(dead, None);
        ((string?)await Db.StringGetAsync(_prefix + "k")).Should().Be(next.Token);
        (await _guard.CompleteAsync(next, TimeSpan.FromDays(1), None)).Should().BeTrue();
        (await _guard.CompleteAsync(dead, TimeSpan.FromDays(1), None)).Should().BeFalse();
        ((string?)await Db.StringGetAsync(_prefix + "k")).Should().Be("done:" + next.Token);
    }

    [RedisFact]
    public async Task Many_concurrent_claims_from_several_connections_only_one_wins()
    {
        var server = await RedisServer.Shared;
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ConnectionMultiplexer.ConnectAsync(server.Configuration)));
        try
        {
            var guards = connections.Select(c => new RedisWebhookDeduplicator(c, new RedisWebhookDeduplicatorOptions { KeyPrefix = _prefix })).ToArray();
            for (var round = 0; round < 20; round++)
            {
                var key = "race-" + round;
                var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => guards[i % 3].ClaimAsync(key, TimeSpan.FromSeconds(30), None).AsTask())));
                results.Count(r => r.Status == WebhookClaimStatus.Claimed).Should().Be(1);
                results.Count(r => r.Status == WebhookClaimStatus.InProgress).Should().Be(29);
            }
        }
        finally
        {
            foreach (var c in connections) await c.DisposeAsync();
        }
    }

    [RedisFact]
    public async Task The_database_option_is_honoured()
    {
        var guard = new RedisWebhookDeduplicator(_redis, new RedisWebhookDeduplicatorOptions { KeyPrefix = _prefix, Database = 3 });
        var claim = await guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None);
        ((string?)await _redis.GetDatabase(3).StringGetAsync(_prefix + "k")).Should().Be(claim.Token);
        (await Db.KeyExistsAsync(_prefix + "k")).Should().BeFalse();
    }

    [RedisFact]
    public async Task Only_a_claimed_claim_can_be_completed_or_released_and_arguments_are_checked()
    {
        await FluentActions.Awaiting(() => _guard.CompleteAsync(WebhookClaim.InProgress("k"), TimeSpan.FromDays(1), None).AsTask()).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => _guard.ReleaseAsync(WebhookClaim.AlreadyHandled("k"), None).AsTask()).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => _guard.ClaimAsync("k", TimeSpan.Zero, None).AsTask()).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => _guard.ClaimAsync("k", TimeSpan.FromSeconds(1), new CancellationToken(true)).AsTask()).Should().ThrowAsync<OperationCanceledException>();
        (await Db.KeyExistsAsync(_prefix + "k")).Should().BeFalse("a cancelled claim sends nothing");
        FluentActions.Invoking(() => new RedisWebhookDeduplicator(_redis, new RedisWebhookDeduplicatorOptions { KeyPrefix = null! })).Should().Throw<ArgumentException>();
    }

    [RedisFact]
    public async Task An_unreachable_Redis_throws_at_once()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1"); // nothing listens on port 1
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 1000;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var guard = new RedisWebhookDeduplicator(unreachable);

        await FluentActions.Awaiting(() => guard.ClaimAsync("k", TimeSpan.FromSeconds(30), None).AsTask()).Should().ThrowAsync<RedisConnectionException>();
    }

    [RedisFact]
    public async Task The_guard_disposes_only_a_connection_it_made()
    {
        var server = await RedisServer.Shared;
        var theirs = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        new RedisWebhookDeduplicator(theirs).Dispose();
        theirs.IsConnected.Should().BeTrue();
        var ours = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        new RedisWebhookDeduplicator(ours, null, ownsConnection: true).Dispose();
        ours.IsConnected.Should().BeFalse();
        await theirs.DisposeAsync();
    }
}
