using System;
using System.Collections.Concurrent;
using System.Net.Http;
using Polly;

namespace Conscent.Sdk.Http;

/// <summary>
/// What every client built from one set of options shares: the validated options, the resilience pipeline (so the
/// circuit breaker sees all calls) and what the SDK has learnt about the server (the stats endpoints' method).
/// One per <see cref="ConscentClient"/> built by hand; one per container with <c>AddConscent</c>.
/// </summary>
internal sealed class ConscentRuntime
{
    public ConscentRuntime(ConscentOptions options, TimeProvider? timeProvider = null, string? accountName = null)
    {
        ConscentOptionsValidator.ThrowIfInvalid(options);
        Options = options.Clone();
        Time = timeProvider ?? TimeProvider.System;
        AccountName = accountName;
        Resilience = ConscentResilience.Build(Options, Time, accountName);
        Redactor = new SensitiveDataRedactor(Options);
    }

    /// <summary>The named account (<c>AddConscent("brand-a", …)</c>) these clients call for; null for the default one.</summary>
    public string? AccountName { get; }

    /// <summary>The redaction of server text for errors, with this client's secrets: built once, here, not per error.</summary>
    public SensitiveDataRedactor Redactor { get; }

    /// <summary>The clock for deadlines and waits (a fake one in tests).</summary>
    public TimeProvider Time { get; }

    public ConscentOptions Options { get; }

    /// <summary>Makes a consumption id unlock once, when the app registered a guard.</summary>
    public IConsumptionReplayGuard? ReplayGuard { get; init; }

    public ResiliencePipeline<ConscentResponse> Resilience { get; }

    /// <summary>Endpoints (by operation) that answered 405 to their documented method and take another one.</summary>
    public ConcurrentDictionary<string, HttpMethod> MethodOverrides { get; } = new(StringComparer.Ordinal);
}
