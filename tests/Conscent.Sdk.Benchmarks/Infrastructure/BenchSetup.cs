using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Conscent.Sdk.Benchmarks.Baseline;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>What every benchmark shares: credentials, base address, the SDK's options and the docs' payloads.</summary>
public static class BenchSetup
{
    public const string ApiKey = "bench-api-key";
    public const string ApiSecret = "bench-api-secret";

    /// <summary>The base address of the in-memory handlers (never resolved: no socket is opened).</summary>
    public static readonly Uri InMemoryBaseAddress = new("http://conscent.bench");

    /// <summary>The exact Authorization value the SDK sends (Basic base64(apiKey:apiSecret)).</summary>
    public static readonly AuthenticationHeaderValue BasicAuthorization =
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":" + ApiSecret)));

    /// <summary>A User-Agent of the same shape and length as the SDK's, so both send the same headers.</summary>
    public static readonly string UserAgent =
        $"Conscent.Sdk/{typeof(ConscentClient).Assembly.GetName().Version?.ToString(3)} ({RuntimeInformation.FrameworkDescription.Trim()}; {RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()})";

    /// <summary>The SDK's default pipeline (3 retries, circuit breaker, 10 s attempt / 30 s total timeouts) on <paramref name="baseAddress"/>.</summary>
    public static ConscentOptions SdkOptions(Uri baseAddress) => new()
    {
        ApiKey = ApiKey,
        ApiSecret = ApiSecret,
        // Required at startup; the content calls measured here do not send it.
        ClientId = "bench-client-id",
        BaseAddress = baseAddress,
    };

    /// <summary>The handler both sides use over real sockets: the SDK's default handler settings.</summary>
    public static SocketsHttpHandler SocketsHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
    };
}

/// <summary>The docs' sample payloads (verbatim bytes) and the create request parsed into each side's model.</summary>
public sealed class ContentPayloads
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public required byte[] ListResponse { get; init; }
    public required byte[] CreateResponse { get; init; }
    public required byte[] GetResponse { get; init; }
    public required CreateContentRequest SdkCreateRequest { get; init; }
    public required RawCreateContentRequest RawCreateRequest { get; init; }

    /// <summary>The id both sides read with Content.Get (the docs' sample id, with spaces: percent-encoded in the path).</summary>
    public const string SampleContentId = "Client Content Id 6";

    public static ContentPayloads Load()
    {
        var createRequest = Samples.Bytes("content-create.request.json");
        var sdk = JsonSerializer.Deserialize<CreateContentRequest>(createRequest, Web)!;
        var raw = JsonSerializer.Deserialize(createRequest, RawJsonContext.Default.RawCreateContentRequest)!;
        // The docs' sample id has spaces, which their own create rule forbids (docs/design.md); both sides send the
        // same valid id so the SDK's validation passes.
        sdk.ContentId = ValidId(sdk.ContentId);
        raw.ContentId = ValidId(raw.ContentId);
        return new ContentPayloads
        {
            ListResponse = Samples.Bytes("content-list.response.json"),
            CreateResponse = Samples.Bytes("content-create.response.json"),
            GetResponse = Samples.Bytes("content-get.response.json"),
            SdkCreateRequest = sdk,
            RawCreateRequest = raw,
        };
    }

    private static string ValidId(string? id) => (id ?? "bench").Replace(' ', '_');
}
