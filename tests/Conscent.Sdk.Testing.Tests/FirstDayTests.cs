using System;
using System.Linq;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>
/// What a publisher hits on the first day, end to end on the simulator: stale and replayed consumptions, a missing
/// client id, the one-line test wiring, "is ConsCent unavailable?", and seeded purchases that look like ConsCent's.
/// </summary>
public sealed class FirstDayTests : IDisposable
{
    private const string Article = "budget-2026";
    private readonly ConscentSimulator _sim = new();

    public void Dispose() => _sim.Dispose();

    /// <summary>An app wired as in production (its own appsettings), with the simulator swapped in for tests.</summary>
    private ServiceProvider App(Action<IConscentBuilder>? more = null, bool simulator = true)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["Conscent:ApiKey"] = "production-key",
            ["Conscent:ApiSecret"] = "production-secret",
            ["Conscent:ClientId"] = "production-client",
        }).Build();
        var services = new ServiceCollection();
        if (simulator) services.AddConscentSimulator(_sim); // before AddConscent on purpose: the order must not matter
        var builder = services.AddConscent(config.GetSection("Conscent"));
        more?.Invoke(builder);
        return services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task AddConscentSimulator_points_the_apps_registration_at_the_simulator_whatever_the_order()
    {
        using var app = App();
        var options = app.GetRequiredService<IOptions<ConscentOptions>>().Value;
        options.ApiKey.Should().Be(_sim.Settings.ApiKey);
        options.ClientId.Should().Be(_sim.Settings.ClientId);

        _sim.SeedContent(Article, "Budget 2026", "https://news.example/budget", price: 5);
        var item = await app.GetRequiredService<IConscentClient>().Content.GetAsync(Article);

        item.Title.Should().Be("Budget 2026");
        _sim.Requests.Should().ContainSingle().Which.Path.Should().Contain(Article);
    }

    [Fact]
    public async Task A_consumption_older_than_five_minutes_does_not_verify_without_any_maxAge_given()
    {
        using var app = App();
        var consumption = app.GetRequiredService<IConsumptionClient>();
        var stale = _sim.IssueConsumption(Article, createdAt: DateTimeOffset.UtcNow - TimeSpan.FromMinutes(6));
        var fresh = _sim.IssueConsumption(Article, createdAt: DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1));

        (await consumption.VerifyAsync(stale, Article)).Mismatches.Should().Be(ConsumptionMismatch.TooOld);
        (await consumption.VerifyAsync(fresh, Article)).IsValid.Should().BeTrue();
        ConscentOptions.DefaultConsumptionMaxAge.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task The_age_check_is_configurable_and_can_only_be_turned_off_explicitly()
    {
        var yearOld = _sim.IssueConsumption(Article, createdAt: DateTimeOffset.UtcNow - TimeSpan.FromDays(365));
        using var app = App(b => b.Services.PostConfigure<ConscentOptions>(o => o.ConsumptionMaxAge = TimeSpan.FromDays(400)));
        var consumption = app.GetRequiredService<IConsumptionClient>();

        (await consumption.VerifyAsync(yearOld, Article)).IsValid.Should().BeTrue("the app allows 400 days");
        (await consumption.VerifyAsync(yearOld, Article, TimeSpan.FromDays(1))).Mismatches.Should().Be(ConsumptionMismatch.TooOld, "the call's own age wins");
        (await consumption.VerifyAsync(yearOld, Article, System.Threading.Timeout.InfiniteTimeSpan)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task With_the_replay_guard_a_consumption_id_unlocks_once()
    {
        using var app = App(b => b.AddConsumptionReplayGuard());
        var consumption = app.GetRequiredService<IConsumptionClient>();
        var id = _sim.IssueConsumption(Article);

        (await consumption.VerifyAsync(id, "another-article")).Mismatches.Should().Be(ConsumptionMismatch.ContentId, "a failed check does not use the id up");
        (await consumption.VerifyAsync(id, Article)).IsValid.Should().BeTrue("the first reader unlocks");
        var second = await consumption.VerifyAsync(id, Article);
        second.Mismatches.Should().Be(ConsumptionMismatch.AlreadyUsed, "a shared id must not unlock for a second reader");
        second.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Without_the_replay_guard_the_same_id_verifies_again_as_documented()
    {
        using var app = App();
        var consumption = app.GetRequiredService<IConsumptionClient>();
        var id = _sim.IssueConsumption(Article);

        (await consumption.VerifyAsync(id, Article)).IsValid.Should().BeTrue();
        (await consumption.VerifyAsync(id, Article)).IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_app_without_a_client_id_fails_at_startup_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddConscent(o => { o.ApiKey = "key"; o.ApiSecret = "secret-that-must-not-show"; });
        using var app = services.BuildServiceProvider();

        var ex = FluentActions.Invoking(() => app.GetRequiredService<IOptions<ConscentOptions>>().Value).Should().Throw<OptionsValidationException>().Which;
        ex.Message.Should().Contain("Conscent:ClientId is required").And.Contain("RequireClientId").And.NotContain("secret-that-must-not-show");
        FluentActions.Invoking(() => new ConscentClient(new ConscentOptions { ApiKey = "key", ApiSecret = "secret" }))
            .Should().Throw<ConscentConfigurationException>().WithMessage("*Conscent:ClientId*");
    }

    [Fact]
    public async Task A_real_host_without_a_client_id_fails_to_start_naming_the_key()
    {
        // Not just IOptions.Value: the host's own start runs the validation ValidateOnStart registers, so the app cannot
        // boot (and then fail every unlock) without a client id.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddConscent(o => { o.ApiKey = "key"; o.ApiSecret = "secret-that-must-not-show"; });
        using var host = builder.Build();

        var ex = (await FluentActions.Awaiting(() => host.StartAsync()).Should().ThrowAsync<OptionsValidationException>()).Which;

        ex.Message.Should().Contain("Conscent:ClientId is required").And.NotContain("secret-that-must-not-show");
        ex.Failures.Should().ContainSingle("only the client id is missing");
    }

    [Fact]
    public async Task A_real_host_with_a_client_id_starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddConscent(o => { o.ApiKey = "key"; o.ApiSecret = "secret"; o.ClientId = "client"; });
        using var host = builder.Build();

        await host.StartAsync();

        host.Services.GetRequiredService<IOptions<ConscentOptions>>().Value.ClientId.Should().Be("client");
        await host.StopAsync();
    }

    [Fact]
    public async Task An_app_that_opts_out_of_the_client_id_starts_and_VerifyAsync_names_itself_in_the_error()
    {
        using var client = _sim.CreateClient(o => { o.ClientId = null; o.RequireClientId = false; });

        var ex = await FluentActions.Awaiting(() => client.Consumption.VerifyAsync("c1", Article))
            .Should().ThrowAsync<ConscentValidationException>();
        ex.Which.Operation.Should().Be("Consumption.Verify");
        ex.Which.Message.Should().Contain("Consumption.Verify").And.Contain("clientId");
        _sim.Requests.Should().BeEmpty("nothing is sent when the request cannot be checked");
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(404, false)]
    [InlineData(401, false)]
    public async Task IsTransient_tells_try_later_from_fix_it(int status, bool transient)
    {
        using var client = _sim.CreateClient(o => o.Retry.MaxRetryAttempts = 0);
        _sim.Faults.Enqueue(SimulatedFault.Status(status));

        var ex = await FluentActions.Awaiting(() => client.Content.GetAsync(Article)).Should().ThrowAsync<ConscentException>();

        ex.Which.IsTransient.Should().Be(transient);
    }

    [Fact]
    public async Task IsTransient_covers_timeouts_and_validation_is_never_transient()
    {
        using var client = _sim.CreateClient(o => { o.Retry.MaxRetryAttempts = 0; o.AttemptTimeout = TimeSpan.FromMilliseconds(50); });
        _sim.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(5)));

        (await FluentActions.Awaiting(() => client.Content.GetAsync(Article)).Should().ThrowAsync<ConscentTimeoutException>()).Which.IsTransient.Should().BeTrue();
        (await FluentActions.Awaiting(() => client.Content.GetAsync(" ")).Should().ThrowAsync<ConscentValidationException>()).Which.IsTransient.Should().BeFalse();
    }

    [Fact]
    public async Task A_seeded_micro_payment_is_served_with_its_contents_title_and_url()
    {
        _sim.SeedContent(Article, "Budget 2026", "https://news.example/budget", price: 5);
        var user = _sim.SeedUser(new SimulatedUser { Email = "reader@example.com" });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, ClientContentId = Article, Price = 5 });
        _sim.SeedPurchase(new SimulatedPurchase { UserId = user.Id, ClientContentId = "not-registered", Price = 1 });
        using var client = _sim.CreateClient();

        var all = await client.Purchases.ListAsync(new PurchaseQuery { From = DateTimeOffset.UtcNow.AddDays(-1), To = DateTimeOffset.UtcNow.AddDays(1) }).GetPageAsync();

        all.Items!.Select(p => p.Content!.Title).Should().BeEquivalentTo(new[] { "Budget 2026", "not-registered" });
        all.Items.Should().OnlyContain(p => !string.IsNullOrEmpty(p.Content!.Url));
    }

    [Fact]
    public void The_simulator_has_no_Options_property_that_would_silently_drop_changes()
    {
        typeof(ConscentSimulator).GetProperty("Options").Should().BeNull("a property returning a fresh copy made sim.Options.ApiSecret = \"x\" do nothing");
        _sim.CreateOptions().Should().NotBeSameAs(_sim.CreateOptions());
    }

    [Fact]
    public async Task The_SDK_reads_time_from_the_TimeProvider_the_app_registers()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var sim = new ConscentSimulator(new ConscentSimulatorOptions { TimeProvider = clock });
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddConscent(o => { o.ApiKey = "k"; o.ApiSecret = "s"; o.ClientId = "c"; });
        services.AddConscentSimulator(sim);
        using var app = services.BuildServiceProvider();
        var id = sim.IssueConsumption(Article); // created "now" on the fake 2020 clock

        var result = await app.GetRequiredService<IConsumptionClient>().VerifyAsync(id, Article);

        result.IsValid.Should().BeTrue("on the system clock this 2020 consumption would be years too old");
        result.Age.Should().Be(TimeSpan.Zero);
    }
}
