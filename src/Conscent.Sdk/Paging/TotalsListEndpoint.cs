using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>
/// A list endpoint of the content, bundle and story kind (<c>pageNumber</c>/<c>pageSize</c> in, items plus a
/// <c>pagination</c> block with totals out), read as a <see cref="ConscentPageable{T}"/>. One per client and list, so the
/// page-reading delegate is made once, not per call.
/// </summary>
internal sealed class TotalsListEndpoint<TAnswer, TItem>
    where TAnswer : ConscentModel
    where TItem : class
{
    private readonly ConscentHttpPipeline _pipeline;
    private readonly ConscentEndpoint _endpoint;
    private readonly JsonTypeInfo<TAnswer> _answerType;
    private readonly Func<TAnswer, IList<TItem>?> _items;
    private readonly Func<TAnswer, Pagination?> _pagination;
    private readonly Func<int, int, CancellationToken, Task<ConscentPage<TItem>>> _readPage;

    public TotalsListEndpoint(ConscentHttpPipeline pipeline, ConscentEndpoint endpoint, JsonTypeInfo<TAnswer> answerType,
        Func<TAnswer, IList<TItem>?> items, Func<TAnswer, Pagination?> pagination)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        _answerType = answerType;
        _items = items;
        _pagination = pagination;
        _readPage = ReadPageAsync;
    }

    /// <summary>The list from the options' page on. The options are checked now, not at the first page, so a bad one fails where it is written.</summary>
    public ConscentPageable<TItem> List(ListOptions? options, CancellationToken cancellationToken)
    {
        new RequestValidator(_endpoint.Operation).PageNumber(options?.PageNumber).PageSize(options?.PageSize, ListOptions.MaxPageSize).ThrowIfInvalid();
        return new ApiPageable<TItem>(options?.PageNumber ?? 1, options?.PageSize ?? ListOptions.DefaultPageSize, _readPage, cancellationToken);
    }

    private async Task<ConscentPage<TItem>> ReadPageAsync(int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var call = new ConscentRequest(_endpoint).WithQuery("pageNumber", pageNumber).WithQuery("pageSize", pageSize);
        var answer = await _pipeline.SendAsync(call, _answerType, cancellationToken).ConfigureAwait(false);
        var pagination = _pagination(answer);
        return ApiPageable<TItem>.ToPage(_items(answer), pageNumber, pageSize, pagination?.TotalRecords, pagination?.TotalPages, answer.AdditionalProperties);
    }
}
