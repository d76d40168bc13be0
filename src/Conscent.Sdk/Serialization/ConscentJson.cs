namespace Conscent.Sdk.Serialization;

/// <summary>Limits shared by the SDK's JSON reading (see <see cref="Conscent.Sdk.ConscentJsonContext"/>).</summary>
internal static class ConscentJson
{
    /// <summary>Readers' payloads are small; anything deeper than this is hostile or broken.</summary>
    internal const int MaxDepth = 64;
}
