using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Web;

namespace Conscent.Sdk.Tests.Stats;

/// <summary>In-memory transports for the daily series: nothing leaves the process, every step is driven by the test.</summary>
internal static class SeriesTestSupport
{
    public static readonly Uri BaseAddress = new("http://conscent.test/");

    /// <summary>Hang guard only: a correct SDK finishes at once; a broken one would otherwise block the run.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static ConscentClient Client(HttpMessageHandler handler) => new(new ConscentOptions
    {
        ApiKey = "key",
        ApiSecret = "secret",
        ClientId = "5fbb40b07dd98b0e89d90a25",
        BaseAddress = BaseAddress,
        AttemptTimeout = TimeSpan.FromSeconds(20),
        TotalTimeout = TimeSpan.FromSeconds(25),
        Retry = new ConscentRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1), UseJitter = false },
        CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = false },
    }, handler);

    /// <summary>The <c>from</c> query value of a request, as sent.</summary>
    public static string From(HttpRequestMessage request) => HttpUtility.ParseQueryString(request.RequestUri!.Query)["from"]!;

    /// <summary>The <c>to</c> query value of a request, as sent.</summary>
    public static string To(HttpRequestMessage request) => HttpUtility.ParseQueryString(request.RequestUri!.Query)["to"]!;

    /// <summary>A daily-stats answer whose count is the day of month of <c>from</c> (UTC), so each day's answer differs.</summary>
    public static HttpResponseMessage AnswerWithDayOfMonth(HttpRequestMessage request)
    {
        var day = DateTimeOffset.Parse(From(request), System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Day;
        return Json(200, $"{{\"totalContentConsumed\":{day},\"totalRevenueGenerated\":{day}.5}}");
    }

    public static HttpResponseMessage Json(int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

/// <summary>Answers every request through a delegate and records the requests, in the order they arrive.</summary>
internal sealed class DelegateHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _answer;
    private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

    public DelegateHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) => _answer = answer;

    public DelegateHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : this((r, _) => Task.FromResult(answer(r))) { }

    public IReadOnlyList<HttpRequestMessage> Requests => _requests.ToArray();

    public IReadOnlyList<string> Froms => Requests.Select(SeriesTestSupport.From).ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return _answer(request, cancellationToken);
    }
}

/// <summary>
/// Holds every request until the test releases it, oldest first, and counts the requests in flight (arrived and not yet
/// released), keeping the highest count seen at any arrival. No clocks: the test waits for arrivals, not for time.
/// </summary>
internal sealed class HeldRequestsHandler : HttpMessageHandler
{
    private readonly object _lock = new();
    private readonly List<(HttpRequestMessage Request, TaskCompletionSource<HttpResponseMessage> Answer)> _held = new();
    private readonly List<(int Count, TaskCompletionSource<bool> Signal)> _waiters = new();
    private int _released;
    private int _maxInFlight;

    public int Arrived
    {
        get { lock (_lock) return _held.Count; }
    }

    public int InFlight
    {
        get { lock (_lock) return _held.Count - _released; }
    }

    public int MaxInFlight
    {
        get { lock (_lock) return _maxInFlight; }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived.</summary>
    public Task WhenArrived(int count)
    {
        lock (_lock)
        {
            if (_held.Count >= count) return Task.CompletedTask;
            var signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    /// <summary>Answers the oldest request not yet answered (with its day of month as the count).</summary>
    public void ReleaseNext()
    {
        (HttpRequestMessage Request, TaskCompletionSource<HttpResponseMessage> Answer) next;
        lock (_lock) next = _held[_released++];
        next.Answer.SetResult(SeriesTestSupport.AnswerWithDayOfMonth(next.Request));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new List<TaskCompletionSource<bool>>();
        lock (_lock)
        {
            _held.Add((request, answer));
            _maxInFlight = Math.Max(_maxInFlight, _held.Count - _released);
            foreach (var waiter in _waiters.Where(w => w.Count <= _held.Count).ToList())
            {
                ready.Add(waiter.Signal);
                _waiters.Remove(waiter);
            }
        }
        foreach (var signal in ready) signal.SetResult(true);
        return answer.Task.WaitAsync(cancellationToken);
    }
}
