using System.Net.Http;

namespace Conscent.Sdk.Http;

/// <summary>Which credentials an endpoint takes. The docs show no Authorization on some endpoints: none is sent there.</summary>
internal enum EndpointAuth
{
    /// <summary>No credentials (consumption validation, user details).</summary>
    None,

    /// <summary><c>Authorization: Basic base64(apiKey:apiSecret)</c>.</summary>
    Basic,

    /// <summary><c>X-API-KEY</c> with the loyalty key (loyalty host only).</summary>
    LoyaltyApiKey,
}

/// <summary>Which host an endpoint lives on.</summary>
internal enum EndpointHost
{
    /// <summary>The ConsCent API (<see cref="ConscentOptions.EffectiveBaseAddress"/>).</summary>
    Api,

    /// <summary>The Conscent.ai loyalty host (<see cref="ConscentLoyaltyOptions.BaseAddress"/>).</summary>
    Loyalty,
}

/// <summary>
/// One documented endpoint: what the area clients hand to <see cref="ConscentHttpPipeline"/>. Each endpoint states
/// whether it is safe to retry: reads and the edits that set fields to given values are; creates, migrations,
/// cancellations, token issuing, consumption checks and loyalty events are writes the server may have processed.
/// </summary>
internal sealed class ConscentEndpoint
{
    public ConscentEndpoint(string operation, HttpMethod method, string pathTemplate, EndpointAuth auth, bool safeToRetry, EndpointHost host = EndpointHost.Api)
    {
        Operation = operation;
        Method = method;
        PathTemplate = pathTemplate;
        Auth = auth;
        Host = host;
        IsRepeatable = safeToRetry;
    }

    /// <summary>The SDK operation name used in logs, traces and exceptions, such as <c>Content.Create</c>.</summary>
    public string Operation { get; }

    public HttpMethod Method { get; }

    /// <summary>The documented path with <c>{name}</c> placeholders, relative to the host.</summary>
    public string PathTemplate { get; }

    public EndpointAuth Auth { get; }

    public EndpointHost Host { get; }

    /// <summary>
    /// True when sending the request twice has the effect of sending it once, so any transient failure may be retried.
    /// False for POST: it is retried only when the server cannot have processed it.
    /// </summary>
    public bool IsRepeatable { get; }

    /// <summary>
    /// Whether a call that is not repeatable is still retried when the server refused it (429, 503). True for the
    /// documented endpoints; false for raw requests, whose meaning the SDK does not know (docs/raw-requests.md).
    /// </summary>
    public bool RetryWhenRefused { get; init; } = true;

    /// <summary>The same endpoint sent with another method (the stats endpoints' GET→POST fallback).</summary>
    public ConscentEndpoint WithMethod(HttpMethod method) => new(Operation, method, PathTemplate, Auth, IsRepeatable, Host) { RetryWhenRefused = RetryWhenRefused };

    public override string ToString() => $"{Method} {PathTemplate}";
}
