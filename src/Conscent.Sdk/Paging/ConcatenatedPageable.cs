using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>Several lists read one after another as one: every page of the first, then of the second, and so on.</summary>
internal sealed class ConcatenatedPageable<T> : ConscentPageable<T>
{
    private readonly Func<CancellationToken, IAsyncEnumerable<ConscentPage<T>>>[] _parts;

    public ConcatenatedPageable(params Func<CancellationToken, IAsyncEnumerable<ConscentPage<T>>>[] parts) => _parts = parts;

    public override async IAsyncEnumerable<ConscentPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var part in _parts)
        {
            await foreach (var page in part(cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
    }
}
