using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>Content bundles: register, edit and list sellable groups of content.</summary>
public interface IBundlesClient
{
    /// <summary>
    /// Registers a bundle (<c>POST /api/v1/content/bundle</c>). The bundle id, at least one content id, the title and
    /// the URL are required; price, currency, content type and price overrides follow the content rules. Every problem
    /// is reported in one <see cref="ConscentValidationException"/> and nothing is sent. ConsCent documents no character
    /// rule for bundle ids, so ids with spaces (as in its examples) are accepted. Not retried after a failure the server
    /// may have processed.
    /// </summary>
    Task<CreateBundleResponse> CreateAsync(CreateBundleRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a registered bundle (<c>PATCH /api/v1/content/bundle/{contentId}</c>). Only the fields set on
    /// <paramref name="request"/> are sent; the id is percent-encoded into the path and is never sent in the body
    /// (ConsCent says it cannot be edited).
    /// </summary>
    Task<EditBundleResponse> EditAsync(string bundleId, EditBundleRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Your bundles (<c>GET /api/v1/content/bundles</c>, plural), read a page at a time as you enumerate:
    /// <c>await foreach</c> for every bundle, <see cref="ConscentPageable{T}.AsPages"/> for the pages with their totals,
    /// <see cref="ConscentPageable{T}.GetPageAsync"/> for one page.
    /// </summary>
    /// <param name="options">The start page and page size (default: page 1, <see cref="ListOptions.DefaultPageSize"/> a page). Checked here; nothing is sent until you enumerate.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    ConscentPageable<BundleItem> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default);
}
