using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;

namespace Conscent.Cli.Tests;

public sealed class CredentialsTests
{
    private static readonly string[] DailyStats = ["stats", "daily", "--from", "2026-11-01", "--to", "2026-11-02"];

    [Fact]
    public async Task No_credentials_is_a_usage_error_that_says_where_to_put_them()
    {
        var result = await new CliRunner().RunAsync(DailyStats);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("CONSCENT_API_KEY").And.Contain("--profile").And.Contain("--simulator").And.Contain("user-secrets");
    }

    [Fact]
    public async Task Environment_variables_are_used_and_the_secret_is_never_printed()
    {
        await using var simulator = await TestSimulator.StartAsync();

        var result = await TestSimulator.RunnerFor(simulator).RunAsync(DailyStats);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("environment variables");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task A_key_without_a_secret_is_a_usage_error()
    {
        var runner = new CliRunner();
        runner.Environment["CONSCENT_API_KEY"] = "only-a-key";

        var result = await runner.RunAsync(DailyStats);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("CONSCENT_API_SECRET");
    }

    [Fact]
    public async Task A_wrong_secret_is_an_api_error_exit_3_and_neither_secret_shows()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var runner = TestSimulator.RunnerFor(simulator);
        runner.Environment["CONSCENT_API_SECRET"] = "a-wrong-secret-that-must-not-show";

        var result = await runner.RunAsync(DailyStats);

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Error.Should().Contain("ConscentAuthenticationException");
        result.All.Should().NotContain("a-wrong-secret-that-must-not-show").And.NotContain("   at ");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task No_server_is_a_network_error_exit_4()
    {
        var runner = new CliRunner();
        runner.Environment["CONSCENT_API_KEY"] = TestSimulator.ApiKey;
        runner.Environment["CONSCENT_API_SECRET"] = TestSimulator.ApiSecret;

        var result = await runner.RunAsync([.. DailyStats, "--environment", $"http://127.0.0.1:{ClosedPort()}/"]);

        result.ExitCode.Should().Be(ExitCodes.Network, result.ToString());
        result.Error.Should().Contain("ConscentNetworkException");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task A_profile_is_used_and_wins_over_environment_variables()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        WriteProfiles(runner.ProfilesPath, simulator.ServerAddress!);
        runner.Environment["CONSCENT_API_KEY"] = "env-key";
        runner.Environment["CONSCENT_API_SECRET"] = "env-secret-wrong";

        var result = await runner.RunAsync([.. DailyStats, "--profile", "local"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("profile 'local'");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task Conscent_profile_names_the_profile_when_there_is_no_option()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        WriteProfiles(runner.ProfilesPath, simulator.ServerAddress!);
        runner.Environment["CONSCENT_PROFILE"] = "local";

        var result = await runner.RunAsync(DailyStats);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("profile 'local'");
    }

    [Fact]
    public async Task An_unknown_profile_is_a_usage_error_listing_the_profiles()
    {
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        WriteProfiles(runner.ProfilesPath, new Uri("http://127.0.0.1:9/"));

        var result = await runner.RunAsync([.. DailyStats, "--profile", "staging"]);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("'staging'").And.Contain("default, local");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task A_profile_file_that_is_not_json_is_a_usage_error_that_does_not_echo_the_file()
    {
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        File.WriteAllText(runner.ProfilesPath, "{ \"profiles\": { \"local\": { \"apiSecret\": \"" + TestSimulator.ApiSecret + "\" ");

        var result = await runner.RunAsync([.. DailyStats, "--profile", "local"]);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("not valid JSON");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task A_profile_file_others_can_read_gets_a_warning()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var simulator = await TestSimulator.StartAsync();
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        WriteProfiles(runner.ProfilesPath, simulator.ServerAddress!);
        File.SetUnixFileMode(runner.ProfilesPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await runner.RunAsync([.. DailyStats, "--profile", "local"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("warning").And.Contain("chmod 600");
    }

    [Fact]
    public async Task The_default_profile_is_the_last_resort()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var folder = new TempFolder();
        var runner = new CliRunner { ProfilesPath = folder.File("profiles.json") };
        WriteProfiles(runner.ProfilesPath, simulator.ServerAddress!, defaultIsLocal: true);

        var result = await runner.RunAsync(DailyStats);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("profile 'default'");
    }

    [Fact]
    public async Task User_secrets_are_used_when_no_variable_is_set()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var folder = new TempFolder();
        var runner = new CliRunner { UserSecretsPath = folder.File("secrets.json") };
        // As `dotnet user-secrets set --id conscent-cli …` writes them: flat keys.
        File.WriteAllText(runner.UserSecretsPath,
            $$"""{ "Conscent:ApiKey": "{{TestSimulator.ApiKey}}", "Conscent:ApiSecret": "{{TestSimulator.ApiSecret}}", "Conscent:Environment": "{{simulator.ServerAddress}}" }""");

        var result = await runner.RunAsync(DailyStats);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain("user secrets");
        result.ShouldShowNoCredentials();
    }

    [Fact]
    public async Task The_environment_option_overrides_the_credentials_own()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var runner = TestSimulator.RunnerFor(simulator);
        runner.Environment["CONSCENT_ENVIRONMENT"] = "production";

        var result = await runner.RunAsync([.. DailyStats, "--environment", simulator.ServerAddress!.ToString()]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().Contain(simulator.ServerAddress!.GetLeftPart(UriPartial.Authority));
    }

    [Theory]
    [InlineData(null, "sandbox", "https://sandbox-api.conscent.in", "sandbox")]
    [InlineData(null, "production", "https://api.conscent.in", "production")]
    [InlineData(null, "Production", "https://api.conscent.in", "production")]
    [InlineData(null, null, "https://sandbox-api.conscent.in", "sandbox")]
    [InlineData("production", null, "https://api.conscent.in", "production")]
    [InlineData("production", "sandbox", "https://sandbox-api.conscent.in", "sandbox")]
    [InlineData("sandbox", "production", "https://api.conscent.in", "production")]
    public async Task Sandbox_and_production_reach_their_conscent_addresses(string? variable, string? option, string expectedAddress, string expectedName)
    {
        // The SDK's transport is replaced: every request is recorded and answered in process, none leaves the machine.
        var transport = new RecordingTransport();
        var runner = new CliRunner { ConscentTransport = transport };
        runner.Environment["CONSCENT_API_KEY"] = TestSimulator.ApiKey;
        runner.Environment["CONSCENT_API_SECRET"] = TestSimulator.ApiSecret;
        if (variable is not null) runner.Environment["CONSCENT_ENVIRONMENT"] = variable;

        var result = await runner.RunAsync([.. DailyStats, .. option is null ? Array.Empty<string>() : ["--environment", option]]);

        result.ExitCode.Should().Be(0, result.ToString());
        transport.Requests.Should().HaveCount(2, "one call per day")
            .And.OnlyContain(uri => uri.GetLeftPart(UriPartial.Authority) == expectedAddress && uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal));
        result.Error.Should().Contain($"from ConsCent {expectedName} with credentials from environment variables");
        result.ShouldShowNoCredentials();
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://key:secret@127.0.0.1/")]
    public async Task An_environment_that_is_neither_sandbox_production_nor_an_http_url_is_a_usage_error(string environment)
    {
        var runner = new CliRunner();
        runner.Environment["CONSCENT_API_KEY"] = "k";
        runner.Environment["CONSCENT_API_SECRET"] = "s";

        var result = await runner.RunAsync([.. DailyStats, "--environment", environment]);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("--environment");
        result.All.Should().NotContain("key:secret");
    }

    private static void WriteProfiles(string path, Uri address, bool defaultIsLocal = false)
    {
        var local = $$"""{ "apiKey": "{{TestSimulator.ApiKey}}", "apiSecret": "{{TestSimulator.ApiSecret}}", "clientId": "cli-test-client", "environment": "{{address}}" }""";
        var other = """{ "apiKey": "other", "apiSecret": "other-secret", "environment": "sandbox" }""";
        File.WriteAllText(path, $$"""
            {
              // comments are allowed
              "profiles": {
                "default": {{(defaultIsLocal ? local : other)}},
                "local": {{local}}
              }
            }
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
