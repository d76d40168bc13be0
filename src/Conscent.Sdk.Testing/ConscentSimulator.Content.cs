using Conscent.Sdk.Testing.Internal;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Conscent.Sdk.Testing;

public sealed partial class ConscentSimulator
{
    private static readonly Regex ContentIdRule = new("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant);
    private static readonly Regex CurrencyRule = new("^[A-Z]{3}$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> ContentTypes = new(StringComparer.Ordinal) { "STORY", "VIDEO", "SONG", "PODCAST", "PREMIUM CONTENT" };

    private readonly List<StoredContent> _content = new();
    private readonly Dictionary<string, StoredContent> _contentById = new(StringComparer.Ordinal);

    private enum ContentView
    {
        Created,
        Edited,
        Item,
    }

    private sealed class StoredContent
    {
        public StoredContent(string contentId, bool isBundle, DateTimeOffset createdAt)
        {
            ContentId = contentId;
            IsBundle = isBundle;
            CreatedAt = createdAt;
        }

        public string ContentId { get; }
        public bool IsBundle { get; }
        public DateTimeOffset CreatedAt { get; }
        public string Title { get; set; } = "";
        public string Url { get; set; } = "";
        public decimal? Price { get; set; }
        public string Currency { get; set; } = "INR";
        public decimal Duration { get; set; } = 1;
        public string? AuthorId { get; set; }
        public string? AuthorName { get; set; }
        public string ContentType { get; set; } = "STORY";
        public List<string>? Categories { get; set; }
        public List<string>? Tags { get; set; }
        public List<string>? Sections { get; set; }
        public JsonNode? PriceCategory { get; set; }
        public List<(string Id, string Name, decimal Price)>? Overrides { get; set; }
        public (string Url, string FileName, string FileType, string S3Key)? Download { get; set; }
        public JsonObject? Pixels { get; set; }
        public List<string>? BundleContentIds { get; set; }
    }

    /// <summary>
    /// Registers a content item directly (no request is recorded), with the rules of <c>POST /api/v1/content</c> except
    /// the id rule: seeding may register legacy ids the create endpoint rejects, such as the docs' own
    /// <c>Client Content Id 6</c> (with spaces). Throws <see cref="ArgumentException"/> with the simulator's 400
    /// message when the item is otherwise rejected (for example a duplicate id).
    /// </summary>
    public void SeedContent(string contentId, string title, string url, decimal? price = null, string currency = "INR")
    {
        var body = new JsonObject { ["contentId"] = contentId, ["title"] = title, ["url"] = url, ["currency"] = currency };
        if (price is { } p) body["price"] = p;
        lock (_gate)
        {
            try
            {
                CreateStored(body, isBundle: false, Now, enforceIdRule: false);
            }
            catch (SimulatorError error)
            {
                throw new ArgumentException(error.Message, nameof(contentId));
            }
        }
    }

    private SimHttpResponse CreateContent(RouteCall call) => Created(CreateStored(Sim.BodyObject(call.Request.Body), false, call.Now));

    private SimHttpResponse CreateBundle(RouteCall call) => Created(CreateStored(Sim.BodyObject(call.Request.Body), true, call.Now));

    private static SimHttpResponse Created(StoredContent item) =>
        SimHttpResponse.Json(200, new JsonObject { ["message"] = "New Content Created!", ["content"] = ContentJson(item, ContentView.Created) });

    private SimHttpResponse EditContent(RouteCall call) => Edit(call, isBundle: false);

    private SimHttpResponse EditBundle(RouteCall call) => Edit(call, isBundle: true);

    private SimHttpResponse Edit(RouteCall call, bool isBundle)
    {
        var id = call.Value("contentId");
        if (!_contentById.TryGetValue(id, out var item) || item.IsBundle != isBundle)
            throw new SimulatorError(404, isBundle ? "Bundle not found" : "Content not found");
        var body = Sim.BodyObject(call.Request.Body);
        var errors = new List<string>();
        var bodyId = Sim.Str(body, "contentId", errors);
        if (bodyId is not null && !string.Equals(bodyId, id, StringComparison.Ordinal)) errors.Add("contentId cannot be edited");
        var staged = Stage(item, body, errors, isBundle, creating: false);
        Sim.ThrowIf(errors);
        staged();
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "Content Edited Successfully", ["editedContent"] = ContentJson(item, ContentView.Edited) });
    }

