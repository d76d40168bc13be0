using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Walks a paged list one page at a time, yielding its items. Stops at <c>totalPages</c> when the server gives it, when
/// a page holds fewer items than the page size, or when a page is empty. Only one page is held in memory.
/// </summary>
internal static class AutoPager
{
    /// <summary>The most pages one walk will fetch: a guard against a server that never says "last page".</summary>
    internal const int MaxPages = 100_000;

    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        int firstPage,
        int pageSize,
        Func<int, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IList<TItem>?> items,
        Func<TPage, int?> totalPages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = firstPage; page < firstPage + MaxPages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await fetchPage(page, cancellationToken).ConfigureAwait(false);
            var list = items(result);
            if (list is null || list.Count == 0) yield break;
            // The page's own list is walked in place (no copy); null entries from a sloppy answer are skipped.
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                if (item is not null) yield return item;
            }
            var total = totalPages(result);
            if (total is not null && page >= total.Value) yield break;
            if (list.Count < pageSize) yield break;
        }
    }
}
