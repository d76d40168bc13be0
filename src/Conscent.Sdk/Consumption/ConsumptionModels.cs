using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Conscent.Sdk;

/// <summary>
/// A consumption as ConsCent confirms it: the answer of the validation endpoint, and the same shape the browser
/// paywall hands to its <c>successCallback</c>.
/// </summary>
public sealed class ConsumptionValidation : ConscentModel
{
    /// <summary>ConsCent's message, such as <c>Content Consumption Confirmed</c> or <c>Content Purchased Successfully</c>.</summary>
    public string? Message { get; set; }

    /// <summary>Whose content was consumed, which content and when.</summary>
    public ConsumptionPayload? Payload { get; set; }

    /// <summary>The id of this consumption (one per unique purchase or read).</summary>
    public string? ConsumptionId { get; set; }

    /// <summary>ConsCent's signature. Its algorithm and key are not documented, so the SDK carries it without checking it.</summary>
    public string? Signature { get; set; }

    /// <summary>
    /// Present when the reader bought the content earlier and still has access. ConsCent documents neither its type nor
    /// its unit, so it is kept as raw JSON.
    /// </summary>
    public JsonElement? AccessTimeLeft { get; set; }
}

/// <summary>What a consumption is about.</summary>
public sealed class ConsumptionPayload : ConscentModel
{
    /// <summary>Your ConsCent client id (compare with <see cref="ConscentOptions.ClientId"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Your own id for the content consumed (the id you registered).</summary>
    public string? ContentId { get; set; }

    /// <summary>When the consumption (purchase) happened.</summary>
    public DateTimeOffset? CreatedAt { get; set; }
}

/// <summary>
/// Why <see cref="IConsumptionClient.VerifyAsync"/> did not accept a consumption. Several can be set at once.
/// </summary>
[Flags]
public enum ConsumptionMismatch
{
    /// <summary>Everything matched.</summary>
    None = 0,

    /// <summary>ConsCent knows no such consumption (it answered an empty list). No other check was made.</summary>
    NotFound = 1,

    /// <summary>The answer's <c>consumptionId</c> is missing or is not the id that was asked about.</summary>
    ConsumptionId = 2,

    /// <summary><c>payload.clientId</c> is missing or is not <see cref="ConscentOptions.ClientId"/>: the consumption is another publisher's.</summary>
    ClientId = 4,

    /// <summary><c>payload.contentId</c> is missing or is not the content the reader wants to open.</summary>
    ContentId = 8,

    /// <summary><c>payload.createdAt</c> is missing, so its age could not be checked (unless the age check is turned off).</summary>
    CreatedAtMissing = 16,

    /// <summary><c>payload.createdAt</c> is older than the maximum age (<see cref="ConscentOptions.ConsumptionMaxAge"/> or the call's own).</summary>
    TooOld = 32,

    /// <summary>
    /// Everything else matched, but this consumption id already unlocked content once: a reused or shared id. Reported
    /// only when an <see cref="IConsumptionReplayGuard"/> is registered.
    /// </summary>
    AlreadyUsed = 64,
}

/// <summary>The outcome of <see cref="IConsumptionClient.VerifyAsync"/>.</summary>
public sealed class ConsumptionVerification
{
    /// <summary>Creates a verification outcome.</summary>
    public ConsumptionVerification(ConsumptionMismatch mismatches, ConsumptionValidation? validation, TimeSpan? age)
    {
        Mismatches = mismatches;
        Validation = validation;
        Age = age;
    }

    /// <summary>True only when ConsCent confirmed the consumption and every field matched: unlock the content.</summary>
    public bool IsValid => Mismatches == ConsumptionMismatch.None;

    /// <summary>Which checks failed (<see cref="ConsumptionMismatch.None"/> when valid).</summary>
    public ConsumptionMismatch Mismatches { get; }

    /// <summary>ConsCent's answer, or null when it knows no such consumption.</summary>
    public ConsumptionValidation? Validation { get; }

    /// <summary>How long ago the consumption happened, by the SDK's clock (null when <c>createdAt</c> is missing or no answer came back).</summary>
    public TimeSpan? Age { get; }

    /// <summary>The outcome and the failed checks, without any ids.</summary>
    public override string ToString() => IsValid ? "Valid" : "Invalid: " + Mismatches;
}
