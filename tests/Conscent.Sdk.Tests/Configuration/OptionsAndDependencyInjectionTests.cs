using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Configuration;

public class OptionsAndDependencyInjectionTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Theory]
    [InlineData("ApiKey", "Conscent:ApiKey")]
    [InlineData("ApiSecret", "Conscent:ApiSecret")]
    public void Missing_credentials_fail_at_startup_naming_the_configuration_key(string missing, string key)
    {
        var values = new Dictionary<string, string?> { ["Conscent:ApiKey"] = "key", ["Conscent:ApiSecret"] = "secret-value-123" };
        values.Remove("Conscent:" + missing);
        var services = new ServiceCollection();
        services.AddConscent(Config(values).GetSection("Conscent"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<ConscentOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key).And.NotContain("secret-value-123");
    }

    [Fact]
    public void Options_bind_from_configuration_with_every_setting()
    {
        var services = new ServiceCollection();
        services.AddConscent(Config(new Dictionary<string, string?>
        {
            ["Conscent:ApiKey"] = "key",
            ["Conscent:ApiSecret"] = "secret",
            ["Conscent:ClientId"] = "client-1",
            ["Conscent:Environment"] = "Production",
            ["Conscent:AttemptTimeout"] = "00:00:03",
            ["Conscent:TotalTimeout"] = "00:00:09",
            ["Conscent:Retry:MaxRetryAttempts"] = "5",
            ["Conscent:Loyalty:PartnerId"] = "partner-9",
            ["Conscent:Loyalty:BaseAddress"] = "https://loyalty.example",
        }).GetSection("Conscent"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConscentOptions>>().Value;

        options.ClientId.Should().Be("client-1");
        options.Environment.Should().Be(ConscentEnvironment.Production);
        options.EffectiveBaseAddress.Should().Be(new Uri("https://api.conscent.in"));
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(3));
        options.TotalTimeout.Should().Be(TimeSpan.FromSeconds(9));
        options.Retry.MaxRetryAttempts.Should().Be(5);
        options.Loyalty.PartnerId.Should().Be("partner-9");
        options.Loyalty.BaseAddress.Should().Be(new Uri("https://loyalty.example"));
    }

    [Fact]
    public void Environments_have_the_documented_base_addresses_and_a_custom_one_wins()
    {
        new ConscentOptions().EffectiveBaseAddress.Should().Be(new Uri("https://sandbox-api.conscent.in"));
        new ConscentOptions { Environment = ConscentEnvironment.Production }.EffectiveBaseAddress.Should().Be(new Uri("https://api.conscent.in"));
        new ConscentOptions { Environment = ConscentEnvironment.Production, BaseAddress = new Uri("http://127.0.0.1:9") }.EffectiveBaseAddress.Should().Be(new Uri("http://127.0.0.1:9"));
    }

    [Fact]
    public void Validator_lists_every_problem()
    {
        var failures = ConscentOptionsValidator.Check(new ConscentOptions
        {
            BaseAddress = new Uri("ftp://x"),
            AttemptTimeout = TimeSpan.Zero,
            Retry = new ConscentRetryOptions { MaxRetryAttempts = -1 },
        });

        failures.Should().HaveCount(6);
        string.Join(" ", failures).Should().Contain("Conscent:ApiKey").And.Contain("Conscent:ApiSecret").And.Contain("Conscent:ClientId").And.Contain("Conscent:BaseAddress")
            .And.Contain("Conscent:AttemptTimeout").And.Contain("Conscent:Retry:MaxRetryAttempts");
    }

    [Fact]
    public void Building_a_client_by_hand_with_bad_options_throws_a_configuration_exception()
    {
        var act = () => new ConscentClient(new ConscentOptions { ApiKey = "k" });
        act.Should().Throw<ConscentConfigurationException>().Which.Failures.Should().ContainSingle(f => f.Contains("Conscent:ApiSecret"));
    }

    [Fact]
    public void ToString_and_debugger_view_never_show_the_secret()
    {
        var options = new ConscentOptions { ApiKey = "key", ApiSecret = "TOPSECRETVALUE", Loyalty = new ConscentLoyaltyOptions { ApiKey = "LOYALTYKEYVALUE" } };

        options.ToString().Should().NotContain("TOPSECRETVALUE").And.Contain("ApiSecret = ***");
        options.Loyalty.ToString().Should().NotContain("LOYALTYKEYVALUE");
        typeof(ConscentOptions).GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), false)
            .Cast<System.Diagnostics.DebuggerDisplayAttribute>().Single().Value.Should().Be("{ToString(),nq}");
    }

    [Fact]
    public void AddConscent_registers_the_root_and_every_area_behind_interfaces()
    {
        var services = new ServiceCollection();
        services.AddConscent(o =>
        {
            o.ApiKey = "key";
            o.ApiSecret = "secret";
            o.ClientId = "5fbb40b07dd98b0e89d90a25";
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IConscentClient>().Should().BeOfType<ConscentClient>();
        provider.GetRequiredService<IContentClient>().Should().BeOfType<ContentClient>();
        provider.GetRequiredService<IBundlesClient>().Should().NotBeNull();
        provider.GetRequiredService<IConsumptionClient>().Should().NotBeNull();
        provider.GetRequiredService<IStatsClient>().Should().NotBeNull();
        provider.GetRequiredService<ISubscriptionsClient>().Should().NotBeNull();
        provider.GetRequiredService<IPurchasesClient>().Should().NotBeNull();
        provider.GetRequiredService<Conscent.Sdk.IUsersClient>().Should().NotBeNull();
        provider.GetRequiredService<IAutoLoginClient>().Should().NotBeNull();
        provider.GetRequiredService<ILoyaltyClient>().Should().NotBeNull();
        provider.GetRequiredService<IStoriesClient>().Should().NotBeNull();
        provider.GetRequiredService<IHttpClientFactory>().Should().NotBeNull();
    }

    [Fact]
    public void Replacing_an_area_interface_with_a_mock_is_respected()
    {
        var services = new ServiceCollection();
        var fake = new FakeContentClient();
        services.AddSingleton<IContentClient>(fake);
        services.AddConscent(o =>
        {
            o.ApiKey = "key";
            o.ApiSecret = "secret";
            o.ClientId = "5fbb40b07dd98b0e89d90a25";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IContentClient>().Should().BeSameAs(fake);
    }

    [Fact]
    public async Task AddConscent_client_goes_through_the_users_handlers_and_the_pipeline()
    {
        using var mock = new MockServer();
        mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(Samples.Text("content-get.response.json")));
        var marker = new MarkerHandler();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddConscent(o =>
        {
            o.ApiKey = MockServer.ApiKey;
            o.ApiSecret = MockServer.ApiSecret;
            o.ClientId = "5fbb40b07dd98b0e89d90a25";
            o.BaseAddress = mock.BaseAddress;
        }).HttpClient.AddHttpMessageHandler(() => marker);
        using var provider = services.BuildServiceProvider();

        var item = await provider.GetRequiredService<IContentClient>().GetAsync("Client Content Id 6");

        item.Title.Should().Be("Tesla Tequila");
        marker.Seen.Should().Be(1);
        var request = mock.Server.LogEntries.Single().RequestMessage!;
        request.Headers!["Authorization"].Single().Should().Be(MockServer.ExpectedAuthorization);
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        logs.Should().Contain(l => l.Id.Id == 1001);
        string.Join("\n", logs.Select(l => l.Message)).Should().NotContain(MockServer.ApiSecret).And.NotContain("Client Content Id 6");
    }

    [Fact]
    public async Task Client_built_by_hand_over_an_HttpClient_runs_the_same_pipeline()
    {
        using var mock = new MockServer();
        mock.Server.Given(Request.Create().UsingGet()).InScenario("s").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        mock.Server.Given(Request.Create().UsingGet()).InScenario("s").WhenStateIs("ok").RespondWith(Response.Create().WithBody(Samples.Text("content-get.response.json")));
        using var http = new HttpClient();
        using var client = new ConscentClient(mock.Options(), http);

        (await client.Content.GetAsync("x")).Title.Should().Be("Tesla Tequila");
        mock.Server.LogEntries.Should().HaveCount(2, "the SDK's retry applies to a caller's HttpClient too");
    }

    private sealed class MarkerHandler : DelegatingHandler
    {
        public int Seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Seen);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FakeContentClient : ContentClient
    {
    }
}
