using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>A request as it left the SDK: the exact URI (percent-encoding intact), method and headers.</summary>
public sealed record SentRequest(string Method, string AbsoluteUri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body);

/// <summary>Records what the SDK sends, then forwards to a real socket handler.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public RecordingHandler() : base(new SocketsHttpHandler { UseProxy = false }) { }

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        _sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!.AbsoluteUri, headers, request.Content?.Headers.ContentType?.ToString(), body));
        return await base.SendAsync(request, cancellationToken);
    }
}
