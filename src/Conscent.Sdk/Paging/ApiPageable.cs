using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// A list read from ConsCent page by page: asks for page <c>n</c> with a fixed page size, turns the answer into a
/// <see cref="ConscentPage{T}"/>, and moves on until <see cref="ConscentPage{T}.IsLastPage"/>.
/// </summary>
internal sealed class ApiPageable<T> : ConscentPageable<T>
    where T : class
{
    private readonly int _firstPage;
    private readonly int _pageSize;
    private readonly Func<int, int, CancellationToken, Task<ConscentPage<T>>> _fetchPage;
    private readonly CancellationToken _callToken;

    /// <param name="firstPage">The page to start at.</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="fetchPage">Reads page (number, size).</param>
    /// <param name="callToken">The token given to the list method; linked with the one given to the enumeration.</param>
    public ApiPageable(int firstPage, int pageSize, Func<int, int, CancellationToken, Task<ConscentPage<T>>> fetchPage, CancellationToken callToken)
    {
        _firstPage = firstPage;
        _pageSize = pageSize;
        _fetchPage = fetchPage;
        _callToken = callToken;
    }

    /// <summary>One page is one request: no page iterator, and no linked token unless both tokens can fire.</summary>
    public override Task<ConscentPage<T>> GetPageAsync(CancellationToken cancellationToken = default)
    {
        if (_callToken.CanBeCanceled && cancellationToken.CanBeCanceled && _callToken != cancellationToken)
            return GetPageLinkedAsync(cancellationToken);
        var token = cancellationToken.CanBeCanceled ? cancellationToken : _callToken;
        if (token.IsCancellationRequested) return Task.FromCanceled<ConscentPage<T>>(token);
        return _fetchPage(_firstPage, _pageSize, token);
    }

    private async Task<ConscentPage<T>> GetPageLinkedAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken);
        linked.Token.ThrowIfCancellationRequested();
        return await _fetchPage(_firstPage, _pageSize, linked.Token).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ConscentPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Link only when both tokens can fire: the common case (one or none) costs nothing.
        using var linked = _callToken.CanBeCanceled && cancellationToken.CanBeCanceled && _callToken != cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);

        // Counted by pages read, not by page number, so a start page near int.MaxValue cannot overflow the bound.
        for (var read = 0; read < ConscentPageable.MaxPages; read++)
        {
            token.ThrowIfCancellationRequested();
            var number = _firstPage + read;
            var page = await _fetchPage(number, _pageSize, token).ConfigureAwait(false);
            yield return page;
            if (page.IsLastPage || number == int.MaxValue) yield break;
        }
    }

    /// <summary>
    /// Builds a page from one of ConsCent's list answers. Null entries of a sloppy answer are dropped (the list is copied
    /// only then). The page number and size are the ones asked for, not the ones the answer echoes: the stop rule must
    /// hold even against a server that echoes the wrong ones (ConsCent's own samples do).
    /// </summary>
    internal static ConscentPage<T> ToPage(
        IList<T>? items, int pageNumber, int pageSize, int? totalRecords, int? totalPages,
        IDictionary<string, System.Text.Json.JsonElement>? additionalProperties)
    {
        IReadOnlyList<T> list;
        if (items is null) list = Array.Empty<T>();
        else if (items is List<T> plain && !plain.Contains(null!)) list = plain;
        else
        {
            var copy = new List<T>(items.Count);
            foreach (var item in items)
            {
                if (item is not null) copy.Add(item);
            }
            list = copy;
        }
        return new ConscentPage<T>(list, pageNumber, pageSize, totalRecords, totalPages)
        {
            AdditionalProperties = additionalProperties,
        };
    }
}
