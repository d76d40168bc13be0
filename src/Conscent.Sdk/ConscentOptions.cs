using System;
using System.Diagnostics;

namespace Conscent.Sdk;

/// <summary>
/// Everything a publisher configures for <see cref="ConscentClient"/>. Bind it from the <c>Conscent</c> section of
/// appsettings with <c>services.AddConscent(configuration.GetSection("Conscent"))</c>, or set it in code.
/// </summary>
/// <remarks>
/// The API secret and the loyalty API key are credentials: this type's <see cref="ToString"/> and debugger view
/// never show them, and no SDK log line or exception message contains them.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ConscentOptions
{
    /// <summary>The name of the configuration section the SDK reads by convention: <c>Conscent</c>.</summary>
    public const string SectionName = "Conscent";

    /// <summary>Sandbox base address used when <see cref="Environment"/> is <see cref="ConscentEnvironment.Sandbox"/>.</summary>
    public static readonly Uri SandboxBaseAddress = new("https://sandbox-api.conscent.in");

    /// <summary>Production base address used when <see cref="Environment"/> is <see cref="ConscentEnvironment.Production"/>.</summary>
    public static readonly Uri ProductionBaseAddress = new("https://api.conscent.in");

    /// <summary>Default loyalty (Conscent.ai rewards) host.</summary>
    public static readonly Uri DefaultLoyaltyBaseAddress = new("https://api.conscent.club");

    /// <summary>The API key from the ConsCent dashboard's Integrations page (the Basic-auth user name). Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API secret from the ConsCent dashboard's Integrations page (the Basic-auth password). Required; never shown.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>
    /// The publisher's ConsCent client id. Used to check consumption validations, by the user-details endpoints and as
    /// the default loyalty partner id. Required at startup unless <see cref="RequireClientId"/> is false.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Whether a missing <see cref="ClientId"/> fails at startup (the default). Verifying a consumption before unlocking
    /// content, the user-details calls and loyalty events all need it, and an app that boots without it would fail on
    /// every unlock instead. Set false only in an app that makes none of those calls (a content-registration script).
    /// </summary>
    public bool RequireClientId { get; set; } = true;

    /// <summary>
    /// How old a consumption may be and still unlock content through
    /// <see cref="IConsumptionClient.VerifyAsync"/> when the call names no age of its own. Default 5 minutes:
    /// the reader's browser reports the consumption id the moment the paywall succeeds, so an older id is being reused.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns the age check off (not recommended).
    /// </summary>
    public TimeSpan ConsumptionMaxAge { get; set; } = DefaultConsumptionMaxAge;

    /// <summary>The default of <see cref="ConsumptionMaxAge"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultConsumptionMaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Which ConsCent environment to call. Defaults to <see cref="ConscentEnvironment.Sandbox"/>.</summary>
    public ConscentEnvironment Environment { get; set; } = ConscentEnvironment.Sandbox;

    /// <summary>
    /// A custom base address (a stage server, a proxy, a simulator). When set it wins over <see cref="Environment"/>.
    /// Must be an absolute http or https URI.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Loyalty (rewards) settings: its own host, API key and partner id.</summary>
    public ConscentLoyaltyOptions Loyalty { get; set; } = new();

    /// <summary>How long one HTTP attempt may take before it is abandoned (and retried when that is safe). Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one SDK call may take in all, retries and waits included. Default 30 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry settings.</summary>
    public ConscentRetryOptions Retry { get; set; } = new();

    /// <summary>Circuit-breaker settings.</summary>
    public ConscentCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// The largest response body the SDK reads, in bytes (default 16 MiB). A larger body fails with a
    /// <see cref="ConscentSerializationException"/> instead of exhausting memory.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The base address in effect: <see cref="BaseAddress"/> when set, else the one of <see cref="Environment"/>.</summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? (Environment == ConscentEnvironment.Production ? ProductionBaseAddress : SandboxBaseAddress);

    /// <summary>A copy of these options; the SDK copies what it is given so later changes do not leak into a running client.</summary>
    public ConscentOptions Clone() => new()
    {
        ApiKey = ApiKey,
        ApiSecret = ApiSecret,
        ClientId = ClientId,
        RequireClientId = RequireClientId,
        ConsumptionMaxAge = ConsumptionMaxAge,
        Environment = Environment,
        BaseAddress = BaseAddress,
        Loyalty = new ConscentLoyaltyOptions { BaseAddress = Loyalty?.BaseAddress, ApiKey = Loyalty?.ApiKey, PartnerId = Loyalty?.PartnerId },
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        Retry = new ConscentRetryOptions
        {
            MaxRetryAttempts = Retry?.MaxRetryAttempts ?? 3,
            BaseDelay = Retry?.BaseDelay ?? TimeSpan.FromMilliseconds(500),
            MaxDelay = Retry?.MaxDelay ?? TimeSpan.FromSeconds(10),
            UseJitter = Retry?.UseJitter ?? true,
        },
        CircuitBreaker = new ConscentCircuitBreakerOptions
        {
            Enabled = CircuitBreaker?.Enabled ?? true,
            FailureRatio = CircuitBreaker?.FailureRatio ?? 0.5,
            MinimumThroughput = CircuitBreaker?.MinimumThroughput ?? 20,
            SamplingDuration = CircuitBreaker?.SamplingDuration ?? TimeSpan.FromSeconds(30),
            BreakDuration = CircuitBreaker?.BreakDuration ?? TimeSpan.FromSeconds(15),
        },
        MaxResponseBodyBytes = MaxResponseBodyBytes,
    };

    /// <summary>Describes the options without any credential: the secret and the loyalty key are never shown.</summary>
    public override string ToString() =>
        $"ConscentOptions {{ Environment = {Environment}, BaseAddress = {EffectiveBaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}, ApiSecret = {(string.IsNullOrEmpty(ApiSecret) ? "(not set)" : "***")}, ClientId = {ClientId ?? "(not set)"} }}";
}

/// <summary>Settings for the Conscent.ai loyalty (rewards) API, which lives on its own host with its own key.</summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ConscentLoyaltyOptions
{
    /// <summary>The loyalty host. Defaults to <c>https://api.conscent.club</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The value of the <c>X-API-KEY</c> header. Defaults to <see cref="ConscentOptions.ApiKey"/>. Never shown.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The partner id in the loyalty path. Defaults to <see cref="ConscentOptions.ClientId"/>.</summary>
    public string? PartnerId { get; set; }

    /// <summary>Describes the settings without the API key.</summary>
    public override string ToString() =>
        $"ConscentLoyaltyOptions {{ BaseAddress = {BaseAddress?.ToString() ?? "(default)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(default)" : "***")}, PartnerId = {PartnerId ?? "(default)"} }}";
}

/// <summary>Retry settings. What is retried is fixed by the SDK (see docs/resilience.md); how often and how long to wait is yours.</summary>
public sealed class ConscentRetryOptions
{
    /// <summary>Retries after the first attempt (0 turns retries off). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait between attempts, a server's <c>Retry-After</c> included. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether backoff delays are randomised so many clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;
}

/// <summary>Circuit-breaker settings: when too many calls fail, stop calling ConsCent for a while and fail fast.</summary>
public sealed class ConscentCircuitBreakerOptions
{
    /// <summary>Whether the circuit breaker is on. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed attempts in <see cref="SamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in <see cref="SamplingDuration"/> before the ratio is judged. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
