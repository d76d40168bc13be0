namespace Conscent.Sdk;

/// <summary>Which credentials a <see cref="ConscentRawRequest"/> carries, and so which host it goes to.</summary>
public enum ConscentRawAuth
{
    /// <summary>
    /// <c>Authorization: Basic base64(ApiKey:ApiSecret)</c>, sent to the ConsCent API
    /// (<see cref="ConscentOptions.EffectiveBaseAddress"/>). The default: what most ConsCent endpoints take.
    /// </summary>
    Basic = 0,

    /// <summary>No credentials, sent to the ConsCent API: for the endpoints ConsCent documents without authorization.</summary>
    None = 1,

    /// <summary>
    /// <c>X-API-KEY</c> with the loyalty key (<see cref="ConscentLoyaltyOptions.ApiKey"/>, else the API key), sent to the
    /// loyalty host (<see cref="ConscentLoyaltyOptions.BaseAddress"/>), as the loyalty events are.
    /// </summary>
    LoyaltyKey = 2,
}
