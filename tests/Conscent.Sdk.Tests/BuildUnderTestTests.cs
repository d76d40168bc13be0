using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using System.Runtime.Versioning;

namespace Conscent.Sdk.Tests;

/// <summary>
/// The same suite runs against every shipped build of Conscent.Sdk (see CoreTests.props). This pins which build and which
/// runtime each test project really loads, so a project that silently fell back to another build fails here.
/// </summary>
public class BuildUnderTestTests
{
#if CONSCENT_TEST_NETSTANDARD
    private const string ExpectedLibraryTarget = ".NETStandard,Version=v2.0";
    private const string ExpectedRuntime = ".NET 10.";
#elif CONSCENT_TEST_NET8
    private const string ExpectedLibraryTarget = ".NETCoreApp,Version=v8.0";
    private const string ExpectedRuntime = ".NET 8.";
#else
    private const string ExpectedLibraryTarget = ".NETCoreApp,Version=v10.0";
    private const string ExpectedRuntime = ".NET 10.";
#endif

    [Fact]
    public void The_library_under_test_is_the_expected_build()
    {
        var target = typeof(ConscentClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();
        target.Should().NotBeNull();
        target!.FrameworkName.Should().Be(ExpectedLibraryTarget);
    }

    [Fact]
    public void The_tests_run_on_the_expected_runtime()
    {
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.Should().StartWith(ExpectedRuntime);
    }

    /// <summary>
    /// <c>AddConscent</c> gives its named HttpClient the same primary handler as <c>new ConscentClient(options)</c> on every
    /// build: compressed answers everywhere, pooled connections recycled on net8.0 and later.
    /// </summary>
    [Fact]
    public void The_di_client_gets_the_primary_handler_of_its_build()
    {
        var services = new ServiceCollection();
        services.AddConscent(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.ClientId = "c"; });
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<System.Net.Http.IHttpMessageHandlerFactory>()
            .CreateHandler(ConscentServiceCollectionExtensions.HttpClientName);
        for (var depth = 0; depth < 16 && handler is System.Net.Http.DelegatingHandler delegating; depth++)
            handler = delegating.InnerHandler!;

#if CONSCENT_TEST_NETSTANDARD
        handler.Should().BeOfType<System.Net.Http.HttpClientHandler>()
            .Which.AutomaticDecompression.Should().HaveFlag(System.Net.DecompressionMethods.GZip);
#else
        var sockets = handler.Should().BeOfType<System.Net.Http.SocketsHttpHandler>().Subject;
        sockets.PooledConnectionLifetime.Should().Be(System.TimeSpan.FromMinutes(2));
        sockets.AutomaticDecompression.Should().HaveFlag(System.Net.DecompressionMethods.GZip);
#endif
    }

    /// <summary>The one branch the suite does not reach through a call: which primary handler each build creates.</summary>
    [Fact]
    public void Each_build_creates_its_own_primary_handler()
    {
        using var handler = ConscentClient.CreateDefaultHandler();
#if CONSCENT_TEST_NETSTANDARD
        var clientHandler = handler.Should().BeOfType<System.Net.Http.HttpClientHandler>().Subject;
        clientHandler.AutomaticDecompression.Should().HaveFlag(System.Net.DecompressionMethods.GZip);
#else
        var sockets = handler.Should().BeOfType<System.Net.Http.SocketsHttpHandler>().Subject;
        sockets.PooledConnectionLifetime.Should().Be(System.TimeSpan.FromMinutes(2), "pooled connections are recycled so DNS changes are seen");
        sockets.AutomaticDecompression.Should().HaveFlag(System.Net.DecompressionMethods.GZip);
#endif
    }
}
