using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Content bundles: register, edit and list sellable groups of content (see <see cref="IBundlesClient"/>).</summary>
public class BundlesClient : IBundlesClient
{
    internal static readonly ConscentEndpoint Create = new("Bundles.Create", HttpMethod.Post, "/api/v1/content/bundle", EndpointAuth.Basic, safeToRetry: false);
    internal static readonly ConscentEndpoint Edit = new("Bundles.Edit", new HttpMethod("PATCH"), "/api/v1/content/bundle/{contentId}", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint List = new("Bundles.List", HttpMethod.Get, "/api/v1/content/bundles", EndpointAuth.Basic, safeToRetry: true);

    /// <summary>The largest page size the list calls accept (ConsCent states none; this keeps pages sane).</summary>
    public const int MaxPageSize = 1000;

    private readonly ConscentHttpPipeline _pipeline;

    internal BundlesClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected BundlesClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual Task<CreateBundleResponse> CreateAsync(CreateBundleRequest request, CancellationToken cancellationToken = default)
    {
        request = RequestValidator.EnsureRequest(request, Create.Operation);
        var v = new RequestValidator(Create.Operation);
        v.Required(request.ContentId, "ContentId");
        BundleContentIds(v, request.BundleContentIds, required: true);
        v.Required(request.Title, "Title").Required(request.Url, "Url");
        ContentValidation.Common(v, request.Price, request.Currency, null, null, request.ContentType, request.PriceOverrides, null, null, request.Duration);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Create).WithJsonBody(request, ConscentJsonContext.Default.CreateBundleRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.CreateBundleResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<EditBundleResponse> EditAsync(string bundleId, EditBundleRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator(Edit.Operation).PathId(bundleId, "bundleId");
        if (request is null) v.Add("request", "is required.");
        else
        {
            BundleContentIds(v, request.BundleContentIds, required: false);
            ContentValidation.Common(v, request.Price, request.Currency, null, null, request.ContentType, request.PriceOverrides, null, null, request.Duration);
        }
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Edit).WithPath("contentId", bundleId).WithJsonBody(request!, ConscentJsonContext.Default.EditBundleRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.EditBundleResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<BundleListResponse> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        new RequestValidator(List.Operation).PageNumber(options?.PageNumber).PageSize(options?.PageSize, MaxPageSize).ThrowIfInvalid();
        var call = new ConscentRequest(List).WithQuery("pageNumber", options?.PageNumber).WithQuery("pageSize", options?.PageSize);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.BundleListResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<BundleItem> ListAllAsync(int pageSize = 100, CancellationToken cancellationToken = default)
    {
        new RequestValidator(List.Operation).PageSize(pageSize, MaxPageSize).ThrowIfInvalid();
        return AutoPager.EnumerateAsync(
            1, pageSize,
            (page, ct) => ListAsync(new ListOptions { PageNumber = page, PageSize = pageSize }, ct),
            static page => page.Content,
            static page => page.Pagination?.TotalPages,
            cancellationToken);
    }

    // A bundle holds at least one content id; each one names registered content, so a blank entry is a mistake.
    private static void BundleContentIds(RequestValidator v, IList<string>? ids, bool required)
    {
        if (ids is null)
        {
            if (required) v.Add("BundleContentIds", "is required (at least one content id).");
            return;
        }
        if (ids.Count == 0)
        {
            v.Add("BundleContentIds", "must contain at least one content id.");
            return;
        }
        for (var i = 0; i < ids.Count; i++)
            if (string.IsNullOrWhiteSpace(ids[i])) v.Add($"BundleContentIds[{i}]", "must not be empty.");
    }
}
