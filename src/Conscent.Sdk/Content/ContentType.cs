using System;
using System.Text.Json.Serialization;
using Conscent.Sdk.Serialization;

namespace Conscent.Sdk;

/// <summary>
/// The kind of a content item. An open set: the known values are below, and a value ConsCent adds later is kept as is.
/// </summary>
[JsonConverter(typeof(ContentTypeJsonConverter))]
public readonly struct ContentType : IEquatable<ContentType>
{
    /// <summary>Creates a content type from its wire value.</summary>
    public ContentType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    private readonly string? _value;

    /// <summary>An article or story (<c>STORY</c>).</summary>
    public static ContentType Story { get; } = new("STORY");

    /// <summary>A video (<c>VIDEO</c>).</summary>
    public static ContentType Video { get; } = new("VIDEO");

    /// <summary>A song (<c>SONG</c>).</summary>
    public static ContentType Song { get; } = new("SONG");

    /// <summary>A podcast (<c>PODCAST</c>).</summary>
    public static ContentType Podcast { get; } = new("PODCAST");

    /// <summary>Other premium content (<c>PREMIUM CONTENT</c>, with the space).</summary>
    public static ContentType PremiumContent { get; } = new("PREMIUM CONTENT");

    /// <summary>The wire value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for one of the documented values.</summary>
    public bool IsKnown => this == Story || this == Video || this == Song || this == Podcast || this == PremiumContent;

    /// <summary>Converts a wire value.</summary>
    public static implicit operator ContentType(string value) => new(value);

    /// <summary>Compares wire values (ordinal).</summary>
    public static bool operator ==(ContentType left, ContentType right) => left.Equals(right);

    /// <summary>Compares wire values (ordinal).</summary>
    public static bool operator !=(ContentType left, ContentType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ContentType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContentType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

internal sealed class ContentTypeJsonConverter : ExtensibleEnumConverter<ContentType>
{
    protected override ContentType Create(string value) => new(value);

    protected override string? GetValue(ContentType value) => value.Value;
}
