using System;

namespace Conscent.Sdk;

/// <summary>
/// A ConsCent call took longer than <see cref="ConscentOptions.TotalTimeout"/> (or its last attempt longer than
/// <see cref="ConscentOptions.AttemptTimeout"/> with no retry left). A caller's own cancellation is never reported this
/// way: it surfaces as <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ConscentTimeoutException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentTimeoutException(string message, TimeSpan timeout, Exception? innerException = null, string? operation = null)
        : base(message, innerException)
    {
        Timeout = timeout;
        Operation = operation;
    }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>ConsCent could not be reached (DNS, refused or reset connection, TLS failure), after the SDK's retries.</summary>
public sealed class ConscentNetworkException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentNetworkException(string message, Exception? innerException, string? operation = null)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>
/// The SDK's circuit breaker is open after many failures in a row: the call was not sent. Retry after
/// <see cref="ConscentCircuitBreakerOptions.BreakDuration"/>.
/// </summary>
public sealed class ConscentCircuitOpenException : ConscentException
{
    /// <summary>Creates the exception.</summary>
    public ConscentCircuitOpenException(string message, Exception? innerException, string? operation = null)
        : base(message, innerException)
    {
        Operation = operation;
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
