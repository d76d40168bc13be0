using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing;

/// <summary>
/// An in-memory, stateful ConsCent for tests: content and bundle registry, consumption ids, seeded readers,
/// purchases and subscriptions, stats, migrations, cancellations, auto-login tokens and loyalty events, answering
/// with the docs' paths, methods, authentication and JSON shapes. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Use it three ways:</para>
/// <list type="bullet">
/// <item><description>In process: <c>new ConscentClient(simulator.CreateOptions(), simulator.Handler)</c> (no sockets).</description></item>
/// <item><description>Over HTTP: <c>await simulator.StartServerAsync()</c>, then <c>new ConscentClient(simulator.CreateOptions())</c>
/// or any HTTP client pointed at <see cref="ServerAddress"/>.</description></item>
/// <item><description>Webhooks the other way round: <see cref="CreateWebhookSender"/> posts signed payloads to your endpoint.</description></item>
/// </list>
/// <para>Every request is recorded in <see cref="Requests"/> (credentials masked); <see cref="Faults"/> injects errors,
/// delays and dropped connections.</para>
/// </remarks>
public sealed partial class ConscentSimulator : IDisposable, IAsyncDisposable
{
    /// <summary>The API base address used in handler mode (never resolved: the handler answers in process).</summary>
    public static readonly Uri InProcessBaseAddress = new("http://api.conscent-simulator.test/");

    /// <summary>The loyalty base address used in handler mode.</summary>
    public static readonly Uri InProcessLoyaltyBaseAddress = new("http://loyalty.conscent-simulator.test/");

    private readonly object _gate = new();
    private readonly object _requestsGate = new();
    private readonly List<SimulatedRequest> _requests = new();
    private readonly SimulatorHandler _handler;
    private SimulatorServer? _server;
    private int _disposed;

    /// <summary>Creates a simulator with the docs' sample credentials (see <see cref="ConscentSimulatorOptions"/>).</summary>
    public ConscentSimulator()
        : this(new ConscentSimulatorOptions())
    {
    }

