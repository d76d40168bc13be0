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

    /// <summary>
    /// Your registered content (<c>GET /api/v1/content/client</c>), read a page at a time as you enumerate:
    /// <c>await foreach</c> for every item, <see cref="ConscentPageable{T}.AsPages"/> for the pages with their totals,
    /// <see cref="ConscentPageable{T}.GetPageAsync"/> for one page.
    /// </summary>
    /// <param name="options">The start page and page size (default: page 1, <see cref="ListOptions.DefaultPageSize"/> a page). Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<ContentItem> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default);
}
