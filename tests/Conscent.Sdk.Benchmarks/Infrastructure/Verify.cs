using System;
using System.Threading.Tasks;
using Conscent.Sdk.Benchmarks.Baseline;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// Checked once in [GlobalSetup]: every side really made the call and read the same answer. A benchmark that
/// measures a failing or empty call is worse than none.
/// </summary>
public static class Verify
{
    public static async Task ListAndCreate(RawContentClient raw, RawContentClient? rawResilient, ConscentClient sdk, ContentPayloads payloads)
    {
        await List(raw, rawResilient, sdk).ConfigureAwait(false);

        var created = await raw.CreateAsync(payloads.RawCreateRequest).ConfigureAwait(false);
        var sdkCreated = await sdk.Content.CreateAsync(payloads.SdkCreateRequest).ConfigureAwait(false);
        Check(created.Content?.Pixels?.Google?.TrackingId is { Length: > 0 } && created.Content.Pixels.Google.TrackingId == sdkCreated.Content?.Pixels?.Google?.TrackingId,
            "create: the baseline and the SDK read different answers");
        if (rawResilient is not null)
        {
            var resilient = await rawResilient.CreateAsync(payloads.RawCreateRequest).ConfigureAwait(false);
            Check(resilient.Message == sdkCreated.Message, "create: the resilient baseline read a different answer");
        }
    }

    public static async Task List(RawContentClient raw, RawContentClient? rawResilient, ConscentClient sdk)
    {
        var list = await raw.ListAsync().ConfigureAwait(false);
        var sdkList = await sdk.Content.ListAsync().GetPageAsync().ConfigureAwait(false);
        Check(list.Content is { Count: > 0 } && list.Content.Count == sdkList.Items.Count
            && list.Content[0].PriceOverrides?.Country?[0].Price == sdkList.Items[0].PriceOverrides?.Country?[0].Price,
            "list: the baseline and the SDK read different answers");
        if (rawResilient is not null)
        {
            var resilient = await rawResilient.ListAsync().ConfigureAwait(false);
            Check(resilient.Content?.Count == list.Content!.Count, "list: the resilient baseline read a different answer");
        }
    }

    public static void Check(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException("Benchmark setup check failed: " + what + ".");
    }
}
