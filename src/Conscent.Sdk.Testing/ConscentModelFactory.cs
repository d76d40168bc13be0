using System;
using System.Collections.Generic;
using System.Linq;

namespace Conscent.Sdk.Testing;

/// <summary>
/// Builds the SDK's response models and webhook payloads for <b>your</b> tests, with sensible defaults, so you can mock
/// <c>IContentClient</c> and the other clients without ConsCent:
/// <code>
/// contentClient.GetAsync("x").Returns(ConscentModelFactory.ContentItem(contentId: "x", price: 5m));
/// </code>
/// Every parameter is optional. Strings default to short example values, amounts to small numbers, dates to
/// <see langword="null"/> (not sent) unless the method says otherwise; pass <see langword="null"/> to leave a field
/// out, as ConsCent leaves out fields it does not have. Lists given as <see cref="IEnumerable{T}"/> are copied.
/// </summary>
/// <remarks>One method per response model, per webhook payload and per main nested model, named after the type it returns.</remarks>
public static partial class ConscentModelFactory
{
    /// <summary>
    /// One page of a list, as the SDK's list methods yield from <see cref="ConscentPageable{T}.AsPages"/>. Wrap pages in
    /// <see cref="ConscentPageable.FromPages{T}"/> to mock a list method:
    /// <c>purchases.ListAsync(default, default).Returns(ConscentPageable.FromPages(new[] { ConscentModelFactory.Page(items) }))</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items on the page (empty when null).</param>
    /// <param name="pageNumber">The page number, from 1.</param>
    /// <param name="pageSize">The page size; the item count (at least 1) when null, so the page reads as the last one.</param>
    /// <param name="totalRecords">Items across all pages; null as in the purchase lists by type.</param>
    /// <param name="totalPages">Pages in all; null as in the purchase lists by type.</param>
    public static ConscentPage<T> Page<T>(IEnumerable<T>? items = null, int pageNumber = 1, int? pageSize = null, int? totalRecords = null, int? totalPages = null)
    {
        var list = ToListOrEmpty(items);
        return new ConscentPage<T>(list, pageNumber, pageSize ?? Math.Max(1, list.Count), totalRecords, totalPages);
    }

    internal static List<T>? ToList<T>(IEnumerable<T>? items) => items?.ToList();

    internal static List<T> ToListOrEmpty<T>(IEnumerable<T>? items) => items?.ToList() ?? new List<T>();

}
