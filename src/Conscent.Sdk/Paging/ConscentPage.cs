using System;
using System.Collections.Generic;

namespace Conscent.Sdk;

/// <summary>
/// One page of a ConsCent list: its items and what ConsCent said about the paging. Fields of the page the SDK does not
/// map are kept in <see cref="ConscentModel.AdditionalProperties"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ConscentPage<T> : ConscentModel
{
    /// <summary>Creates a page (the SDK builds them from ConsCent's answers; tests and mocks build their own).</summary>
    /// <param name="items">The items on the page.</param>
    /// <param name="pageNumber">The page number, from 1.</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="totalRecords">Items across all pages, where the list gives it.</param>
    /// <param name="totalPages">Pages in all, where the list gives it.</param>
    public ConscentPage(IReadOnlyList<T> items, int pageNumber, int pageSize, int? totalRecords = null, int? totalPages = null)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalRecords = totalRecords;
        TotalPages = totalPages;
    }

    /// <summary>The items on this page, in ConsCent's order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The page number, from 1.</summary>
    public int PageNumber { get; }

    /// <summary>The page size: items per page.</summary>
    public int PageSize { get; }

    /// <summary>Items across all pages. Null for the purchase lists by type, which give no totals.</summary>
    public int? TotalRecords { get; }

    /// <summary>Pages in all. Null for the purchase lists by type, which give no totals.</summary>
    public int? TotalPages { get; }

    /// <summary>
    /// True when no page follows: the page is empty, shorter than <see cref="PageSize"/>, or the last of
    /// <see cref="TotalPages"/>.
    /// </summary>
    public bool IsLastPage =>
        Items.Count == 0
        || Items.Count < PageSize
        || (TotalPages is { } total && PageNumber >= total);

    /// <summary>Page number, item count and totals; never the items.</summary>
    public override string ToString() =>
        $"Page {PageNumber} ({Items.Count} of {PageSize}{(TotalRecords is { } records ? $", {records} in all" : "")})";
}
