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
    public async Task Claimed_ThenCompleted_LaterCopiesAreAlreadyHandled_UntilTheWindowEnds(string name)
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
    public async Task AHeldClaim_IsInProgress_ForOthers_UntilItsLeaseEnds_ThenTakenOver(string name)
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
    public async Task Release_LetsTheNextCopyClaim(string name)
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
    public async Task AClaimCompletedAfterItsLease_IsStillRecorded_WhenNoOneTookItOver(string name)
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
    public async Task OnlyAClaimedClaim_CanBeCompletedOrReleased(string name)
    {
        var guard = Create(name, new ManualClock());
        await guard.ClaimAsync("a", Lease, None);
        var inProgress = await guard.ClaimAsync("a", Lease, None);
        inProgress.Token.Should().BeNull();
        await FluentActions.Awaiting(() => guard.CompleteAsync(inProgress, Window, None).AsTask()).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => guard.ReleaseAsync(WebhookClaim.AlreadyHandled("a"), None).AsTask()).Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public void Claim_ToString_ShowsTheStatusOnly() =>
        WebhookClaim.Claimed("SubscriptionPaymentWebhook:p-123", "t").ToString().Should().Be("WebhookClaim { Status = Claimed }");

    [Fact]
    public async Task InMemory_ConcurrentClaims_OnlyOneWins()
    {
        var guard = new InMemoryWebhookDeduplicator();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => guard.ClaimAsync("same", Lease, None).AsTask())));
        results.Count(r => r.Status == WebhookClaimStatus.Claimed).Should().Be(1);
        results.Count(r => r.Status == WebhookClaimStatus.InProgress).Should().Be(63);
    }

    [Fact]
    public async Task InMemory_IsBounded_ForgettingTheHandledDeliveriesThatExpireFirst()
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
    public async Task InMemory_NeverDropsAClaimInProgress_ToStayWithinItsCapacity()
    {
        var guard = new InMemoryWebhookDeduplicator(5, new ManualClock());
        for (var i = 0; i < 8; i++) (await guard.ClaimAsync("k" + i, Lease, None)).Status.Should().Be(WebhookClaimStatus.Claimed);
        guard.Count.Should().Be(8);
        for (var i = 0; i < 8; i++) (await guard.ClaimAsync("k" + i, Lease, None)).Status.Should().Be(WebhookClaimStatus.InProgress);
    }

    [Fact]
    public void InMemory_RejectsAZeroCapacity() =>
        FluentActions.Invoking(() => new InMemoryWebhookDeduplicator(0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public async Task DistributedCache_ReadsTheMarkerOfEarlierVersions_AsHandled()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        await cache.SetAsync(DistributedCacheWebhookDeduplicator.KeyPrefix + "a", new byte[] { 1 }, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window });
        var guard = new DistributedCacheWebhookDeduplicator(cache);
        (await guard.ClaimAsync("a", Lease, None)).Status.Should().Be(WebhookClaimStatus.AlreadyHandled);
    }

    [Fact]
    public async Task DistributedCache_StoresAClaim_ThenAHandledMarker_UnderItsPrefix()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var guard = new DistributedCacheWebhookDeduplicator(cache);
        var claim = await guard.ClaimAsync("a", Lease, None);
        Encoding.ASCII.GetString((await cache.GetAsync("conscent:webhook:a"))!).Should().Be("claim:" + claim.Token);
        await guard.CompleteAsync(claim, Window, None);
        Encoding.ASCII.GetString((await cache.GetAsync("conscent:webhook:a"))!).Should().Be("done");
    }
}
