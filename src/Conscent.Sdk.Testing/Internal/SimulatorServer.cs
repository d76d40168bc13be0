using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing;

/// <summary>
/// The loopback transport: a small HTTP/1.1 server on 127.0.0.1 and a port the OS picks. Plain sockets, so a
/// "dropped connection" fault really resets the connection, and the request target is seen exactly as sent.
/// Supports keep-alive, Content-Length and chunked request bodies, and <c>Expect: 100-continue</c>.
/// </summary>
internal sealed class SimulatorServer : IDisposable
{
    private const int MaxLine = 16 * 1024;
    private const int MaxBody = 32 * 1024 * 1024;

    private readonly ConscentSimulator _simulator;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly Task _loop;

    private SimulatorServer(ConscentSimulator simulator, TcpListener listener)
    {
        _simulator = simulator;
        _listener = listener;
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Address { get; }

    public static SimulatorServer Start(ConscentSimulator simulator)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new SimulatorServer(simulator, listener);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _connections[client] = 0;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new Reader(stream);
            while (!_stopping.IsCancellationRequested)
            {
                var requestLine = await reader.ReadLineAsync(_stopping.Token).ConfigureAwait(false);
                if (requestLine is null) return;
                if (requestLine.Length == 0) continue;
                var parts = requestLine.Split(' ');
                if (parts.Length != 3)
                {
                    await WriteAsync(stream, new SimHttpResponse(400, null), close: true).ConfigureAwait(false);
                    return;
                }

                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    var line = await reader.ReadLineAsync(_stopping.Token).ConfigureAwait(false);
                    if (line is null) return;
                    if (line.Length == 0) break;
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0) continue;
                    var name = line.Substring(0, colon).Trim();
                    var value = line.Substring(colon + 1).Trim();
                    headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
                }

                if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
                {
                    var cont = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
                    await stream.WriteAsync(cont, _stopping.Token).ConfigureAwait(false);
                }

                byte[] body;
                if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                {
                    body = await reader.ReadChunkedAsync(_stopping.Token).ConfigureAwait(false);
                }
                else if (headers.TryGetValue("Content-Length", out var cl) && long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0)
                {
                    if (length > MaxBody) throw new IOException("Request body too large.");
                    body = await reader.ReadExactAsync((int)length, _stopping.Token).ConfigureAwait(false);
                }
                else
                {
                    body = Array.Empty<byte>();
                }

                var target = parts[1];
                if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    var slash = target.IndexOf('/', target.IndexOf("//", StringComparison.Ordinal) + 2);
                    target = slash < 0 ? "/" : target.Substring(slash);
                }
                var q = target.IndexOf('?', StringComparison.Ordinal);
                var path = q < 0 ? target : target.Substring(0, q);
                var query = q < 0 ? "" : target.Substring(q + 1);
                var host = headers.TryGetValue("Host", out var h) ? h : Address.Authority;

                var answer = await _simulator.ProcessAsync(
                    new SimHttpRequest(parts[0], path, query, host, headers, body, SimulatorTransport.Server), _stopping.Token).ConfigureAwait(false);

                if (answer.Drop)
                {
                    // Reset the connection: the client sees a network error, not an answer.
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                }

                var close = headers.TryGetValue("Connection", out var connection) && connection.Contains("close", StringComparison.OrdinalIgnoreCase);
                await WriteAsync(stream, answer, close).ConfigureAwait(false);
                if (close) return;
            }
        }
#pragma warning disable CA1031 // One broken exchange (client gone, server stopping) must not take the server down.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private async Task WriteAsync(Stream stream, SimHttpResponse answer, bool close)
    {
        var body = answer.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(answer.Body);
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(answer.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Reason(answer.Status)).Append("\r\n");
        if (answer.Body is not null) head.Append("Content-Type: application/json; charset=utf-8\r\n");
        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (var header in answer.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        if (close) head.Append("Connection: close\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token).ConfigureAwait(false);
        if (body.Length > 0) await stream.WriteAsync(body, _stopping.Token).ConfigureAwait(false);
        await stream.FlushAsync(_stopping.Token).ConfigureAwait(false);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var connection in _connections.Keys)
        {
            try
            {
                connection.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
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

    /// <summary>A small buffered reader for request lines, headers and bodies.</summary>
    private sealed class Reader
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public Reader(Stream stream) => _stream = stream;

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            if (_start > 0 && _start == _end) _start = _end = 0;
            if (_end == _buffer.Length)
            {
                if (_start == 0) return false;
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (read == 0) return false;
            _end += read;
            return true;
        }

        /// <summary>One CRLF-terminated line (ASCII/Latin-1), or null at the end of the stream.</summary>
        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new StringBuilder();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] != (byte)'\n') continue;
                    line.Append(Encoding.Latin1.GetString(_buffer, _start, i - _start));
                    _start = i + 1;
                    if (line.Length > 0 && line[^1] == '\r') line.Length--;
                    return line.ToString();
                }
                line.Append(Encoding.Latin1.GetString(_buffer, _start, _end - _start));
                _start = _end;
                if (line.Length > MaxLine) throw new IOException("Header line too long.");
                if (!await FillAsync(ct).ConfigureAwait(false)) return line.Length == 0 ? null : throw new IOException("Connection closed mid-line.");
            }
        }

        public async Task<byte[]> ReadExactAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var copied = 0;
            while (copied < count)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false)) throw new IOException("Connection closed mid-body.");
                var take = Math.Min(count - copied, _end - _start);
                Buffer.BlockCopy(_buffer, _start, result, copied, take);
                _start += take;
                copied += take;
            }
            return result;
        }

        public async Task<byte[]> ReadChunkedAsync(CancellationToken ct)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false) ?? throw new IOException("Connection closed mid-body.");
                var semi = sizeLine.IndexOf(';', StringComparison.Ordinal);
                var size = int.Parse(semi < 0 ? sizeLine.Trim() : sizeLine.Substring(0, semi).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // Trailers, then the empty line.
                    while (!string.IsNullOrEmpty(await ReadLineAsync(ct).ConfigureAwait(false)))
                    {
                    }
                    return body.ToArray();
                }
                if (body.Length + size > MaxBody) throw new IOException("Request body too large.");
                var chunk = await ReadExactAsync(size, ct).ConfigureAwait(false);
                body.Write(chunk, 0, chunk.Length);
                await ReadLineAsync(ct).ConfigureAwait(false);
            }
        }
    }
}
