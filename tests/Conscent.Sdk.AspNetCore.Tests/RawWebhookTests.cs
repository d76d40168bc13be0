using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>MapConscentRawWebhook through a real Kestrel host: the typed webhooks' checks, a JSON body, caller-keyed dedup.</summary>
public sealed class RawWebhookTests
{
    private const string PointsEvent = "{\"eventId\":\"evt-1\",\"event\":\"POINTS_EARNED\",\"points\":25,\"user\":{\"id\":\"u-9\"}}";

    private static readonly ConscentRawWebhookOptions ByEventId = new()
    {
        DeduplicationKey = body => body.TryGetProperty("eventId", out var id) ? id.GetString() : null,
    };

    private static Uri Url(WebhookHost host, string path) => new(host.Client.BaseAddress!, path);

    private static Task<WebhookHost> Start(ConcurrentQueue<ConscentRawWebhook> received, ConscentRawWebhookOptions? options = null, Action<ConscentWebhookOptions>? configure = null) =>
        WebhookHost.StartAsync(app => app.MapConscentRawWebhook("/hooks/points", (webhook, _) =>
        {
            received.Enqueue(webhook);
            return Task.CompletedTask;
        }, options), configure);

    [Fact]
    public async Task Good_credentials_hand_the_json_body_to_the_handler()
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received, ByEventId);
        using var sender = new ConscentWebhookSender(WebhookHost.ApiKey, WebhookHost.ApiSecret);

        using var response = await sender.SendAsync(Url(host, "/hooks/points"), PointsEvent);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var webhook = received.Should().ContainSingle().Subject;
        webhook.Body.GetProperty("event").GetString().Should().Be("POINTS_EARNED");
        webhook.Body.GetProperty("points").GetInt32().Should().Be(25);
        webhook.Body.GetProperty("user").GetProperty("id").GetString().Should().Be("u-9", "the body stays readable after the request's buffer is reused");
        webhook.DeduplicationKey.Should().Be("evt-1");
        webhook.AccountName.Should().BeNull();
        webhook.ToString().Should().NotContain("u-9").And.NotContain("POINTS_EARNED");
    }

    [Theory]
    [InlineData("Basic d3Jvbmc6Y3JlZGVudGlhbHM=")]
    [InlineData("Bearer abc")]
    [InlineData(null)]
    public async Task Wrong_or_missing_credentials_get_401_and_the_handler_is_not_called(string? authorization)
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received);

        using var response = await host.PostAsync("/hooks/points", PointsEvent, authorization);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_with_or_without_a_content_length()
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received, configure: o => o.MaxBodyBytes = 1024);
        var big = "{\"eventId\":\"evt-big\",\"padding\":\"" + new string('x', 4096) + "\"}";

        using var withLength = await host.PostAsync("/hooks/points", big);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/hooks/points") { Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big))) };
        chunked.Headers.TryAddWithoutValidation("Authorization", WebhookHost.Authorization);
        using var withoutLength = await host.Client.SendAsync(chunked);

        withLength.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        withoutLength.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"eventId\":", "InvalidJson")]
    [InlineData("not json", "InvalidJson")]
    [InlineData("", "InvalidJson")]
    [InlineData("[1,2]", "NotAnObject")]
    [InlineData("\"just a string\"", "NotAnObject")]
    [InlineData("{}{}", "InvalidJson")]
    public async Task A_body_that_is_not_one_json_object_gets_400_naming_why_and_the_handler_is_not_called(string body, string reason)
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received, ByEventId);

        using var response = await host.PostAsync("/hooks/points", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be(reason);
        received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_duplicate_id_runs_the_handler_once_and_another_id_runs_it_again()
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received, ByEventId);
        using var sender = new ConscentWebhookSender(WebhookHost.ApiKey, WebhookHost.ApiSecret);

        for (var copy = 0; copy < 3; copy++)
            (await sender.SendAsync(Url(host, "/hooks/points"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK, "a duplicate is acknowledged");
        (await sender.SendAsync(Url(host, "/hooks/points"), PointsEvent.Replace("evt-1", "evt-2", StringComparison.Ordinal))).StatusCode.Should().Be(HttpStatusCode.OK);

        received.Select(w => w.DeduplicationKey).Should().Equal("evt-1", "evt-2");
        host.Logs.GetSnapshot().Should().Contain(l => l.Id.Id == 2104, "the duplicates were recognised");
    }

    [Fact]
    public async Task Without_a_deduplication_key_or_without_an_id_every_delivery_runs_the_handler()
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        var noId = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await WebhookHost.StartAsync(app =>
        {
            app.MapConscentRawWebhook("/hooks/points", (w, _) => { received.Enqueue(w); return Task.CompletedTask; });
            app.MapConscentRawWebhook("/hooks/keyed", (w, _) => { noId.Enqueue(w); return Task.CompletedTask; }, ByEventId);
        });

        for (var copy = 0; copy < 2; copy++)
        {
            (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await host.PostAsync("/hooks/keyed", "{\"event\":\"POINTS_EARNED\"}")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        received.Should().HaveCount(2);
        received.Should().OnlyContain(w => w.DeduplicationKey == null);
        noId.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_deduplication_key_that_throws_gets_500_and_the_handler_is_not_called()
    {
        var received = new ConcurrentQueue<ConscentRawWebhook>();
        await using var host = await Start(received, new ConscentRawWebhookOptions { DeduplicationKey = body => body.GetProperty("missing").GetString() });

        using var response = await host.PostAsync("/hooks/points", PointsEvent);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        received.Should().BeEmpty();
        host.Logs.GetSnapshot().Should().Contain(l => l.Id.Id == 2105);
    }

    [Fact]
    public async Task A_handler_that_throws_gets_500_and_a_redelivery_is_handled()
    {
        var attempts = 0;
        await using var host = await WebhookHost.StartAsync(app => app.MapConscentRawWebhook("/hooks/points",
            (_, _) => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("store down") : Task.CompletedTask, ByEventId));

        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);

        attempts.Should().Be(2, "the failed delivery released its claim; the third copy was a duplicate");
    }

    [Fact]
    public async Task The_handler_can_take_services_from_dependency_injection()
    {
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentRawWebhook("/hooks/points", (ConscentRawWebhook w, PointsStore store, CancellationToken _) =>
            {
                store.Points.Enqueue(w.Body.GetProperty("points").GetInt32());
                return Task.CompletedTask;
            }),
            services: s => s.AddSingleton<PointsStore>());

        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);

        host.Services.GetRequiredService<PointsStore>().Points.Should().Equal(25);
    }

    [Fact]
    public async Task A_handler_asking_for_an_unregistered_service_fails_at_startup()
    {
        var start = async () =>
        {
            await using var host = await WebhookHost.StartAsync(app =>
                app.MapConscentRawWebhook("/hooks/points", (ConscentRawWebhook _, PointsStore _, CancellationToken _) => Task.CompletedTask));
        };

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*PointsStore*not registered*");
    }

    [Fact]
    public async Task The_http_context_overload_sees_the_request_and_its_status_is_the_success_status()
    {
        var paths = new ConcurrentQueue<string>();
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentRawWebhook("/hooks/points", (ConscentRawWebhook _, HttpContext http, CancellationToken _) =>
            {
                paths.Enqueue(http.Request.Path);
                return Task.CompletedTask;
            }),
            o => o.SuccessStatusCode = 204);

        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        paths.Should().Equal("/hooks/points");
    }

    [Fact]
    public async Task A_raw_endpoint_for_brand_a_checks_brand_a_credentials_and_keeps_its_ids_apart()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await WebhookHost.StartAsync(app =>
        {
            app.MapConscentRawWebhook("/hooks/points", (w, _) => { calls.Enqueue("default:" + w.DeduplicationKey); return Task.CompletedTask; }, ByEventId);
            app.MapConscentRawWebhook("/hooks/points/a", (w, _) => { calls.Enqueue(w.AccountName + ":" + w.DeduplicationKey); return Task.CompletedTask; }, ByEventId)
                .ForConscentAccount("brand-a");
        }, services: AccountWebhookTests.AddBrands);
        using var brandA = new ConscentWebhookSender(AccountWebhookTests.BrandAKey, AccountWebhookTests.BrandASecret);
        using var defaultAccount = new ConscentWebhookSender(WebhookHost.ApiKey, WebhookHost.ApiSecret);

        (await brandA.SendAsync(Url(host, "/hooks/points"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await defaultAccount.SendAsync(Url(host, "/hooks/points/a"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        for (var copy = 0; copy < 2; copy++)
        {
            (await brandA.SendAsync(Url(host, "/hooks/points/a"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await defaultAccount.SendAsync(Url(host, "/hooks/points"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        calls.Should().Equal("brand-a:evt-1", "default:evt-1");
    }

    [Fact]
    public async Task Raw_deliveries_use_the_registered_duplicate_guard_with_keys_naming_account_and_url()
    {
        var guard = new RecordingDeduplicator();
        await using var host = await WebhookHost.StartAsync(app =>
        {
            app.MapConscentRawWebhook("/hooks/points", (_, _) => Task.CompletedTask, ByEventId);
            app.MapConscentRawWebhook("/hooks/points/a", (_, _) => Task.CompletedTask, ByEventId).ForConscentAccount("brand-a");
            app.MapConscentWebhook<Conscent.Sdk.Webhooks.MicroPaymentWebhook>("/hooks/micro/a", (_, _) => Task.CompletedTask).ForConscentAccount("brand-a");
        }, services: s =>
        {
            AccountWebhookTests.AddBrands(s);
            s.AddSingleton<IConscentWebhookDeduplicator>(guard);
        });
        using var brandA = new ConscentWebhookSender(AccountWebhookTests.BrandAKey, AccountWebhookTests.BrandASecret);

        (await host.PostAsync("/hooks/points", PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brandA.SendAsync(Url(host, "/hooks/points/a"), PointsEvent)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brandA.SendAsync(Url(host, "/hooks/micro/a"), Samples.Text("webhook-micro-payment.json"))).StatusCode.Should().Be(HttpStatusCode.OK);

        guard.Keys.Should().HaveCount(3);
        guard.Keys.Should().Contain("raw:/hooks/points:evt-1").And.Contain("brand-a:raw:/hooks/points/a:evt-1");
        guard.Keys.Should().Contain(k => k.StartsWith("brand-a:MicroPaymentWebhook:", StringComparison.Ordinal));
    }

    private sealed class PointsStore
    {
        public ConcurrentQueue<int> Points { get; } = new();
    }

    /// <summary>The in-memory guard, recording the keys it is asked to claim.</summary>
    private sealed class RecordingDeduplicator : IConscentWebhookDeduplicator
    {
        private readonly InMemoryWebhookDeduplicator _inner = new(100);

        public ConcurrentQueue<string> Keys { get; } = new();

        public ValueTask<WebhookClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
        {
            Keys.Enqueue(key);
            return _inner.ClaimAsync(key, lease, cancellationToken);
        }

        public ValueTask<bool> CompleteAsync(WebhookClaim claim, TimeSpan window, CancellationToken cancellationToken) => _inner.CompleteAsync(claim, window, cancellationToken);

        public ValueTask ReleaseAsync(WebhookClaim claim, CancellationToken cancellationToken) => _inner.ReleaseAsync(claim, cancellationToken);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
