#pragma warning disable CS0618 // The story API is deprecated; these tests pin it for the publishers still on it.
using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Conscent.Sdk.Tests.Stories;

public sealed class StoriesUnitTests
{
    [Fact]
    public void Story_prices_are_exactly_the_documented_list()
    {
        StoryPrices.Allowed.Should().Equal(0m, 0.01m, 1m, 2m, 3m, 5m, 7m, 10m);
    }

    [Theory]
    [InlineData("1.00", true)]
    [InlineData("0.010", true)]
    [InlineData("10", true)]
    [InlineData("9.99", false)]
    [InlineData("11", false)]
    [InlineData("-0.01", false)]
    public void Story_prices_compare_by_value(string price, bool allowed)
    {
        StoryPrices.IsAllowed(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(allowed);
    }

    [Fact]
    public void Story_client_and_interface_are_obsolete_pointing_to_content()
    {
        foreach (var type in new[] { typeof(IStoriesClient), typeof(StoriesClient) })
            type.GetCustomAttribute<ObsoleteAttribute>()!.Message.Should().Contain("Content");
    }

    [Fact]
    public void Edit_request_has_no_story_id_so_the_id_cannot_travel_in_the_body()
    {
        typeof(EditStoryRequest).GetProperties().Select(p => p.Name).Should().NotContain("StoryId");
        var json = JsonSerializer.Serialize(new EditStoryRequest { Title = "t" }, ConscentJsonContext.Default.EditStoryRequest);
        json.Should().Be("{\"title\":\"t\"}");
    }

    [Fact]
    public void Dependency_injection_resolves_the_stories_client()
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

        provider.GetRequiredService<IStoriesClient>().Should().BeOfType<StoriesClient>();
    }
}
