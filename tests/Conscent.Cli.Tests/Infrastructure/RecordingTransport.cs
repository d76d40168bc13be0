using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Cli.Tests.Infrastructure;

/// <summary>
/// The SDK's transport in a test: records the address of every request and answers 200 with an empty JSON object,
/// in process. Nothing leaves the machine, whatever the address.
/// </summary>
public sealed class RecordingTransport : HttpMessageHandler
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    /// <summary>The address of every request, in order.</summary>
    public IReadOnlyCollection<Uri> Requests => _requests.ToArray();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        });
    }
}
