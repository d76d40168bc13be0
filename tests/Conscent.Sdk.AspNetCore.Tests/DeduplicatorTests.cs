using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>The claim contract, for each guard that ships in this package (the Redis guard has its own project).</summary>
public class DeduplicatorTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly CancellationToken None = CancellationToken.None;

    private sealed class ManualClock : TimeProvider, ISystemClock
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public DateTimeOffset UtcNow => Now;
    }

    public static TheoryData<string> Guards => new() { "in-memory", "distributed-cache" };

    private static IConscentWebhookDeduplicator Create(string guard, ManualClock clock) => guard switch
    {
        "in-memory" => new InMemoryWebhookDeduplicator(100, clock),
        _ => new DistributedCacheWebhookDeduplicator(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { Clock = clock }))),
    };

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task Claimed_then_completed_later_copies_are_already_handled_until_the_window_ends(string name)
    {
        var clock = new ManualClock();
        var guard = Create(name, clock);

        var claim = await guard.ClaimAsync("a", Lease, None);
        claim.Status.Should().Be(WebhookClaimStatus.Claimed);
        claim.Token.Should().NotBeNullOrEmpty();
        (await guard.ClaimAsync("b", Lease, None)).Status.Should().Be(WebhookClaimStatus.Claimed, "another delivery");
        (await guard.CompleteAsync(claim, Window, None)).Should().BeTrue();

        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
        clock.Now += TimeSpan.FromMinutes(59);
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled, "the window is longer than the lease");
        clock.Now += TimeSpan.FromMinutes(2);
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.Claimed, "the window has passed");
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task A_held_claim_is_in_progress_for_others_until_its_lease_ends_then_taken_over(string name)
    {
        var clock = new ManualClock();
        var guard = Create(name, clock);

        var dead = await guard.ClaimAsync("a", Lease, None); // its instance dies: never completed nor released
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);
        clock.Now += Lease - TimeSpan.FromSeconds(1);
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);

        clock.Now += TimeSpan.FromSeconds(2);
        var next = await guard.ClaimAsync("a", Lease, None);
        next.Status.Should().Be(WebhookClaimStatus.Claimed, "a crashed instance's claim ends with its lease");
        next.Token.Should().NotBe(dead.Token);

        await guard.ReleaseAsync(dead, None); // a late release from the old claimant touches nothing
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);
        (await guard.CompleteAsync(dead, Window, None)).Should().BeFalse("the old claim was lost");
        (await guard.CompleteAsync(next, Window, None)).Should().BeTrue();
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
        (await guard.CompleteAsync(dead, Window, None)).Should().BeFalse("another claim recorded it");
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task Release_lets_the_next_copy_claim(string name)
    {
        var guard = Create(name, new ManualClock());
        var first = await guard.ClaimAsync("a", Lease, None);
        await guard.ReleaseAsync(first, None);
        var second = await guard.ClaimAsync("a", Lease, None);
        second.Status.Should().Be(WebhookClaimStatus.Claimed);
        await guard.ReleaseAsync(first, None); // released twice: the second claim stays
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task A_claim_completed_after_its_lease_is_still_recorded_when_no_one_took_it_over(string name)
    {
        var clock = new ManualClock();
        var guard = Create(name, clock);
        var claim = await guard.ClaimAsync("a", Lease, None);
        clock.Now += Lease + Lease;
        (await guard.CompleteAsync(claim, Window, None)).Should().BeTrue();
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public async Task Only_a_claimed_claim_can_be_completed_or_released(string name)
    {
        var guard = Create(name, new ManualClock());
        await guard.ClaimAsync("a", Lease, None);
        var inProgress = await guard.ClaimAsync("a", Lease, None);
        inProgress.Token.Should().BeNull();
        await FluentActions.Awaiting(() => guard.CompleteAsync(inProgress, Window, None).AsTask()).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => guard.ReleaseAsync(WebhookClaim.AlreadyHandled("a"), None).AsTask()).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public void Claim_ToString_shows_the_status_only() =>
        WebhookClaim.Claimed("SubscriptionPaymentWebhook:p-123", "t").ToString().Should().Be("WebhookClaim { Status = Claimed }");

    [Fact]
    public async Task In_memory_concurrent_claims_only_one_wins()
    {
        var guard = new InMemoryWebhookDeduplicator();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.ClaimAsync("same", Lease, None).AsTask())));
        results.Count(r => r.Status == WebhookClaimStatus.Claimed).Should().Be(1);
        results.Count(r => r.Status == WebhookClaimStatus.InProgress).Should().Be(63);
    }

    [Fact]
    public async Task In_memory_is_bounded_forgetting_the_handled_deliveries_that_expire_first()
    {
        var clock = new ManualClock();
        var guard = new InMemoryWebhookDeduplicator(10, clock);
        for (var i = 0; i < 25; i++)
        {
            clock.Now += TimeSpan.FromSeconds(1);
            var claim = await guard.ClaimAsync("k" + i, Lease, None);
            claim.Status.Should().Be(WebhookClaimStatus.Claimed);
            (await guard.CompleteAsync(claim, TimeSpan.FromDays(1), None)).Should().BeTrue();
        }
        guard.Count.Should().BeLessThanOrEqualTo(10);
        (await guard.ClaimAsync("k24", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled, "the newest are kept");
        (await guard.ClaimAsync("k0", Lease, None)).Status.Should().Be(WebhookClaimStatus.Claimed, "the oldest were dropped");
    }

    [Fact]
    public async Task In_memory_never_drops_a_claim_in_progress_to_stay_within_its_capacity()
    {
        var guard = new InMemoryWebhookDeduplicator(5, new ManualClock());
        for (var i = 0; i < 8; i++) (await guard.ClaimAsync("k" + i, Lease, None)).Status.Should().Be(WebhookClaimStatus.Claimed);
        guard.Count.Should().Be(8);
        for (var i = 0; i < 8; i++) (await guard.ClaimAsync("k" + i, Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);
    }

    [Fact]
    public void In_memory_rejects_a_zero_capacity() =>
        FluentActions.Invoking(() => new InMemoryWebhookDeduplicator(0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public async Task Distributed_cache_reads_the_marker_of_earlier_versions_as_handled()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await cache.SetAsync(DistributedCacheWebhookDeduplicator.KeyPrefix + "a", new byte[] { 1 }, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window });
        var guard = new DistributedCacheWebhookDeduplicator(cache);
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
    }

    [Fact]
    public async Task Distributed_cache_stores_a_claim_then_a_handled_marker_under_its_prefix()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var guard = new DistributedCacheWebhookDeduplicator(cache);
        var claim = await guard.ClaimAsync("a", Lease, None);
        Encoding.ASCII.GetString((await cache.GetAsync("conscent:webhook:a"))!).Should().Be("claim:" + claim.Token);
        await guard.CompleteAsync(claim, Window, None);
        Encoding.ASCII.GetString((await cache.GetAsync("conscent:webhook:a"))!).Should().Be("done");
    }
}
