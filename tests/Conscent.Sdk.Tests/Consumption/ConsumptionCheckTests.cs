using System;

namespace Conscent.Sdk.Tests.Consumption;

/// <summary>The verification rule on its own, at its boundaries.</summary>
public class ConsumptionCheckTests
{
    private static readonly DateTimeOffset Created = new(2020, 11, 15, 13, 55, 36, 659, TimeSpan.Zero);

    private static ConsumptionValidation Answer(string? consumptionId = "c1", string? clientId = "client", string? contentId = "content", DateTimeOffset? createdAt = null) => new()
    {
        ConsumptionId = consumptionId,
        Payload = new ConsumptionPayload { ClientId = clientId, ContentId = contentId, CreatedAt = createdAt ?? Created },
    };

    [Fact]
    public void An_age_equal_to_the_maximum_is_accepted_and_one_tick_more_is_not()
    {
        ConsumptionClient.Check(Answer(), "c1", "client", "content", TimeSpan.FromMinutes(10), Created.AddMinutes(10)).IsValid.Should().BeTrue();
        ConsumptionClient.Check(Answer(), "c1", "client", "content", TimeSpan.FromMinutes(10), Created.AddMinutes(10).AddTicks(1))
            .Mismatches.Should().Be(ConsumptionMismatch.TooOld);
    }

    [Fact]
    public void A_createdAt_slightly_in_the_future_is_not_too_old()
    {
        var result = ConsumptionClient.Check(Answer(), "c1", "client", "content", TimeSpan.FromMinutes(10), Created.AddSeconds(-2));

        result.IsValid.Should().BeTrue("clock skew between ConsCent and the publisher is normal");
        result.Age.Should().Be(TimeSpan.FromSeconds(-2));
    }

    [Theory]
    [InlineData("Content", ConsumptionMismatch.ContentId)]
    [InlineData("content ", ConsumptionMismatch.ContentId)]
    public void Ids_are_compared_exactly(string expectedContentId, ConsumptionMismatch mismatch)
    {
        ConsumptionClient.Check(Answer(), "c1", "client", expectedContentId, null, Created).Mismatches.Should().Be(mismatch);
    }

    [Fact]
    public void Missing_ids_in_the_answer_are_mismatches_not_matches()
    {
        var result = ConsumptionClient.Check(Answer(consumptionId: null, clientId: null, contentId: null), "c1", "client", "content", null, Created);

        result.Mismatches.Should().Be(ConsumptionMismatch.ConsumptionId | ConsumptionMismatch.ClientId | ConsumptionMismatch.ContentId);
        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public void An_answer_without_a_payload_fails_every_payload_check()
    {
        var result = ConsumptionClient.Check(new ConsumptionValidation { ConsumptionId = "c1" }, "c1", "client", "content", TimeSpan.FromDays(1), Created);

        result.Mismatches.Should().Be(ConsumptionMismatch.ClientId | ConsumptionMismatch.ContentId | ConsumptionMismatch.CreatedAtMissing);
        result.ToString().Should().NotContain("c1").And.NotContain("client\"");
    }

    [Fact]
    public void No_answer_is_not_found()
    {
        var result = ConsumptionClient.Check(null, "c1", "client", "content", null, Created);

        result.Mismatches.Should().Be(ConsumptionMismatch.NotFound);
        result.Validation.Should().BeNull();
        result.Age.Should().BeNull();
    }
}
