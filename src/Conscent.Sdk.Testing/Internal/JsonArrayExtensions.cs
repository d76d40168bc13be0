using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing.Internal;

/// <summary>
/// <c>JsonArray.Add(new JsonObject …)</c> binds to the generic <c>Add&lt;T&gt;</c>, which needs reflection; this keeps
/// the simulator trim- and AOT-safe so a Native AOT Quickstart can carry it.
/// </summary>
internal static class JsonArrayExtensions
{
    public static void AddNode(this JsonArray array, JsonNode? node) => array.Add(node);
}
