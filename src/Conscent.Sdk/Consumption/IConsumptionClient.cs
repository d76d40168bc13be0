using System;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>Consumption validation: confirm on the server that a reader really paid before unlocking content.</summary>
public interface IConsumptionClient
{
    /// <summary>
    /// Asks ConsCent about a consumption id the browser paywall reported
    /// (<c>POST /api/v1/content/consumption/{consumptionId}</c>, sent without credentials as the docs show).
    /// ConsCent's docs show the answer as a one-element JSON array in one place and a bare object in another: both are
    /// read. An empty array means ConsCent knows no such consumption, and this method then returns <c>null</c>.
    /// The call only reports what ConsCent says; use <see cref="VerifyAsync"/> to also check that it is yours, for the
    /// right content and recent. As a POST that may mark the id as used, it is never retried once the server may have
    /// processed it.
    /// </summary>
    /// <returns>ConsCent's confirmation, or <c>null</c> when it knows no such consumption.</returns>
    Task<ConsumptionValidation?> ValidateAsync(string consumptionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Validates a consumption with ConsCent and checks the answer the way ConsCent's own success-callback example does:
    /// the returned <c>consumptionId</c> is the one asked about, <c>payload.clientId</c> is
    /// <see cref="ConscentOptions.ClientId"/>, <c>payload.contentId</c> is <paramref name="expectedContentId"/>
    /// (ordinal comparison), and <c>payload.createdAt</c> is at most <paramref name="maxAge"/> old (default
    /// <see cref="ConscentOptions.ConsumptionMaxAge"/>, 5 minutes; <see cref="Timeout.InfiniteTimeSpan"/> turns the check off).
    /// With an <see cref="IConsumptionReplayGuard"/> registered, an id that already unlocked content once is reported as
    /// <see cref="ConsumptionMismatch.AlreadyUsed"/>.
    /// Unlock the content only when <see cref="ConsumptionVerification.IsValid"/> is true.
    /// Throws <see cref="ConscentValidationException"/> before sending anything when <see cref="ConscentOptions.ClientId"/>
    /// is not configured, when <paramref name="expectedContentId"/> or <paramref name="consumptionId"/> is empty, or
    /// when <paramref name="maxAge"/> is not positive.
    /// </summary>
    /// <remarks>
    /// ConsCent confirms a consumption id as often as it is asked. Without the age check an id would unlock forever, and
    /// without a replay guard anyone holding a recent id can unlock the same content: register
    /// <c>AddConsumptionReplayGuard()</c> when a shared id must not unlock for a second reader.
    /// </remarks>
    Task<ConsumptionVerification> VerifyAsync(string consumptionId, string expectedContentId, TimeSpan? maxAge = null, CancellationToken cancellationToken = default);
}
