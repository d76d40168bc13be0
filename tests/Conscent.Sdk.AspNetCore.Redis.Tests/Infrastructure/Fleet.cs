using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;

/// <summary>One delivery ConsCent makes: a Subscription Payment with its own purchase id (its delivery id).</summary>
public sealed record Delivery(int Index, string PurchaseId, string Json)
{
    public static Delivery Create(string run, int index) => new(index, $"{run}-p{index}", ConscentWebhookParser.Serialize(new SubscriptionPaymentWebhook
    {
        PurchaseId = $"{run}-p{index}",
        UserId = $"{run}-reader{index}",
        UserEmail = $"reader{index}@example.com",
        SubscriptionId = "digital",
        Type = PurchaseTypes.Subscription,
        ExpiryDate = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
    }));
}

/// <summary>What the publisher's handler did, per delivery (keyed by purchase id) and per instance.</summary>
public sealed class Ledger
{
    public sealed class Counts
    {
        internal int Runs;
        internal int Failures;
        internal int Successes;
    }

    private readonly ConcurrentDictionary<string, Counts> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _successesByInstance = new();

    /// <summary>Decides per run: return normally to succeed, throw to fail. Gets the purchase id and the run number (1-based).</summary>
    public Func<string, int, Task>? Behaviour { get; set; }

    public Counts Of(string purchaseId) => _counts.GetOrAdd(purchaseId, _ => new Counts());

    public int TotalRuns => _counts.Values.Sum(c => c.Runs);

    public int TotalFailures => _counts.Values.Sum(c => c.Failures);

    public int TotalSuccesses => _counts.Values.Sum(c => c.Successes);

    public IReadOnlyDictionary<int, int> SuccessesByInstance => _successesByInstance;

    public async Task HandleAsync(int instance, SubscriptionPaymentWebhook payload)
    {
        var counts = Of(payload.PurchaseId!);
        var run = Interlocked.Increment(ref counts.Runs);
        try
        {
            if (Behaviour is not null) await Behaviour(payload.PurchaseId!, run);
        }
        catch
        {
            Interlocked.Increment(ref counts.Failures);
            throw;
        }
        // Last, just before the handler returns: the endpoint answers 2xx only after this.
        Interlocked.Increment(ref counts.Successes);
        _successesByInstance.AddOrUpdate(instance, 1, (_, n) => n + 1);
    }
}

/// <summary>One instance of the publisher's backend: a real Kestrel on 127.0.0.1 and a free port, the Subscription Payment webhook mapped.</summary>
public sealed class WebhookInstance : IAsyncDisposable
{
    public const string ApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";
    public const string ApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG";
    public const string Path = "/webhooks/conscent/subscription-payment";

    private readonly WebApplication _app;
    private bool _stopped;

    private WebhookInstance(int index, WebApplication app, Uri url)
    {
        Index = index;
        _app = app;
        Url = url;
    }

    public int Index { get; }

    public Uri Url { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<WebhookInstance> StartAsync(int index, Ledger ledger, Action<IConscentWebhooksBuilder> guard, Action<ConscentWebhookOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFakeLogging();
        builder.Services.AddConscent(o =>
        {
            o.ApiKey = ApiKey;
            o.ApiSecret = ApiSecret;
            o.ClientId = "601a8ea4f2149f089782814f";
        });
        guard(builder.Services.AddConscentWebhooks(configure));
        var app = builder.Build();
        app.MapConscentWebhook<SubscriptionPaymentWebhook>(Path, (payload, _) => ledger.HandleAsync(index, payload));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookInstance(index, app, new Uri(new Uri(address), Path));
    }

    /// <summary>Stops the instance (requests still running are abandoned after the shutdown timeout).</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

/// <summary>
/// Plays ConsCent: posts signed deliveries to the instances, and redelivers every copy that was not answered 2xx, for a
/// bounded number of rounds. Watches the one rule that matters: no 2xx before some handler succeeded for that delivery.
/// </summary>
public sealed class Deliverer : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly ConscentWebhookSender _sender;
    private readonly Ledger _ledger;
    private int _violations;

    public Deliverer(Ledger ledger)
    {
        _ledger = ledger;
        _sender = new ConscentWebhookSender(WebhookInstance.ApiKey, WebhookInstance.ApiSecret, _http);
    }

    /// <summary>2xx answers given while no handler had succeeded for the delivery: must stay 0.</summary>
    public int Violations => _violations;

    public ConcurrentDictionary<string, int> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Posts one copy; returns its status, or 0 when there was no answer (connection refused or reset).</summary>
    public async Task<int> SendAsync(Delivery delivery, WebhookInstance target)
    {
        int status;
        try
        {
            using var response = await _sender.SendAsync(target.Url, delivery.Json);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException)
        {
            status = 0;
        }
        if (status is >= 200 and <= 299 && Volatile.Read(ref _ledger.Of(delivery.PurchaseId).Successes) == 0) Interlocked.Increment(ref _violations);
        Answers.AddOrUpdate(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
        return status;
    }

    /// <summary>
    /// Sends every copy (each delivery's copies at the same moment, to different instances), at most
    /// <paramref name="parallelDeliveries"/> deliveries at a time. Returns the copies not answered 2xx.
    /// </summary>
    public async Task<List<(Delivery Delivery, int Copy)>> SendCopiesAsync(IReadOnlyList<Delivery> deliveries, int copies, IReadOnlyList<WebhookInstance> instances, int parallelDeliveries, Action<int>? answered = null)
    {
        var pending = new ConcurrentBag<(Delivery, int)>();
        using var gate = new SemaphoreSlim(parallelDeliveries);
        var done = 0;
        var tasks = deliveries.Select(async delivery =>
        {
            await gate.WaitAsync();
            try
            {
                await Task.WhenAll(Enumerable.Range(0, copies).Select(async copy =>
                {
                    var status = await SendAsync(delivery, instances[(delivery.Index + copy) % instances.Count]);
                    if (status is < 200 or > 299) pending.Add((delivery, copy));
                }));
            }
            finally
            {
                gate.Release();
                answered?.Invoke(Interlocked.Increment(ref done));
            }
        });
        await Task.WhenAll(tasks);
        return pending.ToList();
    }

    /// <summary>
    /// Redelivers each pending copy to the next instance, round after round (a pause between rounds), until all are
    /// answered 2xx or <paramref name="maxRounds"/> rounds have passed. Returns the rounds used and what is still pending.
    /// </summary>
    public async Task<(int Rounds, List<(Delivery Delivery, int Copy)> Pending)> RedeliverAsync(List<(Delivery Delivery, int Copy)> pending, IReadOnlyList<WebhookInstance> instances, int maxRounds, TimeSpan pause, int parallel = 48)
    {
        var rounds = 0;
        while (pending.Count > 0 && rounds < maxRounds)
        {
            rounds++;
            await Task.Delay(pause);
            var next = new ConcurrentBag<(Delivery, int)>();
            using var gate = new SemaphoreSlim(parallel);
            await Task.WhenAll(pending.Select(async item =>
            {
                await gate.WaitAsync();
                try
                {
                    var status = await SendAsync(item.Delivery, instances[(item.Delivery.Index + item.Copy + rounds) % instances.Count]);
                    if (status is < 200 or > 299) next.Add(item);
                }
                finally
                {
                    gate.Release();
                }
            }));
            pending = next.ToList();
        }
        return (rounds, pending);
    }

    public string DescribeAnswers() => string.Join(", ", Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"));

    public void Dispose()
    {
        _sender.Dispose();
        _http.Dispose();
    }
}
