using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Tests.Infrastructure;
using Conscent.Sdk.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>Webhook endpoints bound to named accounts (ForConscentAccount), through a real Kestrel host.</summary>
public sealed class AccountWebhookTests
{
    public const string BrandAKey = "BRANDA1-KEY0000-0000000-0000001";
    public const string BrandASecret = "brand-a-secret-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string BrandBKey = "BRANDB2-KEY0000-0000000-0000002";
    public const string BrandBSecret = "brand-b-secret-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    /// <summary>Registers brand A and brand B beside the host's default account.</summary>
    internal static void AddBrands(IServiceCollection services)
    {
        services.AddConscent("brand-a", o =>
        {
            o.ApiKey = BrandAKey;
            o.ApiSecret = BrandASecret;
            o.ClientId = "brand-a-client";
        });
        services.AddConscent("brand-b", o =>
        {
            o.ApiKey = BrandBKey;
            o.ApiSecret = BrandBSecret;
            o.ClientId = "brand-b-client";
        });
    }

    private static Uri Url(WebhookHost host, string path) => new(host.Client.BaseAddress!, path);

    private static Task<WebhookHost> StartThreeUrls(ConcurrentQueue<string> calls) => WebhookHost.StartAsync(app =>
    {
        app.MapConscentWebhook<MicroPaymentWebhook>("/hooks/a", (_, _) => { calls.Enqueue("a"); return Task.CompletedTask; }).ForConscentAccount("brand-a");
        app.MapConscentWebhook<MicroPaymentWebhook>("/hooks/b", (_, _) => { calls.Enqueue("b"); return Task.CompletedTask; }).ForConscentAccount("brand-b");
        app.MapConscentWebhook<MicroPaymentWebhook>("/hooks/default", (_, _) => { calls.Enqueue("default"); return Task.CompletedTask; });
    }, services: AddBrands);

