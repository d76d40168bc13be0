using System.Reflection;
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
