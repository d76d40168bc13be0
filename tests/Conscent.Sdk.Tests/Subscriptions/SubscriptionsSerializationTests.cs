using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Tests.Subscriptions;

public class SubscriptionsSerializationTests
{
    private static MigrateSubscriptionRequest Roundtrip(string json) =>
        JsonSerializer.Deserialize(json, ConscentJsonContext.Default.MigrateSubscriptionRequest)!;

    [Fact]
    public void Dates_are_written_in_utc_with_milliseconds_whatever_the_offset()
    {
        var request = new MigrateSubscriptionRequest
        {
            ExpiryDate = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)),
            PurchaseDate = new DateTimeOffset(2022, 6, 30, 23, 59, 59, 999, TimeSpan.FromHours(-4)),
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(request, ConscentJsonContext.Default.MigrateSubscriptionRequest))!;

        json["expiryDate"]!.GetValue<string>().Should().Be("2022-12-31T18:30:00.000Z");
        json["purchaseDate"]!.GetValue<string>().Should().Be("2022-07-01T03:59:59.999Z");
    }

    [Fact]
    public void Unset_fields_are_omitted()
    {
        var json = JsonSerializer.Serialize(new MigrateSubscriptionRequest { Country = "IN" }, ConscentJsonContext.Default.MigrateSubscriptionRequest);

        json.Should().Be("{\"country\":\"IN\"}");
    }

    [Theory]
    [InlineData("\"110001\"", "110001")]
    [InlineData("110001", "110001")]
    [InlineData("0.5", "0.5")]
    [InlineData("true", "true")]
    [InlineData("{\"_id\":\"abc\",\"x\":[1,2]}", "abc")]
    [InlineData("{\"code\":\"x\"}", null)]
    [InlineData("null", null)]
    public void Postcode_reads_a_number_or_a_string_as_text(string value, string? expected)
    {
        var request = Roundtrip("{\"userAddress\":{\"postcode\":" + value + "}}");

        request.UserAddress!.Postcode.Should().Be(expected);
    }

    [Fact]
    public void Postcode_is_always_written_as_a_string()
    {
        var request = Roundtrip("{\"userAddress\":{\"postcode\":221993}}");

        var json = JsonSerializer.Serialize(request, ConscentJsonContext.Default.MigrateSubscriptionRequest);

        json.Should().Contain("\"postcode\":\"221993\"");
    }

    [Fact]
    public void Postcode_rejects_an_array()
    {
        var act = () => Roundtrip("{\"userAddress\":{\"postcode\":[1]}}");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Extra_utm_tags_and_unknown_request_fields_are_sent_through_additional_properties()
    {
        var request = new MigrateSubscriptionRequest
        {
            UtmParameters = new UtmParameters
            {
                UtmSource = "website",
                AdditionalProperties = new Dictionary<string, JsonElement> { ["utm_campaign"] = JsonDocument.Parse("\"spring\"").RootElement.Clone() },
            },
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(request, ConscentJsonContext.Default.MigrateSubscriptionRequest))!;

        json["utmParameters"]!["utm_source"]!.GetValue<string>().Should().Be("website");
        json["utmParameters"]!["utm_campaign"]!.GetValue<string>().Should().Be("spring");
    }

    [Fact]
    public void The_migrate_sample_reads_into_the_request_model_and_writes_back_identically()
    {
        var sample = Infrastructure.Samples.Text("subscription-migrate.request.json");

        var request = Roundtrip(sample);
        var written = JsonSerializer.Serialize(request, ConscentJsonContext.Default.MigrateSubscriptionRequest);

        request.AdditionalProperties.Should().BeNullOrEmpty("every documented request field is modelled");
        request.SubscriptionDetails!.AdditionalProperties.Should().BeNullOrEmpty();
        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(sample)).Should().BeTrue(written);
    }
}
