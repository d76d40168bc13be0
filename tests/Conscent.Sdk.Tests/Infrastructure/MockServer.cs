using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>A WireMock server on 127.0.0.1 and a free port, and SDK clients pointed at it with fast retries.</summary>
public sealed class MockServer : IDisposable
{
    public const string ApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";
    public const string ApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG";
    public const string ClientId = "5fbb40b07dd98b0e89d90a25";

    /// <summary>The Authorization value of the decodable example in ConsCent's Authentication section, for the key and secret above.</summary>
    public const string ExpectedAuthorization = "Basic RDZXN1Y4US1NTkc0V1lDLVFYOUJQMkItOEU3QjZLRzpUNFNHSjlISDQ3TVpRWkdTWkVGVjZYUk5TS1E4RDZXN1Y4UU1ORzRXWUNRWDlCUDJCOEU3QjZLRw==";

    public MockServer()
    {
        Server = StartOnFreePort();
    }

    // WireMock takes a port, not port 0, so a free port is picked first and bound a moment later. Test projects run
    // in parallel, and another one can bind that port in between ("address already in use"): pick again, a few times.
    private static WireMockServer StartOnFreePort()
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = new[] { $"http://127.0.0.1:{FreePort()}" },
                    StartAdminInterface = false,
                    Logger = new WireMockNullLogger(),
                });
            }
            catch (WireMock.Exceptions.WireMockException) when (attempt < attempts)
            {
                // The port was taken between FreePort() and the bind; the next attempt picks another.
            }
        }
    }

    public WireMockServer Server { get; }

    public Uri BaseAddress => new(Server.Urls[0]);

    public ConscentOptions Options(Action<ConscentOptions>? configure = null)
    {
        var options = new ConscentOptions
        {
            ApiKey = ApiKey,
            ApiSecret = ApiSecret,
            ClientId = ClientId,
            BaseAddress = BaseAddress,
            Loyalty = new ConscentLoyaltyOptions { BaseAddress = BaseAddress },
            // Generous: CI runs the test projects side by side on two cores, and a first request can take seconds there.
            // A test about timeouts sets its own.
            AttemptTimeout = TimeSpan.FromSeconds(30),
            TotalTimeout = TimeSpan.FromSeconds(90),
            Retry = new ConscentRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(50), UseJitter = false },
            CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = false },
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose requests also pass a <see cref="RecordingHandler"/>, to see exact URIs and headers sent.</summary>
    public ConscentClient Client(Action<ConscentOptions>? configure = null) => new(Options(configure), Recorder);

    /// <summary>Records every request the SDK sends (exact URI, headers), then forwards it to the server.</summary>
    public RecordingHandler Recorder { get; } = new();

    public int RequestCount => Server.LogEntries.Count;

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Server.Stop();
        Recorder.Dispose();
    }
}