    [Fact]
    public async Task A_delivery_signed_for_brand_a_is_handled_at_brand_a_and_rejected_at_brand_b_and_at_the_default_url()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await StartThreeUrls(calls);
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);
        var body = Samples.Text("webhook-micro-payment.json");

        using var atA = await brandA.SendAsync(Url(host, "/hooks/a"), body);
        using var atB = await brandA.SendAsync(Url(host, "/hooks/b"), body);
        using var atDefault = await brandA.SendAsync(Url(host, "/hooks/default"), body);

        atA.StatusCode.Should().Be(HttpStatusCode.OK);
        atB.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        atDefault.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        calls.Should().Equal("a");
    }

    [Fact]
    public async Task A_delivery_signed_for_the_default_account_is_rejected_at_a_named_account_url()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await StartThreeUrls(calls);
        using var defaultAccount = new ConscentWebhookSender(WebhookHost.ApiKey, WebhookHost.ApiSecret);
        using var brandB = new ConscentWebhookSender(BrandBKey, BrandBSecret);
        var body = Samples.Text("webhook-micro-payment.json");

        (await defaultAccount.SendAsync(Url(host, "/hooks/a"), body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await defaultAccount.SendAsync(Url(host, "/hooks/default"), body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brandB.SendAsync(Url(host, "/hooks/b"), body)).StatusCode.Should().Be(HttpStatusCode.OK);

        calls.Should().Equal("default", "b");
        host.Logs.GetSnapshot().Should().Contain(l => l.Message.Contains("(account brand-a)") && l.Message.Contains("401"),
            "log events say which account's endpoint refused");
        string.Join("\n", host.Logs.GetSnapshot().Select(l => l.Message)).Should().NotContain(BrandASecret).And.NotContain(BrandBSecret);
    }

    [Fact]
    public async Task Signed_identifiers_are_checked_against_the_secret_of_the_endpoints_account()
    {
        var received = new ConcurrentQueue<SignUpWebhook>();
        await using var host = await WebhookHost.StartAsync(
            app => app.MapConscentWebhook<SignUpWebhook>("/hooks/a/sign-up", (p, _) => { received.Enqueue(p); return Task.CompletedTask; }).ForConscentAccount("brand-a"),
            services: AddBrands);
        string SignUp(string secret)
        {
            var body = JsonNode.Parse(Samples.Text("webhook-sign-up.json"))!.AsObject();
            body["hashedEmail"] = ConscentWebhookSender.CreateHashedIdentifier("test-email@webhook.com", secret);
            body["hashedPhoneNumber"] = ConscentWebhookSender.CreateHashedIdentifier("9818329028", secret);
            return body.ToJsonString();
        }
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);

        using var hashedForDefault = await host.PostAsync("/hooks/a/sign-up", SignUp(WebhookHost.ApiSecret), brandA.AuthorizationHeaderValue);
        using var hashedForBrandA = await host.PostAsync("/hooks/a/sign-up", SignUp(BrandASecret), brandA.AuthorizationHeaderValue);

        hashedForDefault.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the identifiers were signed with another account's secret");
        hashedForBrandA.StatusCode.Should().Be(HttpStatusCode.OK);
        received.Should().ContainSingle().Which.Email.Should().Be("test-email@webhook.com");
    }

    [Fact]
    public async Task The_same_delivery_id_at_two_accounts_is_two_deliveries_each_handled_once()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await StartThreeUrls(calls);
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);
        using var brandB = new ConscentWebhookSender(BrandBKey, BrandBSecret);
        using var defaultAccount = new ConscentWebhookSender(WebhookHost.ApiKey, WebhookHost.ApiSecret);
        var body = Samples.Text("webhook-micro-payment.json");

        for (var copy = 0; copy < 2; copy++)
        {
            (await brandA.SendAsync(Url(host, "/hooks/a"), body)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await brandB.SendAsync(Url(host, "/hooks/b"), body)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await defaultAccount.SendAsync(Url(host, "/hooks/default"), body)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        calls.OrderBy(c => c, StringComparer.Ordinal).Should().Equal("a", "b", "default");
    }

    [Fact]
    public async Task An_unknown_account_fails_at_startup_naming_it_and_the_registered_ones()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddConscentWebhooks();
        AddBrands(builder.Services);
        await using var app = builder.Build();

        var act = () => app.MapConscentWebhook<MicroPaymentWebhook>("/m", (_, _) => Task.CompletedTask).ForConscentAccount("brand-z");

        act.Should().Throw<InvalidOperationException>().Which.Message.Should()
            .Contain("\"brand-z\"").And.Contain("\"brand-a\", \"brand-b\"").And.NotContain(BrandASecret);
    }

    [Fact]
    public async Task An_account_without_valid_options_fails_when_its_webhook_is_mapped_naming_the_account_and_never_the_secret()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddConscentWebhooks();
        builder.Services.AddConscent("brand-c", o =>
        {
            o.ApiKey = "brand-c-key";
            o.ApiSecret = "brand-c-secret-value-5";
        });
        await using var app = builder.Build();

        var act = () => app.MapConscentWebhook<MicroPaymentWebhook>("/m", (_, _) => Task.CompletedTask).ForConscentAccount("brand-c");

        act.Should().Throw<OptionsValidationException>().Which.Message.Should()
            .Contain("ConsCent account \"brand-c\": ClientId is required").And.NotContain("brand-c-secret-value-5");
    }

    [Fact]
    public async Task ForConscentAccount_on_an_endpoint_that_is_not_a_ConsCent_webhook_is_refused()
    {
        var builder = WebApplication.CreateSlimBuilder();
        AddBrands(builder.Services);
        await using var app = builder.Build();

        var act = () => app.MapPost("/other", () => "ok").ForConscentAccount("brand-a");

        act.Should().Throw<ArgumentException>().WithMessage("*MapConscentWebhook*");
    }

    [Fact]
    public async Task With_only_named_accounts_the_webhooks_of_each_account_work_without_default_credentials()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await StartWithoutDefaultAccount(app =>
        {
            app.MapConscentWebhook<MicroPaymentWebhook>("/hooks/a", (_, _) => { calls.Enqueue("a"); return Task.CompletedTask; }).ForConscentAccount("brand-a");
            app.MapConscentRawWebhook("/hooks/b/raw", (_, _) => { calls.Enqueue("b-raw"); return Task.CompletedTask; }).ForConscentAccount("brand-b");
        });
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);
        using var brandB = new ConscentWebhookSender(BrandBKey, BrandBSecret);

        (await brandA.SendAsync(host.Url("/hooks/a"), Samples.Text("webhook-micro-payment.json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brandB.SendAsync(host.Url("/hooks/b/raw"), "{\"eventId\":\"e1\"}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await brandA.SendAsync(host.Url("/hooks/b/raw"), "{\"eventId\":\"e1\"}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        calls.Should().Equal("a", "b-raw");
    }

    [Fact]
    public async Task With_only_named_accounts_an_endpoint_left_without_an_account_never_calls_its_handler()
    {
        var calls = 0;
        await using var host = await StartWithoutDefaultAccount(app =>
            app.MapConscentWebhook<MicroPaymentWebhook>("/hooks/nobody", (_, _) => { calls++; return Task.CompletedTask; }));
        using var brandA = new ConscentWebhookSender(BrandAKey, BrandASecret);

        using var response = await brandA.SendAsync(host.Url("/hooks/nobody"), Samples.Text("webhook-micro-payment.json"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "the app cannot build an endpoint with no account to check deliveries against");
        calls.Should().Be(0);
    }

    private static async Task<BareHost> StartWithoutDefaultAccount(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddConscentWebhooks();
        AddBrands(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHost(app, address.TrimEnd('/'));
    }

    /// <summary>A Kestrel host on 127.0.0.1 with webhooks and named accounts only (no default account).</summary>
    private sealed class BareHost(WebApplication app, string address) : IAsyncDisposable
    {
        public Uri Url(string path) => new(address + path);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
