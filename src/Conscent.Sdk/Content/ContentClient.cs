using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Premium content (see <see cref="IContentClient"/>).</summary>
public class ContentClient : IContentClient
{
    internal static readonly ConscentEndpoint Create = new("Content.Create", HttpMethod.Post, "/api/v1/content", EndpointAuth.Basic, safeToRetry: false);
    internal static readonly ConscentEndpoint Edit = new("Content.Edit", new HttpMethod("PATCH"), "/api/v1/content/{contentId}", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint List = new("Content.List", HttpMethod.Get, "/api/v1/content/client", EndpointAuth.Basic, safeToRetry: true);
    internal static readonly ConscentEndpoint Get = new("Content.Get", HttpMethod.Get, "/api/v1/content/client/{contentId}", EndpointAuth.Basic, safeToRetry: true);

    private readonly ConscentHttpPipeline _pipeline;

    private readonly TotalsListEndpoint<ContentListResponse, ContentItem> _list;

    internal ContentClient(ConscentHttpPipeline pipeline)
    {
        _pipeline = pipeline;
        _list = new(pipeline, List, ConscentJsonContext.Default.ContentListResponse, static answer => answer.Content, static answer => answer.Pagination);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ContentClient()
    {
        _pipeline = null!;
        _list = null!;
    }

    /// <inheritdoc />
    public virtual Task<CreateContentResponse> CreateAsync(CreateContentRequest request, CancellationToken cancellationToken = default)
    {
        request = RequestValidator.EnsureRequest(request, Create.Operation);
        var v = new RequestValidator(Create.Operation);
        ContentValidation.NewContentId(v, request.ContentId);
        v.Required(request.Title, "Title").Required(request.Url, "Url");
        ContentValidation.Common(v, request.Price, request.Currency, request.AuthorId, request.AuthorName, request.ContentType,
            request.PriceOverrides, request.Download, request.Pixels, request.Duration);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Create).WithJsonBody(request, ConscentJsonContext.Default.CreateContentRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.CreateContentResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<EditContentResponse> EditAsync(string contentId, EditContentRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator(Edit.Operation).PathId(contentId, "contentId");
        if (request is null) v.Add("request", "is required.");
        else
            ContentValidation.Common(v, request.Price, request.Currency, request.AuthorId, request.AuthorName, request.ContentType,
                request.PriceOverrides, request.Download, request.Pixels, request.Duration);
        v.ThrowIfInvalid();

        var call = new ConscentRequest(Edit).WithPath("contentId", contentId).WithJsonBody(request!, ConscentJsonContext.Default.EditContentRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.EditContentResponse, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ContentItem> GetAsync(string contentId, CancellationToken cancellationToken = default)
    {
        new RequestValidator(Get.Operation).PathId(contentId, "contentId").ThrowIfInvalid();
        var call = new ConscentRequest(Get).WithPath("contentId", contentId);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.ContentItem, cancellationToken);
    }

    /// <inheritdoc />
    public virtual ConscentPageable<ContentItem> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _list.List(options, cancellationToken);
}
