using Conscent.Sdk.Testing.Internal;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing;

/// <summary>The deprecated story API (E22–E26): stories with prices from a fixed set, and read validation.</summary>
public sealed partial class ConscentSimulator
{
    private static readonly decimal[] StoryPrices = { 0m, 0.01m, 1m, 2m, 3m, 5m, 7m, 10m };

    private readonly List<StoredStory> _stories = new();
    private readonly Dictionary<string, StoredStory> _storiesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string StoryId, string ClientId, DateTimeOffset CreatedAt)> _reads = new(StringComparer.Ordinal);

    private sealed class StoredStory
    {
        public StoredStory(string storyId) => StoryId = storyId;

        public string StoryId { get; }
        public string Title { get; set; } = "";
        public decimal Price { get; set; }
        public string Url { get; set; } = "";
        public decimal Duration { get; set; } = 1;
        public string? AuthorId { get; set; }
        public string? AuthorName { get; set; }
        public List<(string Id, string Name, decimal Price)>? Overrides { get; set; }
    }

    /// <summary>The registered story ids (deprecated story API), in registration order.</summary>
    public IReadOnlyList<string> StoryIds => Read(() => _stories.Select(s => s.StoryId).ToArray());

    /// <summary>
    /// Issues a read id for a story (deprecated story API), as the old paywall did; it validates on
    /// <c>POST /api/v1/story/read/{readId}</c>.
    /// </summary>
    public string IssueStoryRead(string storyId, DateTimeOffset? createdAt = null)
    {
        if (string.IsNullOrEmpty(storyId)) throw new ArgumentException("A story id is required.", nameof(storyId));
        lock (_gate)
        {
            var id = Guid.NewGuid().ToString();
            _reads[id] = (storyId, Settings.ClientId, createdAt ?? Now);
            return id;
        }
    }

    private SimHttpResponse CreateStory(RouteCall call)
    {
        var body = Sim.BodyObject(call.Request.Body);
        var errors = new List<string>();
        var id = Sim.Str(body, "storyId", errors);
        if (string.IsNullOrWhiteSpace(id)) errors.Add("storyId is required");
        if (string.IsNullOrWhiteSpace(Sim.Str(body, "title", errors))) errors.Add("title is required");
        if (string.IsNullOrWhiteSpace(Sim.Str(body, "url", errors))) errors.Add("url is required");
        if (Sim.Num(body, "price", errors) is null) errors.Add("price is required");
        if (errors.Count == 0 && _storiesById.ContainsKey(id!)) errors.Add("storyId already exists");
        var story = new StoredStory(id ?? "");
        var apply = StageStory(story, body, errors, creating: true);
        Sim.ThrowIf(errors);
        apply();
        _stories.Add(story);
        _storiesById[story.StoryId] = story;
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "New Story Created!", ["story"] = StoryJson(story, created: true) });
    }

    private SimHttpResponse EditStory(RouteCall call)
    {
        var id = call.Value("storyId");
        if (!_storiesById.TryGetValue(id, out var story)) throw new SimulatorError(404, "Story not found");
        var body = Sim.BodyObject(call.Request.Body);
        var errors = new List<string>();
        var bodyId = Sim.Str(body, "storyId", errors);
        if (bodyId is not null && !string.Equals(bodyId, id, StringComparison.Ordinal)) errors.Add("storyId cannot be edited");
        var apply = StageStory(story, body, errors, creating: false);
        Sim.ThrowIf(errors);
        apply();
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "Story Edited Successfully", ["editedStory"] = StoryJson(story, created: false) });
    }

    private SimHttpResponse ListStories(RouteCall call)
    {
        var (page, size) = Paging(call, defaultSize: 20, maxSize: null);
        var items = new JsonArray();
        foreach (var s in _stories.Skip((page - 1) * size).Take(size)) items.AddNode(StoryJson(s, created: false));
        return SimHttpResponse.Json(200, new JsonObject { ["stories"] = items, ["pagination"] = PaginationJson(page, size, _stories.Count) });
    }

    private SimHttpResponse GetStory(RouteCall call)
    {
        var id = call.Value("storyId");
        return _storiesById.TryGetValue(id, out var story)
            ? SimHttpResponse.Json(200, StoryJson(story, created: false))
            : throw new SimulatorError(404, "Story not found");
    }

    private SimHttpResponse ValidateStoryRead(RouteCall call)
    {
        var id = call.Value("readId");
        if (!_reads.TryGetValue(id, out var read)) return SimHttpResponse.Json(200, new JsonArray());
        var createdAt = Sim.Date(read.CreatedAt);
        return SimHttpResponse.Json(200, new JsonArray
        {
            (JsonNode)new JsonObject
            {
                ["message"] = "Story Read Confirmed",
                ["payload"] = new JsonObject { ["clientId"] = read.ClientId, ["storyId"] = read.StoryId, ["createdAt"] = createdAt },
                ["readId"] = id,
                ["signature"] = Sim.Hmac(Settings.ApiSecret, id + "|" + read.ClientId + "|" + read.StoryId + "|" + createdAt),
            },
        });
    }

    private static Action StageStory(StoredStory story, JsonObject body, List<string> errors, bool creating)
    {
        var changes = new List<Action<StoredStory>>();
        var title = Sim.Str(body, "title", errors);
        if (title is not null) changes.Add(s => s.Title = title);
        var url = Sim.Str(body, "url", errors);
        if (url is not null) changes.Add(s => s.Url = url);
        var price = Sim.Num(body, "price", errors);
        if (price is { } p)
        {
            if (!StoryPrices.Contains(p)) errors.Add("price must be one of 0, 0.01, 1, 2, 3, 5, 7, 10");
            changes.Add(s => s.Price = p);
        }
        var duration = Sim.Num(body, "duration", errors);
        if (duration < 0) errors.Add("duration must not be negative");
        if (duration is { } d) changes.Add(s => s.Duration = d);
        var authorId = Sim.Str(body, "authorId", errors);
        var authorName = Sim.Str(body, "authorName", errors);
        if (!string.IsNullOrEmpty(authorName) && string.IsNullOrEmpty(authorId ?? (creating ? null : story.AuthorId)))
            errors.Add("authorId is required when authorName is given");
        if (authorId is not null) changes.Add(s => s.AuthorId = authorId);
        if (authorName is not null) changes.Add(s => s.AuthorName = authorName);
        var overrides = ParseOverrides(body, errors);
        if (overrides is not null)
        {
            if (overrides.Any(o => !StoryPrices.Contains(o.Item3))) errors.Add("priceOverrides prices must be one of 0, 0.01, 1, 2, 3, 5, 7, 10");
            changes.Add(s => s.Overrides = overrides);
        }
        return () =>
        {
            foreach (var change in changes) change(story);
        };
    }

    private static JsonObject StoryJson(StoredStory s, bool created)
    {
        var o = new JsonObject()
            .Put("title", s.Title)
            .Put("storyId", s.StoryId)
            .Put("price", s.Price)
            .Put("duration", s.Duration)
            .Put("url", s.Url);
        if (!created) o.Put("authorName", s.AuthorName).Put("authorId", s.AuthorId);
        if (s.Overrides is not null)
        {
            var countries = new JsonArray();
            foreach (var (id, name, price) in s.Overrides) countries.AddNode(new JsonObject { ["_id"] = id, ["name"] = name, ["price"] = price });
            o["priceOverrides"] = new JsonObject { ["country"] = countries };
        }
        return o;
    }
}
