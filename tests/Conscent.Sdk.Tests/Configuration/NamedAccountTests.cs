using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Tests.Reliability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Configuration;

/// <summary>Several ConsCent accounts in one container: AddConscent(name, …), keyed services and IConscentClientFactory.</summary>
public sealed class NamedAccountTests : IDisposable
{
    private const string ClientId = "5fbb40b07dd98b0e89d90a25";

    private readonly MockServer _default = new();
    private readonly MockServer _brandA = new();
    private readonly MockServer _brandB = new();

    public NamedAccountTests()
    {
        foreach (var mock in new[] { _default, _brandA, _brandB })
            mock.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithBody(Samples.Text("content-get.response.json")));
    }

    public void Dispose()
    {
        _default.Dispose();
        _brandA.Dispose();
        _brandB.Dispose();
    }

    private static string Basic(string key, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret));

    private static Action<ConscentOptions> Account(MockServer mock, string key, string secret) => o =>
    {
        o.ApiKey = key;
        o.ApiSecret = secret;
        o.ClientId = ClientId;
        o.BaseAddress = mock.BaseAddress;
        o.Retry.MaxRetryAttempts = 0;
    };

    private ServiceCollection ThreeAccounts()
    {
        var services = new ServiceCollection();
        services.AddConscent(Account(_default, "default-key", "default-secret"));
        services.AddConscent("brand-a", Account(_brandA, "brand-a-key", "brand-a-secret"));
        services.AddConscent("brand-b", Account(_brandB, "brand-b-key", "brand-b-secret"));
        return services;
    }

    private static string SentAuthorization(MockServer mock) => mock.Server.LogEntries.Single().RequestMessage!.Headers!["Authorization"].Single();

    [Fact]
    public async Task Two_named_accounts_and_the_default_each_send_their_own_credentials_to_their_own_server()
    {
        using var provider = ThreeAccounts().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var factory = provider.GetRequiredService<IConscentClientFactory>();

        await provider.GetRequiredService<IConscentClient>().Content.GetAsync("a1");
        await factory.GetClient("brand-a").Content.GetAsync("a1");
        await factory.GetClient("brand-b").Content.GetAsync("a1");

        SentAuthorization(_default).Should().Be(Basic("default-key", "default-secret"));
        SentAuthorization(_brandA).Should().Be(Basic("brand-a-key", "brand-a-secret"));
        SentAuthorization(_brandB).Should().Be(Basic("brand-b-key", "brand-b-secret"));
        factory.AccountNames.Should().Equal("brand-a", "brand-b");
    }

    [Fact]
    public async Task Keyed_services_give_each_account_its_root_client_and_every_area()
    {
        var services = ThreeAccounts();
        services.AddTransient<BrandAPage>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        (await provider.GetRequiredKeyedService<IContentClient>("brand-b").GetAsync("b1")).Title.Should().Be("Tesla Tequila");
        (await provider.GetRequiredService<BrandAPage>().Content.GetAsync("a1")).Title.Should().Be("Tesla Tequila");

        SentAuthorization(_brandB).Should().Be(Basic("brand-b-key", "brand-b-secret"));
        SentAuthorization(_brandA).Should().Be(Basic("brand-a-key", "brand-a-secret"));
        _default.Server.LogEntries.Should().BeEmpty();
        provider.GetRequiredKeyedService<IConscentClient>("brand-a").Should().BeOfType<ConscentClient>();
        provider.GetRequiredKeyedService<IBundlesClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IConsumptionClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IStatsClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<ISubscriptionsClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IPurchasesClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IUsersClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IAutoLoginClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<ILoyaltyClient>("brand-a").Should().NotBeNull();
        provider.GetRequiredKeyedService<IStoriesClient>("brand-a").Should().NotBeNull();
        provider.GetKeyedService<IConscentClient>("brand-c").Should().BeNull("only registered names resolve");
    }

    [Fact]
    public void The_factory_names_an_unknown_account_and_lists_the_registered_ones()
    {
        using var provider = ThreeAccounts().BuildServiceProvider();

        var act = () => provider.GetRequiredService<IConscentClientFactory>().GetClient("brand-c");

        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .Contain("\"brand-c\"").And.Contain("\"brand-a\", \"brand-b\"").And.NotContain("secret");
    }

    [Fact]
    public async Task The_factory_gives_the_default_account_for_the_empty_name()
    {
        using var provider = ThreeAccounts().BuildServiceProvider();

        await provider.GetRequiredService<IConscentClientFactory>().GetClient(Options.DefaultName).Content.GetAsync("d1");

        SentAuthorization(_default).Should().Be(Basic("default-key", "default-secret"));
    }

    [Fact]
    public void The_factory_says_so_when_only_named_accounts_are_registered_and_the_default_is_asked_for()
    {
        var services = new ServiceCollection();
        services.AddConscent("brand-a", Account(_brandA, "brand-a-key", "brand-a-secret"));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IConscentClientFactory>();

        factory.Invoking(f => f.GetClient("")).Should().Throw<ArgumentException>().WithMessage("*No default ConsCent account*\"brand-a\"*");
        provider.GetService<IConscentClient>().Should().BeNull("the unnamed registration was not made");
    }

    [Fact]
    public void The_unnamed_registration_alone_also_offers_the_factory()
    {
        var services = new ServiceCollection();
        services.AddConscent(Account(_default, "default-key", "default-secret"));
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IConscentClientFactory>();

        factory.AccountNames.Should().BeEmpty();
        factory.GetClient("").Should().BeOfType<ConscentClient>();
    }

    [Fact]
    public void Startup_validation_names_the_account_and_its_configuration_keys_and_never_the_secret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Brands:brand-a:ApiSecret"] = "brand-a-secret-value-9",
            ["Brands:brand-a:ClientId"] = ClientId,
        }).Build();
        var services = new ServiceCollection();
        services.AddConscent(Account(_default, "default-key", "default-secret"));
        services.AddConscent("brand-a", configuration.GetSection("Brands:brand-a"));
        using var provider = services.BuildServiceProvider();

        // What the host runs when it starts (ValidateOnStart).
        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("ConsCent account \"brand-a\": Brands:brand-a:ApiKey is required")
            .And.Contain("Brands__brand-a__ApiKey")
            .And.NotContain("brand-a-secret-value-9")
            .And.NotContain("Conscent:ApiKey", "the default account is valid");
    }

    [Fact]
    public void An_account_configured_in_code_fails_at_startup_naming_the_account_and_the_option()
    {
        var services = new ServiceCollection();
        services.AddConscent("brand-b", o =>
        {
            o.ApiKey = "brand-b-key";
            o.ApiSecret = "brand-b-secret-value-7";
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should()
            .Contain("ConsCent account \"brand-b\": ClientId is required").And.NotContain("brand-b-secret-value-7");
        provider.Invoking(p => p.GetRequiredService<IConscentClientFactory>().GetClient("brand-b"))
            .Should().Throw<OptionsValidationException>().WithMessage("*brand-b*");
    }

    [Fact]
    public async Task Each_account_has_its_own_circuit_breaker()
    {
        using var failing = new MockServer();
        failing.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(503));
        var services = new ServiceCollection();
        void Breaker(ConscentOptions o) => o.CircuitBreaker = new ConscentCircuitBreakerOptions
        {
            Enabled = true, FailureRatio = 0.5, MinimumThroughput = 2, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30),
        };
        services.AddConscent("brand-a", o => { Account(failing, "brand-a-key", "brand-a-secret")(o); Breaker(o); });
        services.AddConscent("brand-b", o => { Account(_brandB, "brand-b-key", "brand-b-secret")(o); Breaker(o); });
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IConscentClientFactory>();

        for (var i = 0; i < 2; i++)
            await factory.Invoking(f => f.GetClient("brand-a").Content.GetAsync("x")).Should().ThrowAsync<ConscentServerException>();
        await factory.Invoking(f => f.GetClient("brand-a").Content.GetAsync("x")).Should().ThrowAsync<ConscentCircuitOpenException>(
            "brand A's clients share one breaker, across resolutions");

        (await factory.GetClient("brand-b").Content.GetAsync("x")).Title.Should().Be("Tesla Tequila", "brand B's breaker is its own");
        failing.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Each_account_has_its_own_HttpClient_for_handlers()
    {
        var marker = new MarkerHandler();
        var services = ThreeAccounts();
        services.AddConscent("brand-a", _ => { }).HttpClient.AddHttpMessageHandler(() => marker);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IConscentClientFactory>();

        await factory.GetClient("brand-b").Content.GetAsync("x");
        await provider.GetRequiredService<IConscentClient>().Content.GetAsync("x");
        marker.Seen.Should().Be(0);
        await factory.GetClient("brand-a").Content.GetAsync("x");
        marker.Seen.Should().Be(1);
        factory.AccountNames.Should().Equal("brand-a", "brand-b");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_account_name_is_refused(string name)
    {
        var services = new ServiceCollection();
        services.Invoking(s => s.AddConscent(name, _ => { })).Should().Throw<ArgumentException>().WithMessage("*unnamed AddConscent*");
    }

    private sealed class BrandAPage([FromKeyedServices("brand-a")] IContentClient content)
    {
        public IContentClient Content { get; } = content;
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
}

/// <summary>The account tag on traces and metrics. Not parallel: listeners are process-wide.</summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class NamedAccountTelemetryTests : IDisposable
{
    private readonly MockServer _mock = new();
    private readonly TelemetryCapture _telemetry = new();

    public void Dispose()
    {
        _telemetry.Dispose();
        _mock.Dispose();
    }

    [Fact]
    public async Task A_named_account_tags_its_spans_and_metrics_and_the_default_account_does_not()
    {
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(503));
        _mock.Server.Given(Request.Create().UsingGet()).InScenario("t").WhenStateIs("ok").RespondWith(Response.Create().WithBody(Samples.Text("content-get.response.json")));
        var services = new ServiceCollection();
        void Configure(ConscentOptions o)
        {
            o.ApiKey = MockServer.ApiKey;
            o.ApiSecret = MockServer.ApiSecret;
            o.ClientId = MockServer.ClientId;
            o.BaseAddress = _mock.BaseAddress;
            o.Retry = new ConscentRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false };
        }
        services.AddConscent(Configure);
        services.AddConscent("brand-a", Configure);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IContentClient>("brand-a").GetAsync("x");
        await provider.GetRequiredService<IContentClient>().GetAsync("x");

        var spans = _telemetry.Activities.Where(a => a.OperationName == "Conscent Content.Get").ToList();
        spans.Should().HaveCount(2);
        spans.Should().ContainSingle(a => (string?)a.GetTagItem("conscent.account") == "brand-a");
        spans.Should().ContainSingle(a => a.GetTagItem("conscent.account") == null, "the default account keeps today's tags");
        var durations = _telemetry.Measurements.Where(m => m.Instrument == "conscent.client.request.duration" && (string?)m.Tags["conscent.operation"] == "Content.Get").ToList();
        durations.Should().Contain(m => m.Tags.ContainsKey("conscent.account") && (string?)m.Tags["conscent.account"] == "brand-a");
        durations.Should().Contain(m => !m.Tags.ContainsKey("conscent.account"));
        _telemetry.Measurements.Should().Contain(m => m.Instrument == "conscent.client.retries" && m.Tags.ContainsKey("conscent.account") && (string?)m.Tags["conscent.account"] == "brand-a",
            "brand A's first call was retried");
    }
}
