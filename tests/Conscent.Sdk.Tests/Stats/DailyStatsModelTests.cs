using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Tests.Stats;

/// <summary>
/// <see cref="DailyStats.Consumed"/>: one property for the count that ConsCent names <c>totalContentConsumed</c> (current
/// API) or <c>totalStoriesRead</c> (deprecated story API); written back under the name it was read with.
/// </summary>
public sealed class DailyStatsModelTests
{
    private static DailyStats Read(string json) => JsonSerializer.Deserialize(json, ConscentJsonContext.Default.DailyStats)!;

    private static JsonObject Write(DailyStats stats) => JsonNode.Parse(JsonSerializer.Serialize(stats, ConscentJsonContext.Default.DailyStats))!.AsObject();

    [Fact]
    public void One_count_property_no_longer_three_for_one_number()
    {
        typeof(DailyStats).GetProperty("Consumed")!.CanWrite.Should().BeTrue();
        typeof(DailyStats).GetProperty("TotalContentConsumed").Should().BeNull();
        typeof(DailyStats).GetProperty("TotalStoriesRead").Should().BeNull();
    }

    [Fact]
    public void Current_name_is_read_and_written_back()
    {
        var stats = Read("""{"totalContentConsumed":17,"totalRevenueGenerated":29.6}""");

        stats.Consumed.Should().Be(17);
        stats.AdditionalProperties.Should().BeNullOrEmpty("the count is mapped, not left over");
        Write(stats).ToJsonString().Should().Be("""{"totalContentConsumed":17,"totalRevenueGenerated":29.6}""");
    }

    [Fact]
    public void Story_name_is_read_and_written_back_under_the_same_name_even_after_a_change()
    {
        var stats = Read("""{"totalStoriesRead":17,"totalRevenueGenerated":29.6}""");

        stats.Consumed.Should().Be(17);
        stats.AdditionalProperties.Should().BeNullOrEmpty();
        Write(stats).ToJsonString().Should().Be("""{"totalStoriesRead":17,"totalRevenueGenerated":29.6}""");

        stats.Consumed = 18;

        Write(stats).ToJsonString().Should().Be("""{"totalStoriesRead":18,"totalRevenueGenerated":29.6}""");
    }

    [Fact]
    public void Built_in_code_writes_the_current_name()
    {
        Write(new DailyStats { Consumed = 3, TotalRevenueGenerated = 1.5m }).ToJsonString()
            .Should().Be("""{"totalContentConsumed":3,"totalRevenueGenerated":1.5}""");
        Write(new DailyStats()).ToJsonString().Should().Be("{}");
    }

    [Fact]
    public void Both_names_current_one_wins_both_are_written_back_and_a_change_updates_both()
    {
        var stats = Read("""{"totalContentConsumed":5,"totalStoriesRead":4}""");

        stats.Consumed.Should().Be(5);
        Write(stats).ToJsonString().Should().Be("""{"totalContentConsumed":5,"totalStoriesRead":4}""");

        stats.Consumed = 6;

        Write(stats).ToJsonString().Should().Be("""{"totalContentConsumed":6,"totalStoriesRead":6}""");
    }

    [Fact]
    public void Setting_null_clears_the_count_whichever_name()
    {
        var story = Read("""{"totalStoriesRead":4}""");
        story.Consumed = null;

        story.Consumed.Should().BeNull();
        Write(story).ToJsonString().Should().Be("{}");
    }

    [Fact]
    public void Reflection_serializer_uses_the_same_wire_names()
    {
        // Callers that serialize the model themselves (no SDK context) get the same names.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
        var stats = JsonSerializer.Deserialize<DailyStats>("""{"totalStoriesRead":8}""", options)!;

        stats.Consumed.Should().Be(8);
        var written = JsonNode.Parse(JsonSerializer.Serialize(stats, options))!.AsObject();
        written["totalStoriesRead"]!.GetValue<int>().Should().Be(8);
        written.ContainsKey("consumed").Should().BeFalse();
        written.ContainsKey("totalContentConsumed").Should().BeFalse();
    }
}
