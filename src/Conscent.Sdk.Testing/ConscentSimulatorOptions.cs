using System;

namespace Conscent.Sdk.Testing;

/// <summary>
/// The identity of a <see cref="ConscentSimulator"/>: the credentials it accepts, the client it pretends to be and its
/// clock. The defaults are the decodable test credentials from ConsCent's own docs, so nothing real is ever needed.
/// </summary>
public sealed class ConscentSimulatorOptions
{
    /// <summary>The API key of the decodable Basic-auth example in the Authentication section of ConsCent's docs.</summary>
    public const string DefaultApiKey = "D6W7V8Q-MNG4WYC-QX9BP2B-8E7B6KG";

    /// <summary>The API secret of the same example in ConsCent's docs. Test value only.</summary>
    public const string DefaultApiSecret = "T4SGJ9HH47MZQZGSZEFV6XRNSKQ8D6W7V8QMNG4WYCQX9BP2B8E7B6KG";

    /// <summary>The client id used in the docs' consumption sample.</summary>
    public const string DefaultClientId = "5fbb40b07dd98b0e89d90a25";

    /// <summary>The API key the simulator accepts (the Basic-auth user name).</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>The API secret the simulator accepts (the Basic-auth password); also signs consumption validations.</summary>
    public string ApiSecret { get; set; } = DefaultApiSecret;

    /// <summary>The publisher's ConsCent client id the simulator pretends to serve.</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The client's display name, returned as <c>client</c> / <c>clientId.name</c> in user and purchase answers.</summary>
    public string ClientName { get; set; } = "Demo Client";

    /// <summary>The <c>X-API-KEY</c> the loyalty endpoint accepts. Defaults to <see cref="ApiKey"/> (as the SDK does).</summary>
    public string? LoyaltyApiKey { get; set; }

    /// <summary>The loyalty partner id accepted in the loyalty path. Defaults to <see cref="ClientId"/> (as the SDK does).</summary>
    public string? LoyaltyPartnerId { get; set; }

    /// <summary>The <c>contentType</c> given to content registered without one (ConsCent uses the client's default type).</summary>
    public string DefaultContentType { get; set; } = "STORY";

    /// <summary>
    /// When true, a consumption id validates once; later validations answer an empty array (the docs call the id
    /// single-use but do not say what a second validation returns). Default false: every validation confirms.
    /// </summary>
    public bool SingleUseConsumptions { get; set; }

    /// <summary>The simulator's clock (dates of new records, "previous day" of the daily stats, expiry checks).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
