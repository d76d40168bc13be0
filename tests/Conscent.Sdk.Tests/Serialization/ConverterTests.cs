using System;
using System.Text.Json;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk.Tests.Serialization;

public class ConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new FlexibleDecimalConverter(), new IsoDateTimeOffsetConverter() } };

    [Theory]
    [InlineData("100", "100")]
    [InlineData("588.74", "588.74")]
    [InlineData("\"100.00\"", "100.00")]
    [InlineData("{\"$numberDecimal\": \"50.00\"}", "50.00")]
    [InlineData("{\"$numberDecimal\": 7.5}", "7.5")]
    public void Money_reads_numbers_numeric_strings_and_mongo_decimals(string json, string expected)
    {
        JsonSerializer.Deserialize<decimal>(json, Options).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        JsonSerializer.Deserialize<decimal?>(json, Options).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("{\"other\": 1}")]
    [InlineData("1e400")]
    public void Money_rejects_what_is_not_a_number_with_a_JsonException(string json)
    {
        var act = () => JsonSerializer.Deserialize<decimal>(json, Options);
        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Money_is_written_as_a_plain_number()
    {
        JsonSerializer.Serialize(12.50m, Options).Should().Be("12.50");
    }

    [Fact]
    public void Dates_are_written_in_utc_with_milliseconds_as_documented()
    {
        var date = new DateTimeOffset(2021, 2, 12, 11, 15, 41, 389, TimeSpan.FromHours(5.5));
        JsonSerializer.Serialize(date, Options).Should().Be("\"2021-02-12T05:45:41.389Z\"");
        JsonSerializer.Deserialize<DateTimeOffset>("\"2021-02-12T05:45:41.389Z\"", Options).Should().Be(date);
    }

    [Fact]
    public void Content_type_keeps_unknown_values()
    {
        var parsed = JsonSerializer.Deserialize<Conscent.Sdk.ContentType>("\"AUDIOBOOK\"");
        parsed.Value.Should().Be("AUDIOBOOK");
        parsed.IsKnown.Should().BeFalse();
        JsonSerializer.Serialize(Conscent.Sdk.ContentType.PremiumContent).Should().Be("\"PREMIUM CONTENT\"");
    }
}
