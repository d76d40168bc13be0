using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>The SDK's content client against the simulator, in process (handler) and over the loopback server.</summary>
public sealed class ContentClientTests : IAsyncLifetime
{
    private readonly ConscentSimulator _sim = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _sim.DisposeAsync().AsTask();

    public static TheoryData<bool> Modes => new() { false, true };

    private async Task<ConscentClient> Client(bool overServer)
    {
        if (!overServer) return new ConscentClient(_sim.CreateOptions(), _sim.Handler);
        await _sim.StartServerAsync();
        return new ConscentClient(_sim.CreateOptions());
    }

    private static CreateContentRequest NewContent(string id, decimal price = 5) => new()
    {
        ContentId = id,
        Title = "Title " + id,
        Url = "https://example.com/" + id,
        Price = price,
        Currency = "INR",
        ContentType = ContentType.Video,
        Categories = new List<string> { "news" },
        PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("US", 2) } },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Create_edit_get_list_round_trip_through_the_sdk(bool overServer)
    {
        using var client = await Client(overServer);

        var created = await client.Content.CreateAsync(NewContent("article-1"));
        var edited = await client.Content.EditAsync("article-1", new EditContentRequest { Title = "New title", Price = 7 });
        var item = await client.Content.GetAsync("article-1");
        var page = await client.Content.ListAsync(new ListOptions { PageNumber = 1, PageSize = 10 }).GetPageAsync();

        created.Message.Should().Be("New Content Created!");
        created.Content!.ContentType.Should().Be(ContentType.Video);
        created.Content.PriceOverrides!.Country!.Single().Id.Should().HaveLength(24);
        edited.EditedContent!.Title.Should().Be("New title");
        item.Title.Should().Be("New title");
        item.Price.Should().Be(7);
        item.Categories.Should().Equal("news");
        page.Items!.Select(c => c.ContentId).Should().Equal("article-1");
        page.TotalRecords.Should().Be(1);
        _sim.Requests.Select(r => r.Method + " " + r.Path).Should().Equal(
            "POST /api/v1/content", "PATCH /api/v1/content/article-1", "GET /api/v1/content/client/article-1", "GET /api/v1/content/client");
        _sim.Requests.Should().OnlyContain(r => r.Auth == SimulatedAuth.ValidBasic && r.Transport == (overServer ? SimulatorTransport.Server : SimulatorTransport.Handler));
        _sim.Requests[0].Header("Content-Type").Should().StartWith("application/json");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task List_all_walks_every_page(bool overServer)
    {
        for (var i = 0; i < 7; i++) _sim.SeedContent("c" + i, "T" + i, "https://x/" + i, 1);
        using var client = await Client(overServer);

        var all = new List<string>();
        await foreach (var item in client.Content.ListAsync(new ListOptions { PageSize = 3 })) all.Add(item.ContentId!);

        all.Should().Equal(Enumerable.Range(0, 7).Select(i => "c" + i));
        _sim.Requests.Select(r => r.QueryValue("pageNumber")).Should().Equal("1", "2", "3");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Get_legacy_id_with_spaces_is_encoded_and_found(bool overServer)
    {
        _sim.SeedContent("Client Content Id 6", "Tesla Tequila", "https://www.yoursite.com/yourcontent", 1);
        using var client = await Client(overServer);

        var item = await client.Content.GetAsync("Client Content Id 6");

        item.Title.Should().Be("Tesla Tequila");
        _sim.Requests.Single().Path.Should().Be("/api/v1/content/client/Client%20Content%20Id%206");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Get_unknown_throws_not_found(bool overServer)
    {
        using var client = await Client(overServer);

        var act = () => client.Content.GetAsync("missing");

        (await act.Should().ThrowAsync<ConscentNotFoundException>()).Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Create_duplicate_throws_bad_request_with_the_servers_message(bool overServer)
    {
        using var client = await Client(overServer);
        await client.Content.CreateAsync(NewContent("dup"));

        var act = () => client.Content.CreateAsync(NewContent("dup"));

        (await act.Should().ThrowAsync<ConscentBadRequestException>()).Which.ServerMessage.Should().Contain("already exists");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Wrong_secret_throws_authentication_and_nothing_is_stored(bool overServer)
    {
        if (overServer) await _sim.StartServerAsync();
        var options = _sim.CreateOptions();
        options.ApiSecret = "wrong-secret";
        using var client = overServer ? new ConscentClient(options) : new ConscentClient(options, _sim.Handler);

        var act = () => client.Content.CreateAsync(NewContent("a1"));

        await act.Should().ThrowAsync<ConscentAuthenticationException>();
        _sim.ContentIds.Should().BeEmpty();
        _sim.Requests.Single().Auth.Should().Be(SimulatedAuth.InvalidBasic);
        _sim.Requests.Single().Headers["Authorization"].Should().Be("Basic ***", "credentials are never recorded");
    }

    [Fact]
    public async Task Create_client_is_a_handler_mode_shortcut()
    {
        using var client = _sim.CreateClient();
        await client.Content.CreateAsync(NewContent("x1"));
        _sim.ContentIds.Should().Equal("x1");
        _sim.Requests.Single().Host.Should().Be(ConscentSimulator.InProcessBaseAddress.Authority);
    }
}
