using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// An in-memory transport: answers the content endpoints with the docs' sample bytes, without a socket. It reads
/// (drains) any request body, as a real transport would, so a lazily serialized body is really serialized. Routing
/// looks at the URL string without allocating, so the handler itself costs both sides as little as possible.
/// </summary>
public sealed class SampleHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly ContentPayloads _payloads;
    private long _requests;

    public SampleHandler(ContentPayloads payloads) => _payloads = payloads;

    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (request.Content is { } content) return DrainThenAnswer(request, content, cancellationToken);
        return Task.FromResult(Answer(request));
    }

    private async Task<HttpResponseMessage> DrainThenAnswer(HttpRequestMessage request, HttpContent content, CancellationToken cancellationToken)
    {
        await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        return Answer(request);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var url = request.RequestUri!.OriginalString.AsSpan();
        var query = url.IndexOf('?');
        if (query >= 0) url = url.Slice(0, query);
        byte[]? body = null;
        if (request.Method == HttpMethod.Post && url.EndsWith("/api/v1/content", StringComparison.Ordinal)) body = _payloads.CreateResponse;
        else if (request.Method == HttpMethod.Get && url.EndsWith("/api/v1/content/client", StringComparison.Ordinal)) body = _payloads.ListResponse;
        else if (request.Method == HttpMethod.Get && url.IndexOf("/api/v1/content/client/", StringComparison.Ordinal) >= 0) body = _payloads.GetResponse;
        if (body is null) return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
