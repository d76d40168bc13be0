using System;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Tests.AutoLogin;

public sealed class AutoLoginUnitTests
{
    [Fact]
    public void Token_response_ToString_hides_the_token()
    {
        var response = JsonSerializer.Deserialize(Infrastructure.Samples.Text("generate-temp-token.response.json"), ConscentJsonContext.Default.TempAuthTokenResponse)!;

        response.TempAuthToken.Should().Be("644a2c13ce90df4882d1787a");
        response.ToString().Should().Be("TempAuthTokenResponse { TempAuthToken = *** }");
    }

    [Fact]
    public void Request_ToString_says_which_fields_are_set_not_their_values()
    {
        new GenerateTempTokenRequest { PhoneNumber = "8750334265" }.ToString()
            .Should().Be("GenerateTempTokenRequest { Email = (not set), PhoneNumber = (set) }");
    }

    [Fact]
    public void Request_serializes_without_nulls()
    {
        JsonSerializer.Serialize(new GenerateTempTokenRequest { Email = "a@b.c" }, ConscentJsonContext.Default.GenerateTempTokenRequest)
            .Should().Be("{\"email\":\"a@b.c\"}");
    }

    [Fact]
    public void Dependency_injection_resolves_the_auto_login_client()
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

        provider.GetRequiredService<IAutoLoginClient>().Should().BeOfType<AutoLoginClient>();
    }
}
