using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Tests.Loyalty;

public sealed class LoyaltyUnitTests
{
    private static async Task<LoyaltyEventResult> Read(byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var message = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        using var raw = await ConscentResponse.ReadAsync(message, 1 << 20, CancellationToken.None);
        return LoyaltyClient.ReadResult(raw);
    }

    [Fact]
    public async Task Read_result_drops_a_byte_order_mark_and_parses_the_json()
    {
        var result = await Read(Encoding.UTF8.GetPreamble().Concat("{\"ok\":true}"u8.ToArray()));

        result.Text.Should().Be("{\"ok\":true}");
        result.Json!.Value.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Read_result_invalid_utf8_is_still_text()
    {
        var result = await Read(new byte[] { 0x4F, 0x4B, 0xFF });

        result.Text.Should().StartWith("OK");
        result.Json.Should().BeNull();
    }

    [Theory]
    [InlineData("OK", false)]
    [InlineData("true", true)]
    [InlineData("\"done\"", true)]
    [InlineData("{\"a\":", false)]
    [InlineData("   ", false)]
    public async Task Read_result_parses_json_only_when_it_is_json(string body, bool isJson)
    {
        var result = await Read(Encoding.UTF8.GetBytes(body));

        result.Text.Should().Be(body);
        result.IsJson.Should().Be(isJson);
    }

    [Fact]
    public void Result_ToString_shows_no_body()
    {
        var result = new LoyaltyEventResult(HttpStatusCode.Created, "secret-ish body", null);
        result.ToString().Should().Be("LoyaltyEventResult { StatusCode = 201, Length = 15, IsJson = False }");
    }

    [Fact]
    public void User_event_serializes_to_the_docs_shape()
    {
        var json = JsonSerializer.Serialize(new LoyaltyUserEvent(LoyaltyEventTypes.OrderPlaced, "42bede01c83fa3947"), ConscentJsonContext.Default.LoyaltyUserEvent);
        json.Should().Be("{\"eventType\":\"ORDER_PLACED\",\"userId\":\"42bede01c83fa3947\"}");
    }

    [Fact]
    public void Dependency_injection_resolves_the_loyalty_client()
    {
        var services = new ServiceCollection();
        services.AddConscent(o =>
        {
            o.ApiKey = "k";
            o.ApiSecret = "s";
            o.ClientId = "5fbb40b07dd98b0e89d90a25";
            o.BaseAddress = new Uri("http://127.0.0.1:1");
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILoyaltyClient>().Should().BeOfType<LoyaltyClient>();
    }

    [Fact]
    public async Task Client_can_be_mocked_by_subclassing()
    {
        ILoyaltyClient fake = new FakeLoyaltyClient();
        var result = await fake.PostUserEventAsync(new LoyaltyUserEvent("X", "u"));
        result.Text.Should().Be("fake");
    }

    private sealed class FakeLoyaltyClient : LoyaltyClient
    {
        public override Task<LoyaltyEventResult> PostUserEventAsync(LoyaltyUserEvent userEvent, CancellationToken cancellationToken = default) =>
            Task.FromResult(new LoyaltyEventResult(HttpStatusCode.OK, "fake", null));
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var result = new byte[first.Length + second.Length];
        Buffer.BlockCopy(first, 0, result, 0, first.Length);
        Buffer.BlockCopy(second, 0, result, first.Length, second.Length);
        return result;
    }
}
