using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>A request as it left the SDK: the exact URI (percent-encoding intact: WireMock's log decodes it), method, headers, body.</summary>
public sealed record SentRequest(string Method, string AbsoluteUri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body)
{
    public string Uri => AbsoluteUri;

    public string BodyText => Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(Body);

    public System.Text.Json.Nodes.JsonNode? BodyJson => Body is null || Body.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(Body);
}

/// <summary>Records what the SDK sends, then forwards to a real socket handler.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public RecordingHandler() : base(new SocketsHttpHandler { UseProxy = false }) { }

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    /// <summary>The exact URIs sent, in order.</summary>
    public IReadOnlyList<string> Uris => _sent.Select(s => s.AbsoluteUri).ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        _sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.AbsoluteUri, headers, request.Content?.Headers.ContentType?.MediaType, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
