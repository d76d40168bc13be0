using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk;

/// <summary>Consumption validation: confirm on the server that a reader really paid before unlocking content (see <see cref="IConsumptionClient"/>).</summary>
public class ConsumptionClient : IConsumptionClient
{
    internal static readonly ConscentEndpoint Validate = new("Consumption.Validate", HttpMethod.Post, "/api/v1/content/consumption/{consumptionId}", EndpointAuth.None, safeToRetry: false);

    /// <summary>The same call made by <see cref="VerifyAsync"/>: errors, logs and traces name the method the caller called.</summary>
    internal static readonly ConscentEndpoint Verify = new("Consumption.Verify", HttpMethod.Post, "/api/v1/content/consumption/{consumptionId}", EndpointAuth.None, safeToRetry: false);

    private readonly ConscentHttpPipeline _pipeline;
    private readonly TimeProvider _time;

    internal ConsumptionClient(ConscentHttpPipeline pipeline, TimeProvider? timeProvider = null)
    {
        _pipeline = pipeline;
        _time = timeProvider ?? pipeline.Runtime.Time;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ConsumptionClient()
    {
        _pipeline = null!;
        _time = TimeProvider.System;
    }

    /// <inheritdoc />
    public virtual async Task<ConsumptionValidation?> ValidateAsync(string consumptionId, CancellationToken cancellationToken = default)
    {
        new RequestValidator(Validate.Operation).PathId(consumptionId, "consumptionId").ThrowIfInvalid();
        return await SendAsync(Validate, consumptionId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async Task<ConsumptionVerification> VerifyAsync(string consumptionId, string expectedContentId, TimeSpan? maxAge = null, CancellationToken cancellationToken = default)
    {
        var clientId = _pipeline.Options.ClientId;
        var v = new RequestValidator(Verify.Operation).PathId(consumptionId, "consumptionId");
        if (string.IsNullOrWhiteSpace(clientId))
            v.Add("ClientId", "must be set in ConscentOptions to verify consumptions (it is compared with payload.clientId).");
        v.Required(expectedContentId, "expectedContentId");
        if (maxAge is { } limit && limit <= TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan) v.Add("maxAge", "must be greater than zero (or Timeout.InfiniteTimeSpan to turn the age check off).");
        v.ThrowIfInvalid();

        var age = maxAge ?? _pipeline.Options.ConsumptionMaxAge;
        var validation = await SendAsync(Verify, consumptionId, cancellationToken).ConfigureAwait(false);
        var outcome = Check(validation, consumptionId, clientId!, expectedContentId, age == Timeout.InfiniteTimeSpan ? null : age, _time.GetUtcNow());
        if (!outcome.IsValid || _pipeline.Runtime.ReplayGuard is not { } guard) return outcome;

        // Claimed only once every other check passed, so a failed attempt does not burn a genuine id. The id is
        // remembered for as long as it could otherwise still verify.
        var window = age == Timeout.InfiniteTimeSpan ? TimeSpan.FromDays(30) : age;
        if (await guard.TryUseAsync(consumptionId, window, cancellationToken).ConfigureAwait(false)) return outcome;
        return new ConsumptionVerification(ConsumptionMismatch.AlreadyUsed, outcome.Validation, outcome.Age);
    }

    /// <summary>The comparison, separate from the call so the tests can pin it.</summary>
    internal static ConsumptionVerification Check(ConsumptionValidation? validation, string consumptionId, string clientId,
        string expectedContentId, TimeSpan? maxAge, DateTimeOffset now)
    {
        if (validation is null) return new ConsumptionVerification(ConsumptionMismatch.NotFound, null, null);

        var mismatches = ConsumptionMismatch.None;
        if (!string.Equals(validation.ConsumptionId, consumptionId, StringComparison.Ordinal)) mismatches |= ConsumptionMismatch.ConsumptionId;
        if (!string.Equals(validation.Payload?.ClientId, clientId, StringComparison.Ordinal)) mismatches |= ConsumptionMismatch.ClientId;
        if (!string.Equals(validation.Payload?.ContentId, expectedContentId, StringComparison.Ordinal)) mismatches |= ConsumptionMismatch.ContentId;

        TimeSpan? age = validation.Payload?.CreatedAt is { } createdAt ? now - createdAt : null;
        if (maxAge is { } limit)
        {
            if (age is null) mismatches |= ConsumptionMismatch.CreatedAtMissing;
            else if (age.Value > limit) mismatches |= ConsumptionMismatch.TooOld;
        }
        return new ConsumptionVerification(mismatches, validation, age);
    }

    private async Task<ConsumptionValidation?> SendAsync(ConscentEndpoint endpoint, string consumptionId, CancellationToken cancellationToken)
    {
        var call = new ConscentRequest(endpoint).WithPath("consumptionId", consumptionId);
        using var raw = await _pipeline.SendRawAsync(call, cancellationToken).ConfigureAwait(false);
        if (!StartsWithArray(raw.Body)) return _pipeline.Deserialize(raw, ConscentJsonContext.Default.ConsumptionValidation, endpoint);

        // The API section shows a one-element array; an empty one is "no such consumption".
        var list = _pipeline.Deserialize(raw, ConscentJsonContext.Default.ListConsumptionValidation, endpoint);
        return FirstOrNull(list);
    }

    private static ConsumptionValidation? FirstOrNull(List<ConsumptionValidation> list)
    {
        foreach (var item in list)
            if (item is not null) return item;
        return null;
    }

    private static bool StartsWithArray(ReadOnlySpan<byte> body)
    {
        var i = 0;
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) i = 3; // UTF-8 BOM
        for (; i < body.Length; i++)
        {
            var b = body[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'[';
        }
        return false;
    }
}
