namespace Conscent.Sdk;

/// <summary>
/// Where a list of content, bundles or stories starts and how many items a page holds. The list reads from
/// <see cref="PageNumber"/> on, a page at a time, as you enumerate it.
/// </summary>
public sealed class ListOptions
{
    /// <summary>The page sent when none is set: 100 items.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page size accepted: 1000 (ConsCent states none; this keeps pages sane).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The first page to read, from 1 (default 1).</summary>
    public int? PageNumber { get; set; }

    /// <summary>Items per page, 1 to <see cref="MaxPageSize"/> (default <see cref="DefaultPageSize"/>).</summary>
    public int? PageSize { get; set; }
}
