using System;

namespace Conscent.Sdk;

/// <summary>
/// The base of every exception the SDK throws. Catch this to handle any ConsCent failure; catch a subtype to react to
/// one kind. Messages never contain the API secret, an Authorization value, or a reader's email or phone number.
/// </summary>
public class ConscentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConscentException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ConscentException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The SDK operation that failed, such as <c>Content.Create</c>, when known.</summary>
    public string? Operation { get; init; }
}
