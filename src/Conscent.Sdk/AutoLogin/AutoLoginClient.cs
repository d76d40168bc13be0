using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Auto-login tokens (see <see cref="IAutoLoginClient"/>).</summary>
public class AutoLoginClient : IAutoLoginClient
{
    internal static readonly ConscentEndpoint GenerateToken = new("AutoLogin.GenerateToken", HttpMethod.Post, "/client/generate-temp-token", EndpointAuth.Basic, safeToRetry: false);

    private readonly ConscentHttpPipeline _pipeline;

    internal AutoLoginClient(ConscentHttpPipeline pipeline) => _pipeline = pipeline;

    /// <summary>For mocking frameworks only.</summary>
    protected AutoLoginClient() => _pipeline = null!;

    /// <inheritdoc />
    public virtual Task<TempAuthTokenResponse> GenerateTokenAsync(string? email, string? phoneNumber, CancellationToken cancellationToken = default) =>
        GenerateTokenAsync(new GenerateTempTokenRequest { Email = email, PhoneNumber = phoneNumber }, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TempAuthTokenResponse> GenerateTokenAsync(GenerateTempTokenRequest request, CancellationToken cancellationToken = default)
    {
        request = RequestValidator.EnsureRequest(request, GenerateToken.Operation);
        var v = new RequestValidator(GenerateToken.Operation);
        if (string.IsNullOrWhiteSpace(request.Email) && string.IsNullOrWhiteSpace(request.PhoneNumber))
            v.Add("email", "or phoneNumber is required (give at least one of email and phoneNumber).");
        v.ThrowIfInvalid();

        // The docs name query parameters; ConsCent's own mobile SDK sends a JSON body. Send both, same values
        // (docs/rulings.md#auto-login-query-or-body).
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email;
        var phone = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber;
        var body = new GenerateTempTokenRequest { Email = email, PhoneNumber = phone, AdditionalProperties = request.AdditionalProperties };
        var call = new ConscentRequest(GenerateToken)
            .WithQuery("email", email)
            .WithQuery("phoneNumber", phone)
            .WithJsonBody(body, ConscentJsonContext.Default.GenerateTempTokenRequest);
        return _pipeline.SendAsync(call, ConscentJsonContext.Default.TempAuthTokenResponse, cancellationToken);
    }
}
