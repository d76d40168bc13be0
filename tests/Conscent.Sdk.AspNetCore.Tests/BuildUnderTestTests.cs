using System.Reflection;
using System.Runtime.Versioning;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>Pins which builds of the libraries and which runtime this project really runs (see AspNetCoreTests.props).</summary>
public class BuildUnderTestTests
{
#if CONSCENT_TEST_NET8
    private const string ExpectedLibraryTarget = ".NETCoreApp,Version=v8.0";
    private const string ExpectedRuntime = ".NET 8.";
    private const int ExpectedAspNetCoreMajor = 8;
#else
    private const string ExpectedLibraryTarget = ".NETCoreApp,Version=v10.0";
    private const string ExpectedRuntime = ".NET 10.";
    private const int ExpectedAspNetCoreMajor = 10;
#endif

    [Fact]
    public void The_libraries_under_test_are_the_expected_builds()
    {
        foreach (var assembly in new[] { typeof(ConscentClient).Assembly, typeof(IConscentWebhookDeduplicator).Assembly })
            assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName.Should().Be(ExpectedLibraryTarget, assembly.GetName().Name);
    }

    [Fact]
    public void The_tests_run_on_the_expected_runtimes()
    {
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.Should().StartWith(ExpectedRuntime);
        typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().Version!.Major.Should().Be(ExpectedAspNetCoreMajor);
    }
}
