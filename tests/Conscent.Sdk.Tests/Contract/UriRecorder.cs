using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>
/// Records the exact request URIs the SDK sends (percent-encoding intact: WireMock's log decodes <c>%20</c>), then
/// forwards to a real socket handler.
/// </summary>
internal sealed class UriRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _uris = new();

    public UriRecorder() : base(new SocketsHttpHandler { UseProxy = false }) { }

    public IReadOnlyList<string> Uris => _uris.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _uris.Enqueue(request.RequestUri!.AbsoluteUri);
        return base.SendAsync(request, cancellationToken);
    }
}
