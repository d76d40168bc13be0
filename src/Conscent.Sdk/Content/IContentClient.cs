using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Premium content: register with ConsCent the articles, videos and podcasts you sell, change them, and read them back.
/// </summary>
public interface IContentClient
{
    /// <summary>
    /// Registers a content item (<c>POST /api/v1/content</c>) so the paywall can sell it. The request is checked
    /// against every documented rule first; a <see cref="ConscentValidationException"/> lists all problems and nothing
    /// is sent. Not retried after a failure the server may have processed.
    /// </summary>
    Task<CreateContentResponse> CreateAsync(CreateContentRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a registered content item (<c>PATCH /api/v1/content/{contentId}</c>). Only the fields set on
    /// <paramref name="request"/> are sent; the id is percent-encoded into the path (ids with spaces work).
    /// </summary>
    Task<EditContentResponse> EditAsync(string contentId, EditContentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads one registered content item (<c>GET /api/v1/content/client/{contentId}</c>). Throws <see cref="ConscentNotFoundException"/> when there is none.</summary>
    Task<ContentItem> GetAsync(string contentId, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of your registered content (<c>GET /api/v1/content/client</c>).</summary>
    Task<ContentListResponse> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks every page of your registered content, fetching the next page only when you reach it.
    /// <paramref name="pageSize"/> defaults to 100.
    /// </summary>
    IAsyncEnumerable<ContentItem> ListAllAsync(int pageSize = 100, CancellationToken cancellationToken = default);
}
