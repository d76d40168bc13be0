using System;
using System.Text;
using System.Threading.Tasks;
using Conscent.Cli.Sdk;
using Conscent.Sdk.Testing;

namespace Conscent.Cli.Tests.Infrastructure;

/// <summary>
/// A ConsCent simulator on a loopback port (the testing package's server) with credentials of its own, so a test can
/// point the tool at it through CONSCENT_* variables and check the secret never shows.
/// </summary>
public static class TestSimulator
{
    public const string ApiKey = "cli-test-key-7Q2W";
    public const string ApiSecret = "cli-test-secret-never-shown-4f9a2c";

    /// <summary>The Basic credentials as they travel (base64 of key:secret): must never be printed either.</summary>
    public static readonly string EncodedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":" + ApiSecret));

    public static async Task<ConscentSimulator> StartAsync(bool demo = true)
    {
        var simulator = new ConscentSimulator(new ConscentSimulatorOptions
        {
            ApiKey = ApiKey,
            ApiSecret = ApiSecret,
            ClientId = "cli-test-client",
            TimeProvider = new FixedClock(CliRunner.Now),
        });
        if (demo) ConscentTestKit.SeedDemo(simulator, CliRunner.Now);
        await simulator.StartServerAsync();
        return simulator;
    }

    /// <summary>A runner whose CONSCENT_* variables point at <paramref name="simulator"/>.</summary>
    public static CliRunner RunnerFor(ConscentSimulator simulator)
    {
        var runner = new CliRunner();
        runner.Environment["CONSCENT_API_KEY"] = ApiKey;
        runner.Environment["CONSCENT_API_SECRET"] = ApiSecret;
        runner.Environment["CONSCENT_CLIENT_ID"] = "cli-test-client";
        runner.Environment["CONSCENT_ENVIRONMENT"] = simulator.ServerAddress!.ToString();
        return runner;
    }

    /// <summary>The demo data as the tool seeds it (the same for the same clock).</summary>
    public static ConscentSimulator Demo()
    {
        var simulator = new ConscentSimulator(new ConscentSimulatorOptions { TimeProvider = new FixedClock(CliRunner.Now) });
        ConscentTestKit.SeedDemo(simulator, CliRunner.Now);
        return simulator;
    }

    public static void ShouldShowNoCredentials(this CliResult result)
    {
        result.All.Should().NotContain(ApiSecret).And.NotContain(EncodedCredentials);
    }
}
