using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing;

/// <summary>The in-process transport: turns HttpRequestMessage into the simulator's request and back, no sockets.</summary>
internal sealed class SimulatorHandler : HttpMessageHandler
{
    private readonly ConscentSimulator _simulator;

    public SimulatorHandler(ConscentSimulator simulator) => _simulator = simulator;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri) throw new InvalidOperationException("The simulator needs absolute request URIs: set a BaseAddress.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(", ", header.Value);
        byte[] body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers) headers[header.Key] = string.Join(", ", header.Value);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var answer = await _simulator.ProcessAsync(
            new SimHttpRequest(request.Method.Method, uri.AbsolutePath, uri.Query, uri.Authority, headers, body, SimulatorTransport.Handler),
            cancellationToken).ConfigureAwait(false);

        if (answer.Drop)
        {
            if (answer.Processed)
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The simulator dropped the connection before answering (the request was processed).",
                    new IOException("The response ended prematurely."));
            throw new HttpRequestException(HttpRequestError.ConnectionError, "The simulator refused the connection (the request was not processed).",
                new SocketException((int)SocketError.ConnectionRefused));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(answer.Body)),
        };
        if (answer.Body is not null) response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var header in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return response;
    }
}
