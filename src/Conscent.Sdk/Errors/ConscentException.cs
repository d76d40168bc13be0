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

    /// <summary>
    /// <see langword="true"/> when ConsCent was unavailable rather than the request wrong: a timeout, a network failure,
    /// the circuit breaker open, 408, 429 or a 5xx answer (except 501 and 505), after the SDK's own retries. Answer
    /// your caller "try again later" (503) on these; anything else is a bug or bad input to fix.
    /// </summary>
    /// <remarks>
    /// A write (create, migrate, cancel, a loyalty event) that timed out may still have been processed: before sending it
    /// again, read back whether it took effect (for example get the content id you tried to create).
    /// </remarks>
    public virtual bool IsTransient => false;
}
