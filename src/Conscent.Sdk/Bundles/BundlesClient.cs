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

    private readonly ConscentHttpPipeline _pipeline;

    private readonly TotalsListEndpoint<BundleListResponse, BundleItem> _list;

    internal BundlesClient(ConscentHttpPipeline pipeline)
    {
        _pipeline = pipeline;
        _list = new(pipeline, List, ConscentJsonContext.Default.BundleListResponse, static answer => answer.Content, static answer => answer.Pagination);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected BundlesClient()
    {
        _pipeline = null!;
        _list = null!;
    }

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
    public virtual ConscentPageable<BundleItem> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _list.List(options, cancellationToken);

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