    private SimHttpResponse GetContent(RouteCall call)
    {
        var id = call.Value("contentId");
        if (!_contentById.TryGetValue(id, out var item) || item.IsBundle) throw new SimulatorError(404, "Content not found");
        return SimHttpResponse.Json(200, ContentJson(item, ContentView.Item));
    }

    private SimHttpResponse ListContent(RouteCall call) => ListPage(call, isBundle: false);

    private SimHttpResponse ListBundles(RouteCall call) => ListPage(call, isBundle: true);

    private SimHttpResponse ListPage(RouteCall call, bool isBundle)
    {
        var (page, size) = Paging(call, defaultSize: 20, maxSize: null);
        var all = _content.Where(c => c.IsBundle == isBundle).ToList();
        var items = new JsonArray();
        foreach (var c in all.Skip((page - 1) * size).Take(size)) items.AddNode(ContentJson(c, ContentView.Item));
        return SimHttpResponse.Json(200, new JsonObject
        {
            ["content"] = items,
            ["pagination"] = PaginationJson(page, size, all.Count),
        });
    }

    private static JsonObject PaginationJson(int page, int size, int total) => new()
    {
        ["pageNumber"] = page,
        ["pageSize"] = size,
        ["totalRecords"] = total,
        ["totalPages"] = (total + size - 1) / size,
    };

    /// <summary>pageNumber (default 1) and pageSize (default per endpoint, optional maximum) from the query, or a 400.</summary>
    private static (int Page, int Size) Paging(RouteCall call, int defaultSize, int? maxSize)
    {
        var errors = new List<string>();
        var page = ParseInt(call.Q("pageNumber"), "pageNumber", 1, errors);
        var size = ParseInt(call.Q("pageSize"), "pageSize", defaultSize, errors);
        if (maxSize is { } max && size > max) errors.Add($"pageSize must be at most {max.ToString(CultureInfo.InvariantCulture)}");
        Sim.ThrowIf(errors);
        return (page, size);
    }

