using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conscent.Cli.Hosting;

/// <summary>
/// Serves an <see cref="HttpMessageHandler"/> (the simulator's in-process transport) over HTTP with Kestrel on
/// 127.0.0.1. Each request is copied into an <see cref="HttpRequestMessage"/> (method, the request target exactly as
/// sent, headers, body), handed to the handler, and its answer copied back. A simulated dropped connection (the
/// handler throws <see cref="HttpRequestException"/>) aborts the connection, as the real network would.
/// </summary>
internal sealed class SimulatorHttpHost : IAsyncDisposable
{
    private const long MaxBodyBytes = 32L * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _invoker;
    private int _requests;

    private SimulatorHttpHost(WebApplication app, HttpMessageInvoker invoker, Uri address)
    {
        _app = app;
        _invoker = invoker;
        Address = address;
    }

    /// <summary>The base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Requests answered so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>
    /// Starts Kestrel on 127.0.0.1:<paramref name="port"/> (0: a free port). <paramref name="log"/> gets one line per
    /// request: method, path (never the query string, which can carry a reader's email or phone), status, time.
    /// </summary>
    public static async Task<SimulatorHttpHost> StartAsync(HttpMessageHandler handler, int port, Action<string> log, TimeProvider time, CancellationToken cancellationToken)
    {
        // The empty builder: no configuration files, no logging providers, no console lifetime (Ctrl+C is the tool's).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        SimulatorHttpHost? host = null;
        app.Run(context => host!.ServeAsync(context, log, time));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            invoker.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw CliException.Usage($"cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ({ex.Message.TrimEnd('.')}); pick another port with --port.");
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        host = new SimulatorHttpHost(app, invoker, address);
        return host;
    }

    private async Task ServeAsync(HttpContext context, Action<string> log, TimeProvider time)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) target = request.PathBase + request.Path + request.QueryString;
        var authority = request.Host.HasValue ? request.Host.Value : Address.Authority;
        var uri = target.StartsWith('/') ? new Uri("http://" + authority + target) : new Uri(target, UriKind.Absolute);
        var path = uri.AbsolutePath;

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > 0 || request.ContentLength is not null || request.ContentType is not null)
            message.Content = new ByteArrayContent(body.ToArray());
        foreach (var header in request.Headers)
        {
            if (string.Equals(header.Key, "Host", StringComparison.OrdinalIgnoreCase)) continue;
            var values = header.Value.Select(v => v ?? "").ToArray();
            if (!message.Headers.TryAddWithoutValidation(header.Key, values))
                message.Content?.Headers.TryAddWithoutValidation(header.Key, values);
        }

        HttpResponseMessage answer;
        try
        {
            answer = await _invoker.SendAsync(message, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _requests);
            context.Abort();
            log(Line(time, request.Method, path, "connection dropped (simulated fault)", started));
            return;
        }

        using (answer)
        {
            var response = context.Response;
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
                response.Headers[header.Key] = header.Value.ToArray();
            }
            var bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
            response.ContentLength = bytes.Length;
            if (bytes.Length > 0) await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            Interlocked.Increment(ref _requests);
            log(Line(time, request.Method, path, ((int)answer.StatusCode).ToString(CultureInfo.InvariantCulture), started));
        }
    }

    private static string Line(TimeProvider time, string method, string path, string outcome, long started) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():HH:mm:ss} {method} {path} -> {outcome} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms)");

    /// <summary>Stops accepting requests, lets those in flight finish (up to 5 s), and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _invoker.Dispose();
    }

    /// <summary>No console lifetime: the tool handles Ctrl+C and SIGTERM itself.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
