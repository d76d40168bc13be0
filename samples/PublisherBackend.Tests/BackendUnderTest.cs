using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PublisherBackend.Tests;

/// <summary>
/// The real PublisherBackend app, started on a free loopback port, talking to an in-memory ConsCent simulator
/// (the SDK's HttpClient uses the simulator's handler: no network, no credentials).
/// </summary>
public sealed class BackendUnderTest : IAsyncDisposable
{
    private BackendUnderTest(ConscentSimulator simulator, WebApplication app, Uri address)
    {
        Simulator = simulator;
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public ConscentSimulator Simulator { get; }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>A client for the app (as the browser or ConsCent would call it).</summary>
    public HttpClient Http { get; }

    public EntitlementStore Entitlements => App.Services.GetRequiredService<EntitlementStore>();

    public static async Task<BackendUnderTest> StartAsync(ConscentSimulatorOptions? simulatorOptions = null)
    {
        var simulator = new ConscentSimulator(simulatorOptions ?? new ConscentSimulatorOptions());
        // The app registers the SDK exactly as in production; the test swaps its transport for the simulator.
        var app = PublisherApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], services =>
            services.AddConscentSimulator(simulator));
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        return new BackendUnderTest(simulator, app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
