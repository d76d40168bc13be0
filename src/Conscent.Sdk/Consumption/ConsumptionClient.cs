using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Http;

namespace Conscent.Sdk.Consumption;

/// <summary>Consumption validation: confirm on the server that a reader really paid before unlocking content (see <see cref="IConsumptionClient"/>).</summary>
public class ConsumptionClient : IConsumptionClient
{
    internal static readonly ConscentEndpoint Validate = new("Consumption.Validate", HttpMethod.Post, "/api/v1/content/consumption/{consumptionId}", EndpointAuth.None);

    private readonly ConscentHttpPipeline _pipeline;
    private readonly TimeProvider _time;

    internal ConsumptionClient(ConscentHttpPipeline pipeline, TimeProvider? timeProvider = null)
    {
        _pipeline = pipeline;
        _time = timeProvider ?? TimeProvider.System;
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
        return await SendAsync(consumptionId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual async Task<ConsumptionVerification> VerifyAsync(string consumptionId, string expectedContentId, TimeSpan? maxAge = null, CancellationToken cancellationToken = default)
    {
        var clientId = _pipeline.Options.ClientId;
        var v = new RequestValidator(Validate.Operation).PathId(consumptionId, "consumptionId");
        if (string.IsNullOrWhiteSpace(clientId))
            v.Add("ClientId", "must be set in ConscentOptions to verify consumptions (it is compared with payload.clientId).");
        v.Required(expectedContentId, "expectedContentId");
        if (maxAge is { } limit && limit <= TimeSpan.Zero) v.Add("maxAge", "must be greater than zero.");
        v.ThrowIfInvalid();

        var validation = await SendAsync(consumptionId, cancellationToken).ConfigureAwait(false);
        return Check(validation, consumptionId, clientId!, expectedContentId, maxAge, _time.GetUtcNow());
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

    private async Task<ConsumptionValidation?> SendAsync(string consumptionId, CancellationToken cancellationToken)
    {
        var call = new ConscentRequest(Validate).WithPath("consumptionId", consumptionId);
        using var raw = await _pipeline.SendRawAsync(call, cancellationToken).ConfigureAwait(false);
        if (!StartsWithArray(raw.Body)) return _pipeline.Deserialize(raw, ConsumptionJsonContext.Default.ConsumptionValidation, Validate);

        // The API section shows a one-element array; an empty one is "no such consumption".
        var list = _pipeline.Deserialize(raw, ConsumptionJsonContext.Default.ListConsumptionValidation, Validate);
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