    private static int ParseInt(string? text, string name, int fallback, List<string> errors)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
        errors.Add($"{name} must be a positive integer");
        return fallback;
    }

    private StoredContent CreateStored(JsonObject body, bool isBundle, DateTimeOffset now, bool enforceIdRule = true)
    {
        var errors = new List<string>();
        var id = Sim.Str(body, "contentId", errors);
        if (string.IsNullOrWhiteSpace(id)) errors.Add("contentId is required");
        else if (!isBundle && enforceIdRule && !ContentIdRule.IsMatch(id!))
            errors.Add("contentId must be at most 32 characters and contain only letters, numbers, '_' and '-'");
        if (string.IsNullOrWhiteSpace(Sim.Str(body, "title", errors))) errors.Add("title is required");
        if (string.IsNullOrWhiteSpace(Sim.Str(body, "url", errors))) errors.Add("url is required");
        if (isBundle && !Sim.Has(body, "bundleContentIds")) errors.Add("bundleContentIds is required");
        if (errors.Count == 0 && _contentById.ContainsKey(id!)) errors.Add("contentId already exists");

        var item = new StoredContent(id ?? "", isBundle, now) { ContentType = Settings.DefaultContentType };
        var staged = Stage(item, body, errors, isBundle, creating: true);
        Sim.ThrowIf(errors);
        staged();
        _content.Add(item);
        _contentById[item.ContentId] = item;
        return item;
    }

    /// <summary>Validates every documented field of a create/edit body and returns the change to apply when there were no errors.</summary>
    private Action Stage(StoredContent item, JsonObject body, List<string> errors, bool isBundle, bool creating)
    {
        var changes = new List<Action<StoredContent>>();
        var title = Sim.Str(body, "title", errors);
        if (title is not null) changes.Add(c => c.Title = title);
        var url = Sim.Str(body, "url", errors);
        if (url is not null) changes.Add(c => c.Url = url);

        var price = Sim.Num(body, "price", errors);
        if (price < 0) errors.Add("price must not be negative");
        if (price is not null) changes.Add(c => c.Price = price);

        var currency = Sim.Str(body, "currency", errors);
        if (currency is not null && !CurrencyRule.IsMatch(currency)) errors.Add("currency must be a 3-letter ISO 4217 code");
        if (currency is not null) changes.Add(c => c.Currency = currency);

        var duration = Sim.Num(body, "duration", errors);
        if (duration < 0) errors.Add("duration must not be negative");
        if (duration is { } d) changes.Add(c => c.Duration = d);

        if (!isBundle)
        {
            var authorId = Sim.Str(body, "authorId", errors);
            var authorName = Sim.Str(body, "authorName", errors);
            if (!string.IsNullOrEmpty(authorName) && string.IsNullOrEmpty(authorId ?? (creating ? null : item.AuthorId)))
                errors.Add("authorId is required when authorName is given");
            if (authorId is not null) changes.Add(c => c.AuthorId = authorId);
            if (authorName is not null) changes.Add(c => c.AuthorName = authorName);
        }

        var type = Sim.Str(body, "contentType", errors);
        if (type is not null && !ContentTypes.Contains(type)) errors.Add("contentType must be one of STORY, VIDEO, SONG, PODCAST, PREMIUM CONTENT");
        if (type is not null) changes.Add(c => c.ContentType = type);

        var categories = Sim.StrArray(body, "categories", errors);
        if (categories is not null) changes.Add(c => c.Categories = categories);
        if (!isBundle)
        {
            var tags = Sim.StrArray(body, "tags", errors);
            if (tags is not null) changes.Add(c => c.Tags = tags);
            var sections = Sim.StrArray(body, "sections", errors);
            if (sections is not null) changes.Add(c => c.Sections = sections);
        }

        if (body.TryGetPropertyValue("priceCategory", out var category) && category is not null)
        {
            var copy = category.DeepClone();
            changes.Add(c => c.PriceCategory = copy);
        }

        var overrides = ParseOverrides(body, errors);
        if (overrides is not null) changes.Add(c => c.Overrides = overrides);

        if (!isBundle)
        {
            var download = ParseDownload(body, errors);
            if (download is not null) changes.Add(c => c.Download = download);
            var pixels = ParsePixels(body, errors);
            if (pixels is not null) changes.Add(c => c.Pixels = pixels);
        }
        else
        {
            var ids = Sim.StrArray(body, "bundleContentIds", errors);
            if (ids is not null)
            {
                if (ids.Count == 0) errors.Add("bundleContentIds must not be empty");
                var unknown = ids.Where(i => !_contentById.TryGetValue(i, out var c) || c.IsBundle).ToList();
                if (unknown.Count > 0) errors.Add("bundleContentIds must be registered content ids; not registered: " + string.Join(", ", unknown));
                changes.Add(c => c.BundleContentIds = ids);
            }
        }

        return () =>
        {
            foreach (var change in changes) change(item);
        };
    }

    private static List<(string, string, decimal)>? ParseOverrides(JsonObject body, List<string> errors)
    {
        var overrides = Sim.Obj(body, "priceOverrides", errors);
        if (overrides is null) return null;
        if (!overrides.TryGetPropertyValue("country", out var node) || node is null) return new List<(string, string, decimal)>();
        if (node is not JsonArray countries)
        {
            errors.Add("priceOverrides.country must be an array");
            return null;
        }
        var list = new List<(string, string, decimal)>();
        for (var i = 0; i < countries.Count; i++)
        {
            var field = $"priceOverrides.country[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (countries[i] is not JsonObject entry)
            {
                errors.Add(field + " must be an object");
                continue;
            }
            var name = Sim.Str(entry, "name", errors);
            var price = Sim.Num(entry, "price", errors);
            if (string.IsNullOrEmpty(name)) errors.Add(field + ".name is required");
            else if (!CountryCodes.IsValid(name)) errors.Add(field + ".name must be a country code from the list");
            if (price is null) errors.Add(field + ".price is required");
            else if (price < 0) errors.Add(field + ".price must not be negative");
            if (!string.IsNullOrEmpty(name) && price is { } p) list.Add((Sim.NewObjectId(), name!, p));
        }
        return list;
    }

    private static (string, string, string, string)? ParseDownload(JsonObject body, List<string> errors)
    {
        var download = Sim.Obj(body, "download", errors);
        if (download is null) return null;
        var url = Sim.Str(download, "url", errors);
        var fileName = Sim.Str(download, "fileName", errors);
        var fileType = Sim.Str(download, "fileType", errors);
        if (string.IsNullOrEmpty(url)) errors.Add("download.url is required");
        if (string.IsNullOrEmpty(fileName)) errors.Add("download.fileName is required");
        if (string.IsNullOrEmpty(fileType)) errors.Add("download.fileType is required");
        else if (fileType != "PDF") errors.Add("download.fileType must be PDF");
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(fileName) || fileType != "PDF") return null;
        return (url!, fileName!, fileType!, "simulator/" + Sim.NewObjectId() + "/" + fileName);
    }

    private static JsonObject? ParsePixels(JsonObject body, List<string> errors)
    {
        var pixels = Sim.Obj(body, "pixels", errors);
        if (pixels is null) return null;
        var facebook = Sim.Obj(pixels, "facebook", errors);
        if (facebook is not null)
        {
            if (string.IsNullOrEmpty(Sim.Str(facebook, "pixelId", errors))) errors.Add("pixels.facebook.pixelId is required");
            if (!facebook.TryGetPropertyValue("events", out var node) || node is not JsonArray events || events.Count == 0)
            {
                errors.Add("pixels.facebook.events is required");
            }
            else
            {
                for (var i = 0; i < events.Count; i++)
                {
                    var field = $"pixels.facebook.events[{i.ToString(CultureInfo.InvariantCulture)}]";
                    if (events[i] is not JsonObject e)
                    {
                        errors.Add(field + " must be an object");
                        continue;
                    }
                    var eventType = Sim.Str(e, "eventType", errors);
                    if (eventType is not ("VIEW" or "CONVERSION")) errors.Add(field + ".eventType must be VIEW or CONVERSION");
                    if (string.IsNullOrEmpty(Sim.Str(e, "name", errors))) errors.Add(field + ".name is required");
                    Sim.Obj(e, "data", errors);
                }
            }
        }
        var google = Sim.Obj(pixels, "google", errors);
        if (google is not null && string.IsNullOrEmpty(Sim.Str(google, "trackingId", errors))) errors.Add("pixels.google.trackingId is required");
        return (JsonObject)pixels.DeepClone();
    }

    /// <summary>
    /// The content as ConsCent shows it. The create answer leaves out authorId/authorName, tags and sections (as the
    /// docs' create sample does); get, list and edit show the author; tags and sections are never echoed.
    /// </summary>
    private static JsonObject ContentJson(StoredContent c, ContentView view)
    {
        var o = new JsonObject()
            .Put("title", c.Title)
            .Put("contentId", c.ContentId)
            .Put("price", c.Price)
            .Put("currency", c.Currency);
        if (c.BundleContentIds is not null) o.Put("bundleContentIds", Sim.Array(c.BundleContentIds));
        o.Put("duration", c.Duration)
            .Put("url", c.Url)
            .Put("contentType", c.ContentType)
            .Put("categories", c.Categories is null ? null : Sim.Array(c.Categories))
            .Put("priceCategory", c.PriceCategory?.DeepClone());
        if (view != ContentView.Created) o.Put("authorName", c.AuthorName).Put("authorId", c.AuthorId);
        if (c.Overrides is not null)
        {
            var countries = new JsonArray();
            foreach (var (id, name, price) in c.Overrides)
                countries.AddNode(new JsonObject { ["_id"] = id, ["name"] = name, ["price"] = price });
            o["priceOverrides"] = new JsonObject { ["country"] = countries };
        }
        if (c.Download is { } d)
            o["download"] = new JsonObject { ["url"] = d.Url, ["fileName"] = d.FileName, ["fileType"] = d.FileType, ["s3Key"] = d.S3Key };
        if (c.Pixels is not null) o["pixels"] = c.Pixels.DeepClone();
        return o;
    }
}
