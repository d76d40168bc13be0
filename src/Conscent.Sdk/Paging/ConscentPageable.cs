using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// A ConsCent list, read a page at a time as you go. Enumerate it with <c>await foreach</c> for every item from the
/// start page on, or call <see cref="AsPages"/> for the pages with their paging details, or <see cref="GetPageAsync"/>
/// for the start page alone. Nothing is sent until you enumerate; each enumeration reads the list again. Only one page
/// is held in memory.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Reading stops after a page that is empty, shorter than the page size, or the last of the totals ConsCent gives, and
/// after at most <see cref="ConscentPageable.MaxPages"/> pages (a guard against a server that never says "last page"). For a mock, build
/// one with <see cref="ConscentPageable.FromPages{T}"/>.
/// </remarks>
public abstract class ConscentPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>For derived types and mocking frameworks.</summary>
    protected ConscentPageable()
    {
    }

    /// <summary>Reads the list a page at a time, from the start page on.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The pages, each with its items and paging details.</returns>
    public abstract IAsyncEnumerable<ConscentPage<T>> AsPages(CancellationToken cancellationToken = default);

    /// <summary>Reads the start page alone (one request).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The start page; empty when the list is.</returns>
    public virtual async Task<ConscentPage<T>> GetPageAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            return page;
        }
        return new ConscentPage<T>(Array.Empty<T>(), 1, 0);
    }

    /// <summary>Every item from the start page on, reading the next page only when you reach it.</summary>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            var items = page.Items;
            for (var i = 0; i < items.Count; i++)
            {
                yield return items[i];
            }
        }
    }

    internal sealed class StaticPageable(IEnumerable<ConscentPage<T>> pages) : ConscentPageable<T>
    {
        public override async IAsyncEnumerable<ConscentPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return page;
            }
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}

/// <summary>Builds <see cref="ConscentPageable{T}"/> lists for tests and mocks.</summary>
public static class ConscentPageable
{
    /// <summary>The most pages one enumeration of a ConsCent list reads.</summary>
    public const int MaxPages = 100_000;

    /// <summary>A list made of the given pages, in order: for tests and mocks of the SDK's clients.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="pages">The pages.</param>
    /// <returns>A list that yields those pages.</returns>
    public static ConscentPageable<T> FromPages<T>(IEnumerable<ConscentPage<T>> pages) =>
        new ConscentPageable<T>.StaticPageable(pages ?? throw new ArgumentNullException(nameof(pages)));

    /// <summary>A one-page list of the given items: for tests and mocks of the SDK's clients.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>A list that yields one page holding those items.</returns>
    public static ConscentPageable<T> FromItems<T>(IEnumerable<T> items)
    {
        var list = new List<T>(items ?? throw new ArgumentNullException(nameof(items)));
        return FromPages(new[] { new ConscentPage<T>(list, 1, Math.Max(1, list.Count), list.Count, 1) });
    }
}
