using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Loyalty: report reader events (such as an order placed) from your server to the Conscent.ai rewards system, which
/// lives on its own host (<see cref="ConscentLoyaltyOptions.BaseAddress"/>, default <c>https://api.conscent.club</c>).
/// </summary>
public interface ILoyaltyClient
{
    /// <summary>
    /// Posts one event for a reader (<c>POST {loyalty host}/reward/{partnerId}/api/user_event</c>), the docs' recommended
    /// way to report events. Authenticated with the <c>X-API-KEY</c> header (<see cref="ConscentLoyaltyOptions.ApiKey"/>,
    /// else <see cref="ConscentOptions.ApiKey"/>), never with Basic auth. The partner id is
    /// <see cref="ConscentLoyaltyOptions.PartnerId"/>, else <see cref="ConscentOptions.ClientId"/> (the current docs put the
    /// client id in this path); a <see cref="ConscentValidationException"/> is thrown and nothing is sent when neither is set,
    /// or when the event has no <see cref="LoyaltyUserEvent.EventType"/> or <see cref="LoyaltyUserEvent.UserId"/>.
    /// The answer is not documented (the samples ask for text but parse JSON), so it is returned as text, plus the parsed
    /// JSON when it is JSON. Not retried after a failure the server may have processed.
    /// </summary>
    /// <param name="userEvent">The event. Fields beyond the documented two can be sent through <see cref="ConscentModel.AdditionalProperties"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LoyaltyEventResult> PostUserEventAsync(LoyaltyUserEvent userEvent, CancellationToken cancellationToken = default);
}
