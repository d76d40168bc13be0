using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing;

/// <summary>The loopback transport: an <see cref="HttpListener"/> on 127.0.0.1 and a free port.</summary>
internal sealed class SimulatorServer : IDisposable
{
    private readonly ConscentSimulator _simulator;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private SimulatorServer(ConscentSimulator simulator, HttpListener listener, Uri address)
    {
        _simulator = simulator;
        _listener = listener;
        Address = address;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Address { get; }

    public static SimulatorServer Start(ConscentSimulator simulator)
    {
        HttpListenerException? last = null;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var port = FreePort();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new SimulatorServer(simulator, listener, new Uri(prefix));
            }
            catch (HttpListenerException ex)
            {
                // The port was taken between probing and binding: try another.
                last = ex;
                listener.Close();
            }
        }
        throw new InvalidOperationException("Could not start the simulator's loopback server on a free port.", last);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string? name in request.Headers.AllKeys)
            {
                if (name is null) continue;
                var values = request.Headers.GetValues(name);
                headers[name] = values is null ? "" : string.Join(", ", values);
            }
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                await request.InputStream.CopyToAsync(buffer, _stopping.Token).ConfigureAwait(false);
                body = buffer.ToArray();
            }
            var raw = request.RawUrl ?? "/";
            var q = raw.IndexOf('?', StringComparison.Ordinal);
            var path = q < 0 ? raw : raw.Substring(0, q);
            var query = q < 0 ? "" : raw.Substring(q + 1);
            var host = request.Headers["Host"] ?? Address.Authority;

            var answer = await _simulator.ProcessAsync(
                new SimHttpRequest(request.HttpMethod, path, query, host, headers, body, SimulatorTransport.Server), _stopping.Token).ConfigureAwait(false);

            if (answer.Drop)
            {
                response.Abort();
                return;
            }
            response.StatusCode = answer.Status;
            foreach (var header in answer.Headers) response.AddHeader(header.Key, header.Value);
            var bytes = answer.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(answer.Body);
            if (answer.Body is not null) response.ContentType = "application/json; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token).ConfigureAwait(false);
            response.Close();
        }
#pragma warning disable CA1031 // One failed exchange must not take the server down.
        catch (Exception)
#pragma warning restore CA1031
        {
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stopping.Dispose();
    }
}
