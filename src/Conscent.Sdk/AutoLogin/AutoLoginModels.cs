namespace Conscent.Sdk;

/// <summary>
/// The reader to create an auto-login token for (<c>POST /client/generate-temp-token</c>). At least one of
/// <see cref="Email"/> and <see cref="PhoneNumber"/> is required.
/// </summary>
public sealed class GenerateTempTokenRequest : ConscentModel
{
    /// <summary>The reader's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The reader's phone number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Says which fields are set, never their values (they are personal data).</summary>
    public override string ToString() =>
        $"GenerateTempTokenRequest {{ Email = {(Email is null ? "(not set)" : "(set)")}, PhoneNumber = {(PhoneNumber is null ? "(not set)" : "(set)")} }}";
}

/// <summary>The answer to <see cref="IAutoLoginClient.GenerateTokenAsync(GenerateTempTokenRequest, System.Threading.CancellationToken)"/>.</summary>
public sealed class TempAuthTokenResponse : ConscentModel
{
    /// <summary>
    /// The temporary token to hand to the paywall's auto-login. It is a credential for the reader's account:
    /// keep it out of logs; <see cref="ToString"/> never shows it. ConsCent does not state its lifetime.
    /// </summary>
    public string? TempAuthToken { get; set; }

    /// <summary>Says whether a token is present, never the token itself.</summary>
    public override string ToString() =>
        $"TempAuthTokenResponse {{ TempAuthToken = {(string.IsNullOrEmpty(TempAuthToken) ? "(none)" : "***")} }}";
}
