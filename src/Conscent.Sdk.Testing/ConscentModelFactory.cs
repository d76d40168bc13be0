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
    /// <summary>The paging details of a content, bundle, story or client-purchase list (<c>pagination</c>).</summary>
    /// <param name="pageNumber">The page returned, from 1.</param>
    /// <param name="pageSize">The page size used.</param>
    /// <param name="totalRecords">Records across all pages.</param>
    /// <param name="totalPages">Pages in all; computed from <paramref name="totalRecords"/> and <paramref name="pageSize"/> when null.</param>
    public static Pagination Pagination(int pageNumber = 1, int pageSize = 20, int totalRecords = 0, int? totalPages = null) => new()
    {
        PageNumber = pageNumber,
        PageSize = pageSize,
        TotalRecords = totalRecords,
        TotalPages = totalPages ?? (pageSize <= 0 ? 0 : (totalRecords + pageSize - 1) / pageSize),
    };

    /// <summary>The paging details of a purchase list (<c>paginationInfo</c>): no totals.</summary>
    /// <param name="pageNumber">The page returned, from 1.</param>
    /// <param name="pageSize">The page size used (ConsCent's default is 500).</param>
    /// <param name="recordsReturned">Records on this page.</param>
    public static PaginationInfo PaginationInfo(int pageNumber = 1, int pageSize = 500, int recordsReturned = 0) => new()
    {
        PageNumber = pageNumber,
        PageSize = pageSize,
        RecordsReturned = recordsReturned,
    };

    internal static List<T>? ToList<T>(IEnumerable<T>? items) => items?.ToList();

    internal static List<T> ToListOrEmpty<T>(IEnumerable<T>? items) => items?.ToList() ?? new List<T>();

    internal static Pagination PageOf(int count, Pagination? pagination) =>
        pagination ?? Pagination(pageNumber: 1, pageSize: Math.Max(20, count), totalRecords: count);
}
