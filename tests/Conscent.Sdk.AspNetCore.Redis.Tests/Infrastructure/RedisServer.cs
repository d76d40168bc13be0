using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// The tests share machines with heavy ones of their own (three Kestrel instances, a Redis that is stopped on purpose):
// one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;

/// <summary>
/// A real Redis for the tests. <see cref="Shared"/> is the one named by <c>CONSCENT_REDIS</c> (<c>bash .ci/redis.sh start</c>
/// prints it), else a <c>redis-server</c> from PATH that this process starts on a free loopback port and stops at exit.
/// <see cref="StartOwnAsync"/> always starts a private one, for tests that stop and restart it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string HowToGetOne = "These tests need a real Redis. Run `bash .ci/redis.sh start` (it installs redis-server when it is missing and prints `export CONSCENT_REDIS=127.0.0.1:PORT`), or put redis-server on PATH.";

    private static readonly Lazy<Task<RedisServer>> SharedServer = new(StartSharedAsync);
    private readonly string? _directory;
    private readonly bool _persistent;
    private Process? _process;

    private RedisServer(string host, int port, string? directory, bool persistent)
    {
        Host = host;
        Port = port;
        _directory = directory;
        _persistent = persistent;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>"127.0.0.1:PORT", a StackExchange.Redis configuration string.</summary>
    public string Configuration => Host + ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether this process started (and so may stop) the server.</summary>
    public bool IsOwn => _directory is not null;

    public static Task<RedisServer> Shared => SharedServer.Value;

    /// <summary>Why Redis tests cannot run here, or null when they can (always null in CI, where a missing Redis must fail).</summary>
    public static string? SkipReason =>
        InCi
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CONSCENT_REDIS"))
        || FindRedisServer() is not null
            ? null
            : "No Redis on this machine. " + HowToGetOne;

    /// <summary>CI runners set <c>CI</c> to <c>true</c>, <c>1</c> or a name; only unset, empty, <c>false</c> or <c>0</c> mean a developer's machine.</summary>
    private static bool InCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    /// <summary>A private redis-server on a free port. <paramref name="persistent"/>: AOF with fsync on every write, so a restart keeps what was acknowledged.</summary>
    public static async Task<RedisServer> StartOwnAsync(bool persistent)
    {
        var executable = FindRedisServer() ?? throw new InvalidOperationException("redis-server is not installed. " + HowToGetOne);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++) // a free port can be taken between asking and binding: try another
        {
            var directory = Directory.CreateTempSubdirectory("conscent-redis-").FullName;
            var server = new RedisServer("127.0.0.1", FreePort(), directory, persistent);
            try
            {
                await server.StartProcessAsync(executable);
                return server;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                await server.DisposeAsync();
            }
        }
        throw new InvalidOperationException("redis-server did not start. " + HowToGetOne, last);
    }

    /// <summary>Kills the server, as a crash or an outage would (acknowledged writes are on disk when persistent).</summary>
    public async Task StopAsync()
    {
        if (!IsOwn) throw new InvalidOperationException("Only a server this process started may be stopped.");
        var process = _process;
        _process = null;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Starts the server again on the same port and directory (a persistent one reloads its data).</summary>
    public Task RestartAsync()
    {
        if (!IsOwn) throw new InvalidOperationException("Only a server this process started may be restarted.");
        if (_process is not null) throw new InvalidOperationException("The server is running.");
        return StartProcessAsync(FindRedisServer() ?? throw new InvalidOperationException("redis-server is not installed. " + HowToGetOne));
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOwn) return;
        await StopAsync();
        try
        {
            Directory.Delete(_directory!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<RedisServer> StartSharedAsync()
    {
        var named = Environment.GetEnvironmentVariable("CONSCENT_REDIS");
        if (!string.IsNullOrWhiteSpace(named))
        {
            var (host, port) = Parse(named.Trim());
            var server = new RedisServer(host, port, null, persistent: false);
            if (!await server.PingAsync()) throw new InvalidOperationException($"CONSCENT_REDIS={named} does not answer PING. " + HowToGetOne);
            return server;
        }
        var own = await StartOwnAsync(persistent: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => own.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return own;
    }

    private async Task StartProcessAsync(string executable)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, CreateNoWindow = true };
        foreach (var argument in new[]
        {
            "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dir", _directory!, "--logfile", Path.Combine(_directory!, "redis.log"), "--protected-mode", "yes",
            "--save", "", "--appendonly", _persistent ? "yes" : "no", "--appendfsync", "always",
        })
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        for (var i = 0; i < 100; i++) // up to ~10 s
        {
            if (_process.HasExited) break;
            if (await PingAsync()) return;
            await Task.Delay(100);
        }
        var log = File.Exists(Path.Combine(_directory!, "redis.log")) ? File.ReadAllText(Path.Combine(_directory!, "redis.log")) : "";
        await StopAsync();
        throw new InvalidOperationException($"redis-server on {Configuration} did not answer PING. Its log: {log}");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(Host, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static (string Host, int Port) Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), out var port)) throw new InvalidOperationException($"CONSCENT_REDIS must be HOST:PORT, not '{value}'. " + HowToGetOne);
        return (value[..colon], port);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindRedisServer()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
