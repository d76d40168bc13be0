using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Sdk;

/// <summary>
/// Auto-login: your site signs the reader in with its own login system, then asks ConsCent for a short-lived token
/// that the paywall (<c>csc('auto-login', …)</c> in the browser, <c>prepareAutoLoginUrl</c> in the mobile SDKs) uses
/// to sign the same reader in to ConsCent without a second login.
/// </summary>
public interface IAutoLoginClient
{
    /// <summary>
    /// Asks ConsCent for a temporary auto-login token for a reader you have already authenticated
    /// (<c>POST /client/generate-temp-token</c>, Basic auth). At least one of <paramref name="email"/> and
    /// <paramref name="phoneNumber"/> is required; a <see cref="ConscentValidationException"/> is thrown and nothing is
    /// sent otherwise. The docs list both as query parameters while ConsCent's own mobile SDK sends them as a JSON
    /// body, so the SDK sends each given value both ways, with the same value. The token is a credential: store it
    /// only as long as the login needs it, and never log it (the response's <c>ToString</c> hides it).
    /// Not retried after a failure the server may have processed.
    /// </summary>
    /// <param name="email">The reader's email address, as registered with ConsCent.</param>
    /// <param name="phoneNumber">The reader's phone number, as registered with ConsCent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TempAuthTokenResponse> GenerateTokenAsync(string? email, string? phoneNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks ConsCent for a temporary auto-login token (<c>POST /client/generate-temp-token</c>); the same call as
    /// <see cref="GenerateTokenAsync(string?, string?, CancellationToken)"/> with the reader given as a request object.
    /// </summary>
    /// <param name="request">The reader: at least one of <see cref="GenerateTempTokenRequest.Email"/> and <see cref="GenerateTempTokenRequest.PhoneNumber"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TempAuthTokenResponse> GenerateTokenAsync(GenerateTempTokenRequest request, CancellationToken cancellationToken = default);
}
