using System;
using System.Collections.Generic;

namespace Conscent.Sdk.Testing;

/// <summary>How a recorded request authenticated itself.</summary>
public enum SimulatedAuth
{
    /// <summary>No <c>Authorization</c> and no <c>X-API-KEY</c> header.</summary>
    None = 0,

    /// <summary><c>Authorization: Basic</c> with the simulator's API key and secret.</summary>
    ValidBasic,

    /// <summary>An <c>Authorization</c> header that is not Basic with the simulator's key and secret.</summary>
    InvalidBasic,

    /// <summary><c>X-API-KEY</c> with the simulator's loyalty key.</summary>
    ValidApiKey,

    /// <summary><c>X-API-KEY</c> with another value.</summary>
    InvalidApiKey,
}

/// <summary>How the simulator sent a request (in process or over the loopback server).</summary>
public enum SimulatorTransport
{
    /// <summary>Through <see cref="ConscentSimulator.Handler"/>, no sockets.</summary>
    Handler = 0,

    /// <summary>Through the loopback HTTP server started by <see cref="ConscentSimulator.StartServerAsync"/>.</summary>
    Server,
}

/// <summary>
/// One request the simulator received, as recorded in <see cref="ConscentSimulator.Requests"/>. Credentials are never
/// recorded: the <c>Authorization</c> and <c>X-API-KEY</c> header values are replaced by <c>***</c>, and
/// <see cref="Auth"/> says whether they were right.
/// </summary>
public sealed class SimulatedRequest
{
    internal SimulatedRequest(
        string method, string path, string query, string host, IReadOnlyDictionary<string, string> headers, string? body,
        SimulatedAuth auth, SimulatorTransport transport, DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        Query = query;
        Host = host;
        Headers = headers;
        Body = body;
        Auth = auth;
        Transport = transport;
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, upper case, such as <c>PATCH</c>.</summary>
    public string Method { get; }

    /// <summary>The path exactly as sent, still percent-encoded (<c>/api/v1/content/client/Client%20Content%20Id%206</c>).</summary>
    public string Path { get; }

    /// <summary>The raw query string without the leading <c>?</c> (empty when there is none).</summary>
    public string Query { get; }

    /// <summary>The host (and port) the request was addressed to.</summary>
    public string Host { get; }

    /// <summary>The request and content headers (names case-insensitive; several values joined with <c>, </c>); secrets shown as <c>***</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The request body as UTF-8 text, or null when there was none.</summary>
    public string? Body { get; }

    /// <summary>Which credentials came with the request and whether they were right.</summary>
    public SimulatedAuth Auth { get; }

    /// <summary>In process or over the loopback server.</summary>
    public SimulatorTransport Transport { get; }

    /// <summary>When the simulator received it (simulator clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The status the simulator answered, or null when a fault dropped the connection.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The fault applied to this request, or null.</summary>
    public SimulatedFault? Fault { get; internal set; }

    /// <summary>
    /// The id of the endpoint that handled it (<c>E01</c> … <c>E26</c>, as defined in the SDK repository's docs/api-coverage.md),
    /// or null for an unknown route or a fault.
    /// </summary>
    public string? EndpointId { get; internal set; }

    /// <summary>The value of a query parameter (decoded), or null.</summary>
    public string? QueryValue(string name) => SimulatorQuery.Parse(Query).TryGetValue(name, out var value) ? value : null;

    /// <summary>The value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Method, path and query, e.g. <c>GET /api/v1/content/client?pageNumber=2 → 200</c>.</summary>
    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} → {(StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "dropped")}";
}
