using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>
/// Answers the first request with <paramref name="status"/> and a Retry-After of <paramref name="retryAfterSeconds"/>,
/// every later one with 200 and <paramref name="successBody"/>; records when each arrived on the (fake) clock.
/// </summary>
public sealed class RetryAfterScriptedHandler(TimeProvider time, ConcurrentQueue<DateTimeOffset> sent, int status, int retryAfterSeconds, string successBody) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        sent.Enqueue(time.GetUtcNow());
        var first = sent.Count == 1;
        var response = new HttpResponseMessage(first ? (HttpStatusCode)status : HttpStatusCode.OK)
        {
            Content = new StringContent(first ? "{\"message\":\"later\"}" : successBody, Encoding.UTF8, "application/json"),
        };
        if (first) response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
        return Task.FromResult(response);
    }
}
