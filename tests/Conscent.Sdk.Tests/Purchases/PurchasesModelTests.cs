using System;
using System.Text.Json;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Purchases;

public sealed class PurchasesModelTests : IDisposable
{
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    private static PurchaseTransaction Read(string transaction) =>
        JsonSerializer.Deserialize("{\"transactionDetails\":[" + transaction + "]}", ConscentJsonContext.Default.PurchaseTransactionList)!.Transactions![0];

    [Fact]
    public void A_reference_reads_an_id_string_a_number_or_an_object()
    {
        var t = Read("{\"userAccount\":\"u1\",\"clientId\":12345,\"contentId\":{\"_id\":\"c1\",\"title\":\"T\",\"url\":\"https://x\"}}");

        t.UserAccount!.Id.Should().Be("u1");
        t.Client!.Id.Should().Be("12345");
        t.Content!.ConscentContentId.Should().Be("c1");
        t.Content.Title.Should().Be("T");
        t.Content.Url.Should().Be("https://x");
    }

    [Fact]
    public void A_null_reference_reads_as_null()
    {
        var t = Read("{\"userAccount\":null,\"clientId\":null}");

        t.UserAccount.Should().BeNull();
        t.Client.Should().BeNull();
        t.Content.Should().BeNull();
    }

    [Fact]
    public void A_reference_with_only_an_id_is_written_back_as_the_id_string_and_one_with_details_as_an_object()
    {
        var t = Read("{\"userAccount\":\"u1\",\"contentId\":{\"title\":\"T\"}}");

        var json = JsonSerializer.Serialize(new PurchaseTransactionList { Transactions = new[] { t } }, ConscentJsonContext.Default.PurchaseTransactionList);

        json.Should().Contain("\"userAccount\":\"u1\"").And.Contain("\"contentId\":{\"title\":\"T\"}");
    }

    [Fact]
    public void A_reference_of_another_json_kind_is_rejected()
    {
        var act = () => Read("{\"userAccount\":[1]}");

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public async Task An_unreadable_answer_becomes_a_serialization_exception()
    {
        _mock.Server.Given(Request.Create().WithPath("/client/purchases").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"transactionDetails\":[{\"userAccount\":[1]}]}"));
        using var client = _mock.Client();

        var act = () => client.Purchases.ListAsync(new PurchaseQuery { Email = "secret@example.com" }).GetPageAsync();

        var thrown = (await act.Should().ThrowAsync<ConscentSerializationException>()).Which;
        thrown.Message.Should().NotContain("secret@example.com");
    }

    [Fact]
    public void Purchase_records_carry_both_content_ids_under_unambiguous_names()
    {
        var list = JsonSerializer.Deserialize(
            "{\"purchases\":[{\"contentId\":\"61fba4adcbcaaf727a00168d\",\"clientContentId\":\"Client-Story-Id-1\",\"clientId\":{\"_id\":\"c\",\"name\":\"n\"}}]}",
            ConscentJsonContext.Default.PassPurchaseList)!;

        var p = list.Purchases![0];
        p.ConscentContentId.Should().Be("61fba4adcbcaaf727a00168d");
        p.ClientContentId.Should().Be("Client-Story-Id-1");
        p.ClientId.Should().Be("c", "an embedded client document is read as its _id");
    }

    [Fact]
    public void ForPage_copies_the_filters_and_leaves_the_original_alone()
    {
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        var q = new PurchaseQuery { UserId = "u", Email = "e", PhoneNumber = "p", From = from, To = from.AddHours(1) };

        var copy = q.ForPage(3, 50);

        copy.Should().NotBeSameAs(q);
        copy.PageNumber.Should().Be(3);
        copy.PageSize.Should().Be(50);
        copy.UserId.Should().Be("u");
        copy.Email.Should().Be("e");
        copy.PhoneNumber.Should().Be("p");
        copy.From.Should().Be(from);
        copy.To.Should().Be(from.AddHours(1));
        q.PageNumber.Should().BeNull();
        q.PageSize.Should().BeNull();
    }

    [Fact]
    public void The_documented_page_size_limits_are_public()
    {
        PurchaseQuery.MaxPageSize.Should().Be(2000);
        PurchaseQuery.DefaultPageSize.Should().Be(500);
    }
}
