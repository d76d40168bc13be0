using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conscent.Sdk.AspNetCore.Tests;

/// <summary>
/// Raw requests from an SDK client made by dependency injection (IHttpClientFactory) to a real Kestrel server on
/// 127.0.0.1 that plays an endpoint the SDK does not type: what arrives, what comes back, what is retried.
/// </summary>
public sealed class RawRequestKestrelTests : IAsyncDisposable
{
    private WebApplication? _server;
    private ServiceProvider? _services;
    private int _writes;

    private async Task<IConscentClient> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _server = builder.Build();
        _server.MapGet("/api/v2/users/{userId}/points", (HttpContext http, string userId) =>
        {
            http.Response.Headers["X-Request-Id"] = "req-7";
            return Results.Json(new
            {
                userId,
                rawTarget = http.Features.Get<IHttpRequestFeature>()!.RawTarget,
                tags = http.Request.Query["tag"].ToArray(),
                authorization = http.Request.Headers.Authorization.ToString(),
            });
        });
        _server.MapPost("/api/v2/points/redeem", async (HttpContext http) =>
        {
            Interlocked.Increment(ref _writes);
            using var reader = new System.IO.StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Json(new { status = "unavailable", received = body }, statusCode: 503);
        });
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var services = new ServiceCollection();
        services.AddConscent(o =>
        {
            o.ApiKey = WebhookHost.ApiKey;
            o.ApiSecret = WebhookHost.ApiSecret;
            o.ClientId = "601a8ea4f2149f089782814f";
            o.BaseAddress = address;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
            o.Retry.UseJitter = false;
        });
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IConscentClient>();
    }

    [Fact]
    public async Task A_raw_get_arrives_encoded_as_sent_with_basic_auth_and_its_answer_comes_back_whole()
    {
        var conscent = await StartAsync();

        var response = await conscent.SendAsync(new ConscentRawRequest(HttpMethod.Get, "/api/v2/users/{userId}/points")
            .WithPathParameter("userId", "reader 1/ü")
            .WithQuery("tag", new[] { "a&b", "c d" }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.GetHeader("x-request-id").Should().Be("req-7");
        response.ContentType.Should().Be("application/json");
        var json = response.ReadJson();
        json.GetProperty("userId").GetString().Should().Be("reader 1%2Fü", "the value matched one route segment (ASP.NET Core leaves an encoded '/' encoded in a route value)");
        json.GetProperty("rawTarget").GetString().Should().Be("/api/v2/users/reader%201%2F%C3%BC/points?tag=a%26b&tag=c%20d");
        json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("a&b", "c d");
        json.GetProperty("authorization").GetString().Should().Be(WebhookHost.Authorization);
    }

    [Fact]
    public async Task A_raw_post_answered_503_is_sent_once_and_throws_the_typed_exception()
    {
        var conscent = await StartAsync();

        var ex = (await FluentActions.Awaiting(() => conscent.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/api/v2/points/redeem") { OperationName = "Loyalty.Redeem" }
                .WithJsonBody("{\"points\":5}")))
            .Should().ThrowAsync<ConscentServerException>()).Which;

        ex.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        ex.Operation.Should().Be("Loyalty.Redeem");
        ex.PathTemplate.Should().Be("/api/v2/points/redeem");
        Volatile.Read(ref _writes).Should().Be(1, "a raw write is retried only when the caller says it is safe");

        await FluentActions.Awaiting(() => conscent.SendAsync(new ConscentRawRequest(HttpMethod.Post, "/api/v2/points/redeem") { SafeToRetry = true }
                .WithJsonBody("{\"points\":5}")))
            .Should().ThrowAsync<ConscentServerException>();
        Volatile.Read(ref _writes).Should().Be(1 + 4, "marked safe, it is retried 3 times (the default)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
