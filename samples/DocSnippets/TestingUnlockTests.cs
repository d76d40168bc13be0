// docs/testing-with-the-simulator.md: a whole test file (System, System.Net.Http and Xunit are a test project's
// implicit and global usings). Program is this project's entry point here, the user's app in theirs.
using System;
using System.Net.Http;
using Xunit;
using Conscent.Sdk.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

public sealed class UnlockTests : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly ConscentSimulator _simulator = new();
    private readonly HttpClient _app;

    public UnlockTests(WebApplicationFactory<Program> factory) =>
        _app = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddConscentSimulator(_simulator)))   // one line: transport, key, secret, client id, addresses
        .CreateClient();

    public void Dispose() => _simulator.Dispose();
}
