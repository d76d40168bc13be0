using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Paging;

/// <summary>The one paging model every list shares: start page, pages with their details, one page, laziness, cancellation.</summary>
public sealed class PageableTests : IDisposable
{
    private readonly MockServer _mock = new();

    public void Dispose() => _mock.Dispose();

    /// <summary>Serves content pages 1..<paramref name="pages"/> of <paramref name="size"/> items (the last one short) with totals.</summary>
    private void ServeContent(int pages, int size, int lastCount)
    {
        for (var page = 1; page <= pages; page++)
        {
            var count = page < pages ? size : lastCount;
            var items = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["contentId"] = $"p{page}-{i}" }).ToArray());
            var body = new JsonObject
            {
                ["content"] = items,
                ["pagination"] = new JsonObject { ["pageNumber"] = page, ["pageSize"] = size, ["totalRecords"] = (pages - 1) * size + lastCount, ["totalPages"] = pages },
                ["servedAt"] = "page " + page,
            };
            _mock.Server.Given(Request.Create().WithPath("/api/v1/content/client").WithParam("pageNumber", page.ToString(CultureInfo.InvariantCulture)).UsingGet())
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));
        }
    }

    [Fact]
    public async Task Reading_starts_at_the_page_the_options_ask_for()
    {
        ServeContent(pages: 4, size: 2, lastCount: 1);
        using var client = _mock.Client();

        var ids = new List<string?>();
        await foreach (var item in client.Content.ListAsync(new ListOptions { PageNumber = 3, PageSize = 2 })) ids.Add(item.ContentId);

        ids.Should().Equal("p3-0", "p3-1", "p4-0");
        _mock.Recorder.Sent.Select(s => s.AbsoluteUri[s.AbsoluteUri.IndexOf('?', StringComparison.Ordinal)..])
            .Should().Equal("?pageNumber=3&pageSize=2", "?pageNumber=4&pageSize=2");
    }

    [Fact]
    public async Task As_pages_yields_each_page_with_its_paging_details_and_unknown_fields()
    {
        ServeContent(pages: 3, size: 2, lastCount: 1);
        using var client = _mock.Client();

        var pages = new List<ConscentPage<ContentItem>>();
        await foreach (var page in client.Content.ListAsync(new ListOptions { PageSize = 2 }).AsPages()) pages.Add(page);

        pages.Select(p => p.PageNumber).Should().Equal(1, 2, 3);
        pages.Select(p => p.Items.Count).Should().Equal(2, 2, 1);
        pages.Should().OnlyContain(p => p.TotalRecords == 5 && p.TotalPages == 3 && p.PageSize == 2);
        pages.Select(p => p.IsLastPage).Should().Equal(false, false, true);
        pages[1].AdditionalProperties!["servedAt"].GetString().Should().Be("page 2");
    }

    [Fact]
    public async Task Get_page_async_reads_the_start_page_alone()
    {
        ServeContent(pages: 3, size: 2, lastCount: 1);
        using var client = _mock.Client();

        var page = await client.Content.ListAsync(new ListOptions { PageNumber = 2, PageSize = 2 }).GetPageAsync();

        page.PageNumber.Should().Be(2);
        page.Items.Select(i => i.ContentId).Should().Equal("p2-0", "p2-1");
        _mock.Server.LogEntries.Should().ContainSingle("one page is one request");
    }

    [Fact]
    public async Task Nothing_is_sent_until_the_list_is_enumerated_and_each_enumeration_reads_again()
    {
        ServeContent(pages: 1, size: 2, lastCount: 1);
        using var client = _mock.Client();

        var list = client.Content.ListAsync(new ListOptions { PageSize = 2 });
        _mock.Server.LogEntries.Should().BeEmpty("a list is lazy");

        (await list.GetPageAsync()).Items.Should().ContainSingle();
        (await list.GetPageAsync()).Items.Should().ContainSingle();
        _mock.Server.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public void Bad_options_are_refused_when_the_list_is_asked_for_not_when_it_is_read()
    {
        using var client = _mock.Client();

        var act = () => client.Purchases.ListRecordsAsync(new PurchaseQuery { PageSize = 2001, From = DateTimeOffset.UtcNow, To = DateTimeOffset.UtcNow.AddDays(-1) });

        var ex = act.Should().Throw<ConscentValidationException>().Which;
        ex.Errors.Select(e => e.Field).Should().Contain(new[] { "pageSize", "from" });
        _mock.Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task The_token_given_to_the_list_method_stops_the_reading()
    {
        ServeContent(pages: 3, size: 2, lastCount: 1);
        using var client = _mock.Client();
        using var cts = new CancellationTokenSource();

        var read = 0;
        var act = async () =>
        {
            await foreach (var _ in client.Content.ListAsync(new ListOptions { PageSize = 2 }, cts.Token))
            {
                if (++read == 2) await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(2, "the second item ends page 1, and page 2 is never read");
        _mock.Server.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task A_start_page_at_int_max_value_reads_that_page_and_stops()
    {
        _mock.Server.Given(Request.Create().WithPath("/api/v1/content/client").UsingGet())
            .RespondWith(Response.Create().WithBody("{\"content\":[{\"contentId\":\"a\"},{\"contentId\":\"b\"}]}"));
        using var client = _mock.Client();

        var ids = new List<string?>();
        await foreach (var item in client.Content.ListAsync(new ListOptions { PageNumber = int.MaxValue, PageSize = 2 })) ids.Add(item.ContentId);

        ids.Should().Equal("a", "b");
        _mock.Server.LogEntries.Should().ContainSingle("there is no page after int.MaxValue to ask for");
    }

    [Fact]
    public async Task Null_entries_of_a_sloppy_answer_are_dropped()
    {
        _mock.Server.Given(Request.Create().WithPath("/api/v1/content/bundles").UsingGet())
            .RespondWith(Response.Create().WithBody("{\"content\":[{\"contentId\":\"a\"},null,{\"contentId\":\"b\"}]}"));
        using var client = _mock.Client();

        var page = await client.Bundles.ListAsync().GetPageAsync();

        page.Items.Select(i => i.ContentId).Should().Equal("a", "b");
        page.IsLastPage.Should().BeTrue("three entries are fewer than the 100 asked for");
    }

    [Fact]
    public async Task Purchase_records_read_every_type_from_the_same_start_page()
    {
        foreach (var (path, count) in new[] { ("/client/purchases/subscriptions", 1), ("/client/purchases/passes", 0), ("/client/purchases/micropayments", 2) })
        {
            var items = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["userId"] = $"u{i}" }).ToArray());
            _mock.Server.Given(Request.Create().WithPath(path).UsingGet())
                .RespondWith(Response.Create().WithBody(new JsonObject { ["purchases"] = items }.ToJsonString()));
        }
        using var client = _mock.Client();

        var pages = new List<ConscentPage<PurchaseRecord>>();
        await foreach (var page in client.Purchases.ListRecordsAsync(new PurchaseQuery { PageNumber = 4, PageSize = 10 }).AsPages()) pages.Add(page);

        pages.Select(p => p.Items.Count).Should().Equal(1, 0, 2);
        pages.Should().OnlyContain(p => p.PageNumber == 4);
        pages[0].Items.Should().AllBeOfType<SubscriptionPurchase>();
        pages[2].Items.Should().AllBeOfType<MicropaymentPurchase>();
        _mock.Recorder.Sent.Should().HaveCount(3).And.OnlyContain(s => s.AbsoluteUri.EndsWith("?pageNumber=4&pageSize=10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_built_for_a_mock_yields_its_pages_and_items()
    {
        var first = new ConscentPage<string>(new[] { "a", "b" }, 1, 2, totalRecords: 3, totalPages: 2);
        var second = new ConscentPage<string>(new[] { "c" }, 2, 2, totalRecords: 3, totalPages: 2);
        var list = ConscentPageable.FromPages(new[] { first, second });

        var items = new List<string>();
        await foreach (var item in list) items.Add(item);

        items.Should().Equal("a", "b", "c");
        (await list.GetPageAsync()).Should().BeSameAs(first);
        second.IsLastPage.Should().BeTrue();
        first.IsLastPage.Should().BeFalse();
        first.ToString().Should().Be("Page 1 (2 of 2, 3 in all)").And.NotContain("a,");
        (await ConscentPageable.FromItems(Array.Empty<int>()).GetPageAsync()).Items.Should().BeEmpty();
    }
}
