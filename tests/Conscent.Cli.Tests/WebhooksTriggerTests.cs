using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Cli.Tests.Infrastructure;
using Conscent.Sdk.Testing;

namespace Conscent.Cli.Tests;

public sealed class WebhooksTriggerTests
{
    public static TheoryData<string> Events => new()
    {
        "sign-up", "login", "subscription-payment", "subscription-cancelled", "pass-payment", "subscription-bundle-payment", "review-subscription", "micro-payment",
    };

    private static CliRunner Runner()
    {
        var runner = new CliRunner();
        runner.Environment["CONSCENT_API_KEY"] = WebhookReceiver.ApiKey;
        runner.Environment["CONSCENT_API_SECRET"] = WebhookReceiver.ApiSecret;
        return runner;
    }

    private static void ShouldShowNoSecrets(CliResult result)
    {
        result.All.Should().NotContain(WebhookReceiver.ApiSecret).And.NotContain("Basic ")
            .And.NotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WebhookReceiver.ApiKey + ":" + WebhookReceiver.ApiSecret)));
        result.All.Should().NotContain("reader@example.com").And.NotContain("9999999999");
    }

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Every_webhook_signed_as_ConsCent_signs_it_is_accepted_and_handled(string name)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var result = await Runner().RunAsync("webhooks", "trigger", name, "--to", receiver.Url(name).ToString());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("#1: 200 OK in ").And.Contain(" ms: accepted");
        receiver.Handled.Should().ContainKey(name).WhoseValue.Should().Be(1);
        ShouldShowNoSecrets(result);
    }

    [Theory]
    [InlineData("sign-up", "wrong-secret")]
    [InlineData("sign-up", "alg-none")]
    [InlineData("sign-up", "tampered")]
    [InlineData("login", "alg-none")]
    [InlineData("review-subscription", "alg-none")]
    [InlineData("review-subscription", "tampered")]
    [InlineData("micro-payment", "wrong-secret")]
    [InlineData("subscription-payment", "wrong-secret")]
    public async Task A_forgery_is_rejected_which_is_the_expected_outcome_exit_0(string name, string forgery)
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var result = await Runner().RunAsync("webhooks", "trigger", name, "--to", receiver.Url(name).ToString(), "--forge", forgery);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain($"(forged: {forgery})").And.Contain("#1: 401 Unauthorized").And.Contain("rejected, as it should be");
        receiver.Handled.Should().BeEmpty();
        ShouldShowNoSecrets(result);
    }

    [Fact]
    public async Task A_forgery_that_a_receiver_accepts_is_exit_3()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var result = await Runner().RunAsync("webhooks", "trigger", "sign-up", "--to", new Uri(receiver.Address, "open").ToString(), "--forge", "wrong-secret");

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Out.Should().Contain("ACCEPTED a forged delivery");
        result.Error.Should().Contain("1 of 1 forged deliveries were not rejected");
    }

    [Theory]
    [InlineData("alg-none")]
    [InlineData("tampered")]
    public async Task Signature_forgeries_on_webhooks_without_signed_identifiers_are_usage_errors(string forgery)
    {
        var result = await Runner().RunAsync("webhooks", "trigger", "micro-payment", "--to", "http://127.0.0.1:9/", "--forge", forgery);

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("sign-up, login and review-subscription");
    }

    [Fact]
    public async Task Repeat_sends_the_same_delivery_and_a_deduplicating_receiver_handles_it_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var result = await Runner().RunAsync("webhooks", "trigger", "pass-payment", "--to", receiver.Url("pass-payment").ToString(), "--repeat", "3");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("sent 3 times").And.Contain("#1: 200").And.Contain("#2: 200").And.Contain("#3: 200").And.Contain("All 3 answered 2xx");
        receiver.Handled["pass-payment"].Should().Be(1);
    }

    [Fact]
    public async Task Two_runs_are_two_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        foreach (var _ in Enumerable.Range(0, 2))
            (await Runner().RunAsync("webhooks", "trigger", "subscription-cancelled", "--to", receiver.Url("subscription-cancelled").ToString())).ExitCode.Should().Be(0);

        receiver.Handled["subscription-cancelled"].Should().Be(2);
    }

    [Fact]
    public async Task A_payload_file_overrides_fields_and_changed_identifiers_are_signed_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var payload = folder.File("payload.json");
        File.WriteAllText(payload, """{ "userId": "reader-from-file", "email": "someone.else@example.org", "phoneNumber": "9123456789", "address": null }""");

        var result = await Runner().RunAsync("webhooks", "trigger", "sign-up", "--to", receiver.Url("sign-up").ToString(), "--payload", payload);

        result.ExitCode.Should().Be(0, result.ToString());
        receiver.UserIds.Should().Equal("reader-from-file");
        result.All.Should().NotContain("someone.else@example.org").And.NotContain("9123456789");
    }

    [Theory]
    [InlineData("{ \"userId\": ", ExitCodes.Validation, "not valid JSON")]
    [InlineData("[1, 2]", ExitCodes.Validation, "must hold a JSON object")]
    [InlineData("{ \"expiryDate\": \"next week\" }", ExitCodes.Validation, "not a valid")]
    public async Task A_bad_payload_file_is_a_validation_error_and_nothing_is_sent(string text, int exitCode, string message)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var folder = new TempFolder();
        var payload = folder.File("payload.json");
        File.WriteAllText(payload, text);

        var result = await Runner().RunAsync("webhooks", "trigger", "micro-payment", "--to", receiver.Url("micro-payment").ToString(), "--payload", payload);

        result.ExitCode.Should().Be(exitCode, result.ToString());
        result.Error.Should().Contain(message);
        receiver.Handled.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_payload_file_is_a_usage_error()
    {
        var result = await Runner().RunAsync("webhooks", "trigger", "micro-payment", "--to", "http://127.0.0.1:9/", "--payload", "/nonexistent/payload.json");

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("cannot read --payload");
    }

    [Fact]
    public async Task A_receiver_that_fails_is_exit_3()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var result = await Runner().RunAsync("webhooks", "trigger", "micro-payment", "--to", new Uri(receiver.Address, "broken").ToString());

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Out.Should().Contain("#1: 500").And.Contain("NOT accepted");
    }

    [Fact]
    public async Task No_receiver_is_a_network_error_exit_4()
    {
        var result = await Runner().RunAsync("webhooks", "trigger", "micro-payment", "--to", $"http://127.0.0.1:{CredentialsTests.ClosedPort()}/hook");

        result.ExitCode.Should().Be(ExitCodes.Network, result.ToString());
        result.Error.Should().Contain("no answer from");
    }

    [Fact]
    public async Task With_the_simulator_flag_deliveries_are_signed_with_the_simulators_test_credentials()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        // The receiver checks its own key and secret: the simulator's are not those.
        var result = await new CliRunner().RunAsync("webhooks", "trigger", "login", "--to", receiver.Url("login").ToString(), "--simulator");

        result.ExitCode.Should().Be(ExitCodes.Api, result.ToString());
        result.Out.Should().Contain("#1: 401");
        result.All.Should().NotContain(ConscentSimulatorOptions.DefaultApiSecret);
    }

    [Fact]
    public async Task Without_credentials_it_is_a_usage_error()
    {
        var result = await new CliRunner().RunAsync("webhooks", "trigger", "login", "--to", "http://127.0.0.1:9/");

        result.ExitCode.Should().Be(ExitCodes.Usage);
        result.Error.Should().Contain("CONSCENT_API_KEY");
    }
}
