namespace Conscent.Sdk;

/// <summary>Paging details of the content, bundle, story and client-purchase lists (<c>pagination</c>).</summary>
internal sealed class Pagination : ConscentModel
{
    /// <summary>The page returned, from 1.</summary>
    public int PageNumber { get; set; }

    /// <summary>The page size used.</summary>
    public int PageSize { get; set; }

    /// <summary>Records across all pages.</summary>
    public int TotalRecords { get; set; }

    /// <summary>Pages in all.</summary>
    public int TotalPages { get; set; }
}

/// <summary>Paging details of the purchase lists (<c>paginationInfo</c>): no totals, only what this page holds.</summary>
internal sealed class PaginationInfo : ConscentModel
{
    /// <summary>The page returned, from 1.</summary>
    public int PageNumber { get; set; }

    /// <summary>The page size used.</summary>
    public int PageSize { get; set; }

    /// <summary>Records on this page.</summary>
    public int RecordsReturned { get; set; }
}
