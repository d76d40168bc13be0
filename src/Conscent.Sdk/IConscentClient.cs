using System;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// The ConsCent API, one property per area. Inject this (or one area's interface) and mock it in your tests.
/// </summary>
public interface IConscentClient
{
    /// <summary>Premium content: register, edit, get and list the articles, videos and podcasts ConsCent sells.</summary>
    IContentClient Content { get; }

    /// <summary>Content bundles: sellable groups of registered content.</summary>
    IBundlesClient Bundles { get; }

    /// <summary>Consumption validation: confirm a reader paid before unlocking content.</summary>
    IConsumptionClient Consumption { get; }

    /// <summary>Sales statistics.</summary>
    IStatsClient Stats { get; }

    /// <summary>Subscription migration and cancellation.</summary>
    ISubscriptionsClient Subscriptions { get; }

    /// <summary>Purchase exports (subscriptions, passes, micropayments).</summary>
    IPurchasesClient Purchases { get; }

    /// <summary>Reader details with their subscriptions or purchases.</summary>
    IUsersClient Users { get; }

    /// <summary>Temporary auto-login tokens.</summary>
    IAutoLoginClient AutoLogin { get; }

    /// <summary>Conscent.ai loyalty events.</summary>
    ILoyaltyClient Loyalty { get; }

    /// <summary>The deprecated story API.</summary>
    [Obsolete("The story API is deprecated by ConsCent. Use Content (and Stats) instead.")]
    IStoriesClient Stories { get; }

    /// <summary>
    /// The same client with other timeouts or retries for the calls made through it (see <see cref="ConscentRequestOptions"/>):
    /// the connection pool, circuit breaker and credentials are shared. Cheap: make one per request path, or per call.
    /// </summary>
    /// <exception cref="ArgumentException">A timeout is not positive, or the retries are out of range.</exception>
    IConscentClient WithRequestOptions(ConscentRequestOptions options);

    /// <summary>
    /// Sends a request to an endpoint the SDK does not type yet, through the same pipeline as the typed calls: the
    /// credentials <see cref="ConscentRawRequest.Auth"/> names, retries only where <see cref="ConscentRawRequest.IsSafeToRetry"/>,
    /// this client's timeouts (including <see cref="WithRequestOptions"/>), the circuit breaker, telemetry and redaction.
    /// See docs/raw-requests.md.
    /// </summary>
    /// <returns>The 2xx answer, its body read completely.</returns>
    /// <exception cref="ConscentValidationException">The request breaks a rule (every problem listed); nothing was sent.</exception>
    /// <exception cref="ConscentApiException">ConsCent answered an error status: the same typed exceptions as the typed calls (<see cref="ConscentNotFoundException"/>, …).</exception>
    Task<ConscentRawResponse> SendAsync(ConscentRawRequest request, CancellationToken cancellationToken = default);
}
