using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>
/// A deliberately broken HTTP server on 127.0.0.1 for faults WireMock cannot make: it reads the request head, writes
/// <paramref name="rawResponse"/> (maybe cut short) and resets the connection. Accepts at most <c>maxConnections</c>.
/// </summary>
public sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    private readonly TimeSpan _firstConnectionDelay;

    public RawTcpServer(string rawResponse, int maxConnections = 20, TimeSpan firstConnectionDelay = default)
    {
        _firstConnectionDelay = firstConnectionDelay;
        _listener.Start();
        _ = Task.Run(() => AcceptLoop(Encoding.UTF8.GetBytes(rawResponse), maxConnections));
    }

    /// <summary>A complete, valid HTTP/1.1 JSON response.</summary>
    public static string Ok(string json) =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(json)}\r\nConnection: close\r\n\r\n{json}";

    private bool Graceful => _firstConnectionDelay > TimeSpan.Zero;

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptLoop(byte[] response, int maxConnections)
    {
        for (var i = 0; i < maxConnections && !_stop.IsCancellationRequested; i++)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            var number = Interlocked.Increment(ref _connections);
            if (number == 1 && _firstConnectionDelay > TimeSpan.Zero)
            {
                // Hold the first connection open without answering (a slow server), and serve the others at once.
                _ = Task.Run(async () =>
                {
                    using (socket)
                    {
                        try { await Task.Delay(_firstConnectionDelay, _stop.Token); } catch (OperationCanceledException) { }
                    }
                });
                continue;
            }
            using (socket)
            {
                try
                {
                    var buffer = new byte[16 * 1024];
                    var received = new StringBuilder();
                    for (var reads = 0; reads < 64 && !received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal); reads++)
                    {
                        var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (n == 0) break;
                        received.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    if (response.Length > 0) await socket.SendAsync(response, SocketFlags.None, _stop.Token);
                    if (!Graceful) socket.LingerState = new LingerOption(true, 0); // Close with RST: a reset, not a clean end.
                }
                catch (Exception)
                {
                    // The client went away first: fine for a fault server.
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
