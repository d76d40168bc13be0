using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// The base of every ConsCent model. Fields the SDK does not know yet are kept in <see cref="AdditionalProperties"/>
/// (nothing the server sends is lost) and are written back when the model is sent.
/// </summary>
public abstract class ConscentModel
{
    /// <summary>JSON fields this version of the SDK does not map, by wire name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
