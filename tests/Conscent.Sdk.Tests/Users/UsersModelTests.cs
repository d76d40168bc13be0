using System.Text.Json;

namespace Conscent.Sdk.Tests.Users;

public class UsersModelTests
{
    [Fact]
    public void The_profile_is_read_from_the_all_lower_case_userdetails_key()
    {
        var r = JsonSerializer.Deserialize("{\"userdetails\":{\"name\":\"A\"},\"userDetails\":{\"name\":\"B\"}}", ConscentJsonContext.Default.UserAndSubscriptionDetails)!;

        r.UserDetails!.Name.Should().Be("A");
        r.AdditionalProperties!.Should().ContainKey("userDetails", "another spelling is kept, not merged");
    }

    [Fact]
    public void A_subscription_is_also_a_reader_purchase()
    {
        var r = JsonSerializer.Deserialize(
            "{\"userSubscriptions\":[{\"_id\":\"s\",\"price\":\"400.00\",\"clientId\":{\"_id\":\"c\"}}]}",
            ConscentJsonContext.Default.UserAndPurchaseDetails)!;

        ReaderPurchase purchase = r.UserSubscriptions![0];
        purchase.Id.Should().Be("s");
        purchase.Price.Should().Be(400m, "numeric strings are read as money");
        purchase.ClientId.Should().Be("c");
    }
}
