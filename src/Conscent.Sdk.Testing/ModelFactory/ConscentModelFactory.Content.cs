using System.Collections.Generic;

namespace Conscent.Sdk.Testing;

public static partial class ConscentModelFactory
{
    /// <summary>A content item as <c>IContentClient</c> returns it (get, list, and inside the create and edit answers).</summary>
    /// <param name="contentId">Your id for the content.</param>
    /// <param name="title">The title.</param>
    /// <param name="price">The pay-per-use price.</param>
    /// <param name="currency">The ISO 4217 currency.</param>
    /// <param name="url">Where the content lives on your site.</param>
    /// <param name="duration">How long a buyer keeps access.</param>
    /// <param name="contentType">The kind of content (<see cref="ContentType.Story"/> when null; use <see cref="ContentType"/>'s values).</param>
    /// <param name="authorId">The author's id.</param>
    /// <param name="authorName">The author's name.</param>
    /// <param name="categories">Categories.</param>
    /// <param name="tags">Tags.</param>
    /// <param name="sections">Sections.</param>
    /// <param name="priceCategory">The dashboard price category.</param>
    /// <param name="priceOverrides">Per-country prices.</param>
    /// <param name="download">The downloadable file.</param>
    /// <param name="pixels">Analytics pixels.</param>
    public static ContentItem ContentItem(
        string? contentId = "content-1",
        string? title = "Example article",
        decimal? price = 1m,
        string? currency = "INR",
        string? url = "https://publisher.example/content-1",
        decimal? duration = 1m,
        ContentType? contentType = null,
        string? authorId = null,
        string? authorName = null,
        IEnumerable<string>? categories = null,
        IEnumerable<string>? tags = null,
        IEnumerable<string>? sections = null,
        string? priceCategory = null,
        PriceOverrides? priceOverrides = null,
        ContentDownload? download = null,
        ContentPixels? pixels = null) => new()
    {
        ContentId = contentId,
        Title = title,
        Price = price,
        Currency = currency,
        Url = url,
        Duration = duration,
        ContentType = contentType ?? ContentType.Story,
        AuthorId = authorId,
        AuthorName = authorName,
        Categories = ToList(categories),
        Tags = ToList(tags),
        Sections = ToList(sections),
        PriceCategory = priceCategory,
        PriceOverrides = priceOverrides,
        Download = download,
        Pixels = pixels,
    };

    /// <summary>The answer to <c>IContentClient.CreateAsync</c>.</summary>
    /// <param name="content">The registered content (<see cref="ContentItem"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static CreateContentResponse CreateContentResponse(ContentItem? content = null, string? message = "New Content Created!") => new()
    {
        Message = message,
        Content = content ?? ContentItem(),
    };

    /// <summary>The answer to <c>IContentClient.EditAsync</c>.</summary>
    /// <param name="editedContent">The content after the edit (<see cref="ContentItem"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static EditContentResponse EditContentResponse(ContentItem? editedContent = null, string? message = "Content Edited Successfully") => new()
    {
        Message = message,
        EditedContent = editedContent ?? ContentItem(),
    };


    /// <summary>Per-country prices: <c>{"country": [...]}</c>.</summary>
    /// <param name="country">One entry per country (empty when null).</param>
    public static PriceOverrides PriceOverrides(IEnumerable<CountryPrice>? country = null) => new() { Country = ToListOrEmpty(country) };

    /// <summary>The price of a content item in one country.</summary>
    /// <param name="name">The ISO 3166-1 alpha-2 country code.</param>
    /// <param name="price">The price in that country.</param>
    /// <param name="id">ConsCent's id for the entry (<c>_id</c>).</param>
    public static CountryPrice CountryPrice(string? name = "US", decimal? price = 1m, string? id = null) => new() { Name = name, Price = price, Id = id };

    /// <summary>A downloadable file unlocked by purchase.</summary>
    /// <param name="url">Where the file is.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="fileType">The file type (ConsCent accepts only <c>PDF</c>).</param>
    /// <param name="s3Key">ConsCent's storage key.</param>
    public static ContentDownload ContentDownload(
        string? url = "https://publisher.example/file.pdf", string? fileName = "file.pdf", string? fileType = Conscent.Sdk.ContentDownload.Pdf, string? s3Key = null) =>
        new() { Url = url, FileName = fileName, FileType = fileType, S3Key = s3Key };

    /// <summary>Analytics pixels.</summary>
    /// <param name="facebookPixelId">A Facebook pixel id (with one <c>VIEW</c> event), or null for none.</param>
    /// <param name="googleTrackingId">A Google tracking id, or null for none.</param>
    public static ContentPixels ContentPixels(string? facebookPixelId = null, string? googleTrackingId = "G-EXAMPLE1") => new()
    {
        Facebook = facebookPixelId is null
            ? null
            : new FacebookPixel { PixelId = facebookPixelId, Events = new List<FacebookPixelEvent> { new() { EventType = PixelEventTypes.View, Name = "ViewContent" } } },
        Google = googleTrackingId is null ? null : new GooglePixel { TrackingId = googleTrackingId },
    };

    /// <summary>A bundle as <c>IBundlesClient</c> returns it.</summary>
    /// <param name="contentId">Your id for the bundle.</param>
    /// <param name="bundleContentIds">The content ids in the bundle (<c>content-1</c>, <c>content-2</c> when null).</param>
    /// <param name="title">The title.</param>
    /// <param name="price">The bundle price.</param>
    /// <param name="currency">The ISO 4217 currency.</param>
    /// <param name="url">Where the bundle is shown.</param>
    /// <param name="duration">How long a buyer keeps access.</param>
    /// <param name="contentType">The kind of content (<see cref="ContentType.Story"/> when null).</param>
    /// <param name="priceOverrides">Per-country prices.</param>
    /// <param name="priceCategory">The dashboard price category.</param>
    /// <param name="categories">Categories.</param>
    public static BundleItem BundleItem(
        string? contentId = "bundle-1",
        IEnumerable<string>? bundleContentIds = null,
        string? title = "Example bundle",
        decimal? price = 5m,
        string? currency = "INR",
        string? url = "https://publisher.example/bundle-1",
        decimal? duration = 1m,
        ContentType? contentType = null,
        PriceOverrides? priceOverrides = null,
        string? priceCategory = null,
        IEnumerable<string>? categories = null) => new()
    {
        ContentId = contentId,
        BundleContentIds = ToList(bundleContentIds) ?? new List<string> { "content-1", "content-2" },
        Title = title,
        Price = price,
        Currency = currency,
        Url = url,
        Duration = duration,
        ContentType = contentType ?? ContentType.Story,
        PriceOverrides = priceOverrides,
        PriceCategory = priceCategory,
        Categories = ToList(categories),
    };

    /// <summary>The answer to <c>IBundlesClient.CreateAsync</c>.</summary>
    /// <param name="content">The registered bundle (<see cref="BundleItem"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static CreateBundleResponse CreateBundleResponse(BundleItem? content = null, string? message = "New Content Created!") => new()
    {
        Message = message,
        Content = content ?? BundleItem(),
    };

    /// <summary>The answer to <c>IBundlesClient.EditAsync</c>.</summary>
    /// <param name="editedContent">The bundle after the edit (<see cref="BundleItem"/>'s defaults when null).</param>
    /// <param name="message">ConsCent's message.</param>
    public static EditBundleResponse EditBundleResponse(BundleItem? editedContent = null, string? message = "Content Edited Successfully") => new()
    {
        Message = message,
        EditedContent = editedContent ?? BundleItem(),
    };

}