    /// <summary>Creates a simulator with its own credentials, client id and clock.</summary>
    public ConscentSimulator(ConscentSimulatorOptions options)
    {
        Settings = options ?? throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrEmpty(options.ApiKey)) throw new ArgumentException("ApiKey is required.", nameof(options));
        if (string.IsNullOrEmpty(options.ApiSecret)) throw new ArgumentException("ApiSecret is required.", nameof(options));
        if (string.IsNullOrEmpty(options.ClientId)) throw new ArgumentException("ClientId is required.", nameof(options));
        _handler = new SimulatorHandler(this);
        _routes = BuildRoutes();
    }

    /// <summary>The simulator's identity and behaviour switches.</summary>
    public ConscentSimulatorOptions Settings { get; }

    /// <summary>Fault injection: queued faults for the next requests, and rules for matching requests.</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> that answers in process, without sockets. Pass it to
    /// <c>new ConscentClient(simulator.CreateOptions(), simulator.Handler)</c> or <c>new HttpClient(simulator.Handler)</c>.
    /// It routes by path only, so any base address works. Disposing it does nothing.
    /// </summary>
    public HttpMessageHandler Handler => _handler;

    /// <summary>The loopback server's address (<c>http://127.0.0.1:{port}/</c>) once <see cref="StartServerAsync"/> has run; else null.</summary>
    public Uri? ServerAddress => _server?.Address;

    /// <summary>Every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<SimulatedRequest> Requests
    {
        get { lock (_requestsGate) return _requests.ToArray(); }
    }

    /// <summary>Forgets the recorded requests (state such as content and purchases is kept).</summary>
    public void ClearRequests()
    {
        lock (_requestsGate) _requests.Clear();
    }

    /// <summary>
    /// New options for a <see cref="ConscentClient"/> that talks to this simulator: its key, secret and client id, the
    /// base address (<paramref name="baseAddress"/>, else the server's once started, else
    /// <see cref="InProcessBaseAddress"/>) for both the API and loyalty, fast retries without jitter, and no circuit
    /// breaker. A new copy on every call: change it freely. (The simulator's own identity is <see cref="Settings"/>.)
    /// </summary>
    public ConscentOptions CreateOptions(Uri? baseAddress = null)
    {
        var api = baseAddress ?? ServerAddress ?? InProcessBaseAddress;
        var loyalty = baseAddress ?? ServerAddress ?? InProcessLoyaltyBaseAddress;
        return new ConscentOptions
        {
            ApiKey = Settings.ApiKey,
            ApiSecret = Settings.ApiSecret,
            ClientId = Settings.ClientId,
            BaseAddress = api,
            Loyalty = new ConscentLoyaltyOptions
            {
                BaseAddress = loyalty,
                ApiKey = Settings.LoyaltyApiKey,
                PartnerId = Settings.LoyaltyPartnerId,
            },
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
            Retry = new ConscentRetryOptions
            {
                MaxRetryAttempts = 3,
                BaseDelay = TimeSpan.FromMilliseconds(1),
                MaxDelay = TimeSpan.FromMilliseconds(100),
                UseJitter = false,
            },
            CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = false },
        };
    }

    /// <summary>
    /// Copies the simulator's settings (what <see cref="CreateOptions(Uri?)"/> returns) onto <paramref name="options"/>: handy with
    /// dependency injection prefer <c>services.AddConscentSimulator(simulator)</c>, which also swaps the transport.
    /// </summary>
    public void ApplyTo(ConscentOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var source = CreateOptions();
        options.ApiKey = source.ApiKey;
        options.ApiSecret = source.ApiSecret;
        options.ClientId = source.ClientId;
        options.BaseAddress = source.BaseAddress;
        options.Loyalty = source.Loyalty;
        options.AttemptTimeout = source.AttemptTimeout;
        options.TotalTimeout = source.TotalTimeout;
        options.Retry = source.Retry;
        options.CircuitBreaker = source.CircuitBreaker;
    }

    /// <summary>A <see cref="ConscentClient"/> that talks to this simulator in process (through <see cref="Handler"/>).</summary>
    public ConscentClient CreateClient(Action<ConscentOptions>? configure = null)
    {
        var options = CreateOptions();
        configure?.Invoke(options);
        return new ConscentClient(options, _handler);
    }

    /// <summary>
    /// Starts a loopback HTTP server on <c>127.0.0.1</c> and a free port with the same behaviour as
    /// <see cref="Handler"/>; returns its address (also in <see cref="ServerAddress"/>). Idempotent.
    /// </summary>
    public Task<Uri> StartServerAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _server ??= SimulatorServer.Start(this);
            return Task.FromResult(_server.Address);
        }
    }

    /// <summary>A webhook sender that signs with this simulator's API key and secret.</summary>
    public ConscentWebhookSender CreateWebhookSender(HttpClient? httpClient = null) => new(Settings.ApiKey, Settings.ApiSecret, httpClient);

    /// <summary>Stops the loopback server, if any.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        SimulatorServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
        }
        server?.Dispose();
    }

    /// <summary>Stops the loopback server, if any.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    internal DateTimeOffset Now => Settings.TimeProvider.GetUtcNow();

    /// <summary>The core every transport calls: record, apply faults, route, answer.</summary>
    internal async Task<SimHttpResponse> ProcessAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        var record = new SimulatedRequest(
            request.Method, request.RawPath, request.RawQuery, request.Host, RedactHeaders(request.Headers),
            request.Body.Length == 0 ? null : Encoding.UTF8.GetString(request.Body), ClassifyAuth(request.Headers), request.Transport, Now);
        SimHttpResponse? response = null;
        try
        {
            var fault = Faults.Take(record);
            record.Fault = fault;
            if (fault is not null && fault.DelayBy > TimeSpan.Zero)
                await Task.Delay(fault.DelayBy, cancellationToken).ConfigureAwait(false);

            if (fault is { Drop: true, DropAfterProcessing: false })
                return response = SimHttpResponse.Dropped(processed: false);
            if (fault?.StatusCode is { } status)
                return response = FaultResponse(fault, status);

            var answer = Dispatch(request, record);
            if (fault is { Drop: true }) return response = SimHttpResponse.Dropped(processed: true);
            return response = answer;
        }
        finally
        {
            record.StatusCode = response is { Drop: false } r ? r.Status : null;
            lock (_requestsGate) _requests.Add(record);
        }
    }

    private static SimHttpResponse FaultResponse(SimulatedFault fault, int status)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (fault.RetryAfter is { } after)
            headers["Retry-After"] = ((long)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return SimHttpResponse.Error(status, fault.Message ?? DefaultMessage(status), headers);
    }

    /// <summary>The wording of ConsCent's error table for each code (the table's template line "418 I'm a teapot" is left out).</summary>
    internal static string DefaultMessage(int status) => status switch
    {
        400 => "Bad Request -- Your request is invalid.",
        401 => "Unauthorized -- Invalid API Key & API Secret.",
        403 => "Forbidden -- The resource requested is hidden for administrators only.",
        404 => "Not Found -- The resource requested could not be found.",
        405 => "Method Not Allowed -- You tried to access a resource with an invalid method.",
        406 => "Not Acceptable -- You requested a format that isn't json.",
        410 => "Gone -- The resource has been removed from our servers.",
        429 => "Too Many Requests -- You're requesting too many resources! Slow down!",
        500 => "Internal Server Error -- We had a problem with our server. Try again later.",
        503 => "Service Unavailable -- We're temporarily offline for maintenance. Please try again later.",
        _ => "Simulated error.",
    };

    private string ExpectedBasic => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Settings.ApiKey + ":" + Settings.ApiSecret));

    private string LoyaltyKey => string.IsNullOrEmpty(Settings.LoyaltyApiKey) ? Settings.ApiKey : Settings.LoyaltyApiKey!;

    private string LoyaltyPartner => string.IsNullOrEmpty(Settings.LoyaltyPartnerId) ? Settings.ClientId : Settings.LoyaltyPartnerId!;

    private SimulatedAuth ClassifyAuth(Dictionary<string, string> headers)
    {
        if (headers.TryGetValue("Authorization", out var authorization))
            return IsValidBasic(authorization) ? SimulatedAuth.ValidBasic : SimulatedAuth.InvalidBasic;
        if (headers.TryGetValue("X-API-KEY", out var key))
            return FixedTimeEquals(key, LoyaltyKey) ? SimulatedAuth.ValidApiKey : SimulatedAuth.InvalidApiKey;
        return SimulatedAuth.None;
    }

    private bool IsValidBasic(string header)
    {
        var value = header.Trim();
        if (!value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Substring(6).Trim()));
            return FixedTimeEquals(decoded, Settings.ApiKey + ":" + Settings.ApiSecret);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static Dictionary<string, string> RedactHeaders(Dictionary<string, string> headers)
    {
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var space = pair.Value.IndexOf(' ', StringComparison.Ordinal);
                copy[pair.Key] = space > 0 ? pair.Value.Substring(0, space) + " ***" : "***";
            }
            else if (string.Equals(pair.Key, "X-API-KEY", StringComparison.OrdinalIgnoreCase))
            {
                copy[pair.Key] = "***";
            }
            else
            {
                copy[pair.Key] = pair.Value;
            }
        }
        return copy;
    }

    private T Read<T>(Func<T> read)
    {
        lock (_gate) return read();
    }

    /// <summary>Loyalty events received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<SimulatedLoyaltyEvent> LoyaltyEvents => Read(() => _loyaltyEvents.ToArray());

    /// <summary>Consumption ids issued so far (a snapshot).</summary>
    public IReadOnlyList<SimulatedConsumption> Consumptions => Read(() => _consumptions.Values.ToArray());

    /// <summary>Readers known to the simulator, seeded or migrated (a snapshot of the live objects).</summary>
    public IReadOnlyList<SimulatedUser> Users => Read(() => _users.ToArray());

    /// <summary>Subscriptions, seeded or migrated (a snapshot of the live objects: cancellation changes their <c>Status</c>).</summary>
    public IReadOnlyList<SimulatedSubscription> Subscriptions => Read(() => _subscriptions.ToArray());

    /// <summary>Pass and micropayment purchases (a snapshot).</summary>
    public IReadOnlyList<SimulatedPurchase> Purchases => Read(() => _purchases.ToArray());

    /// <summary>Auto-login tokens issued so far (a snapshot).</summary>
    public IReadOnlyList<SimulatedAutoLoginToken> AutoLoginTokens => Read(() => _tokens.ToArray());

    /// <summary>The registered content ids (not bundles), in registration order.</summary>
    public IReadOnlyList<string> ContentIds => Read(() => _content.Where(c => !c.IsBundle).Select(c => c.ContentId).ToArray());

    /// <summary>The registered bundle ids, in registration order.</summary>
    public IReadOnlyList<string> BundleIds => Read(() => _content.Where(c => c.IsBundle).Select(c => c.ContentId).ToArray());

    /// <summary>A registered content item or bundle as ConsCent returns it from <c>GET /api/v1/content/client/{contentId}</c>, or null.</summary>
    public JsonObject? FindContent(string contentId) => Read(() => _contentById.TryGetValue(contentId, out var c) ? ContentJson(c, ContentView.Item) : null);
}
