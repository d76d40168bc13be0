using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Conscent.Sdk.Testing;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>1.0 shapes: open content types, edit carrying tags and sections, one casing for validation fields.</summary>
public sealed class ApiShapeTests : IDisposable
{
    private readonly ConscentSimulator _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task A_content_type_ConsCent_adds_tomorrow_is_sent_as_is_and_ConsCent_decides()
    {
        using var client = _sim.CreateClient();
        _sim.SeedContent("budget-2026", "Budget 2026", "https://news.example/budget", price: 5);

        // The simulator, like ConsCent today, knows five kinds: it answers 400. The SDK did not refuse to send.
        var create = await FluentActions.Awaiting(() => client.Content.CreateAsync(new CreateContentRequest
        {
            ContentId = "essay-1", Title = "A photo essay", Url = "https://news.example/essay", Price = 3, ContentType = new ContentType("PHOTO_ESSAY"),
        })).Should().ThrowAsync<ConscentBadRequestException>();
        await FluentActions.Awaiting(() => client.Content.EditAsync("budget-2026", new EditContentRequest { ContentType = new ContentType("LIVE_BLOG") }))
            .Should().ThrowAsync<ConscentBadRequestException>();

        var bodies = _sim.Requests.Select(r => JsonNode.Parse(r.Body!)!).ToList();
        bodies.Should().HaveCount(2, "both requests reached the server");
        bodies[0]["contentType"]!.GetValue<string>().Should().Be("PHOTO_ESSAY");
        bodies[1]["contentType"]!.GetValue<string>().Should().Be("LIVE_BLOG");
    }

    [Fact]
    public async Task An_empty_content_type_is_still_refused_before_sending()
    {
        using var client = _sim.CreateClient();

        var ex = await FluentActions.Awaiting(() => client.Content.EditAsync("essay-1", new EditContentRequest { ContentType = default(ContentType) }))
            .Should().ThrowAsync<ConscentValidationException>();

        ex.Which.Errors.Should().ContainSingle().Which.Field.Should().Be("contentType");
        _sim.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Edit_sends_tags_and_sections()
    {
        using var client = _sim.CreateClient();
        _sim.SeedContent("budget-2026", "Budget 2026", "https://news.example/budget", price: 5);

        await client.Content.EditAsync("budget-2026", new EditContentRequest
        {
            Tags = new List<string> { "budget", "economy" },
            Sections = new List<string> { "business" },
        });

        var body = JsonNode.Parse(_sim.Requests.Single().Body!)!.AsObject();
        body["tags"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("budget", "economy");
        body["sections"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("business");
        body.ContainsKey("title").Should().BeFalse("only what was set is sent");
    }

    [Fact]
    public async Task Validation_fields_use_ConsCents_json_names_in_camelCase()
    {
        using var client = _sim.CreateClient();
        var request = new CreateContentRequest
        {
            ContentId = "ok-1", Title = "t", Url = "https://news.example/t", Price = 1,
            PriceOverrides = new PriceOverrides { Country = new List<CountryPrice> { new("IN", -1) } },
        };

        var ex = await FluentActions.Awaiting(() => client.Content.CreateAsync(request)).Should().ThrowAsync<ConscentValidationException>();

        ex.Which.Errors.Select(e => e.Field).Should().Equal("priceOverrides.country[0].price");
        (await FluentActions.Awaiting(() => client.Content.GetAsync(" ")).Should().ThrowAsync<ConscentValidationException>())
            .Which.Errors.Single().Field.Should().Be("contentId");
    }

    [Fact]
    public async Task A_duplicate_content_id_is_a_typed_condition_not_only_message_text()
    {
        using var client = _sim.CreateClient();
        _sim.SeedContent("budget-2026", "Budget 2026", "https://news.example/budget", price: 5);

        var ex = await FluentActions.Awaiting(() => client.Content.CreateAsync(new CreateContentRequest
        {
            ContentId = "budget-2026", Title = "Budget 2026", Url = "https://news.example/budget", Price = 5,
        })).Should().ThrowAsync<ConscentBadRequestException>();

        ex.Which.Reason.Should().Be(ConscentBadRequestReason.AlreadyExists);
        (await FluentActions.Awaiting(() => client.Content.CreateAsync(new CreateContentRequest
        {
            ContentId = "other", Title = "t", Url = "https://news.example/o", Price = 1, ContentType = new ContentType("NEW_KIND"),
        })).Should().ThrowAsync<ConscentBadRequestException>()).Which.Reason.Should().Be(ConscentBadRequestReason.Unspecified);
    }
}
