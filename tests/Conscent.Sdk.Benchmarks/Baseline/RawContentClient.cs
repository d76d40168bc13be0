using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Infrastructure;

namespace Conscent.Sdk.Benchmarks.Baseline;

/// <summary>
/// The hand-written baseline: HttpClient + System.Text.Json source generation, the idiomatic way
/// (<c>GetFromJsonAsync</c>, <c>PostAsJsonAsync</c>). Auth, Accept and User-Agent are the HttpClient's default headers
/// (set by <see cref="Configure"/>), the same values the SDK sends. No validation, retries, timeouts or typed errors.
/// </summary>
public sealed class RawContentClient
{
    private readonly HttpClient _http;
    private readonly string _listUrl;
    private readonly string _createUrl;
    private readonly string _getUrlPrefix;

    public RawContentClient(HttpClient http, Uri baseAddress)
    {
        _http = http;
        var root = baseAddress.AbsoluteUri.TrimEnd('/');
        _listUrl = root + "/api/v1/content/client";
        _createUrl = root + "/api/v1/content";
        _getUrlPrefix = root + "/api/v1/content/client/";
    }

    /// <summary>Sets the headers the SDK sends on every Basic-auth call.</summary>
    public static HttpClient Configure(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization = BenchSetup.BasicAuthorization;
        http.DefaultRequestHeaders.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json"));
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BenchSetup.UserAgent);
        return http;
    }

    public async Task<RawContentListResponse> ListAsync(CancellationToken cancellationToken = default) =>
        (await _http.GetFromJsonAsync(_listUrl, RawJsonContext.Default.RawContentListResponse, cancellationToken).ConfigureAwait(false))!;

    public async Task<RawContentListResponse> ListAsync(int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"{_listUrl}?pageNumber={pageNumber}&pageSize={pageSize}");
        return (await _http.GetFromJsonAsync(url, RawJsonContext.Default.RawContentListResponse, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<RawContentItem> GetAsync(string contentId, CancellationToken cancellationToken = default) =>
        (await _http.GetFromJsonAsync(_getUrlPrefix + Uri.EscapeDataString(contentId), RawJsonContext.Default.RawContentItem, cancellationToken).ConfigureAwait(false))!;

    public async Task<RawCreateContentResponse> CreateAsync(RawCreateContentRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync(_createUrl, request, RawJsonContext.Default.RawCreateContentRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(RawJsonContext.Default.RawCreateContentResponse, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Every item of every page, one page in memory at a time (the hand-written equivalent of ListAllAsync).</summary>
    public async IAsyncEnumerable<RawContentItem> ListAllAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var page = 1; ; page++)
        {
            var result = await ListAsync(page, pageSize, cancellationToken).ConfigureAwait(false);
            if (result.Content is not { Count: > 0 } items) yield break;
            foreach (var item in items) yield return item;
            if (result.Pagination is { } p && page >= p.TotalPages) yield break;
            if (items.Count < pageSize) yield break;
        }
    }
}
