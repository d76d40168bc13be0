using System;
using System.Collections.Generic;
using System.Linq;

namespace Conscent.Sdk;

/// <summary>One problem with a request, found before anything was sent.</summary>
public sealed class ConscentValidationError
{
    /// <summary>Creates the error.</summary>
    public ConscentValidationError(string field, string message)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>
    /// The request field, by its JSON path as ConsCent names it, in camelCase (such as <c>download.fileType</c>,
    /// <c>priceOverrides.country[1].price</c>, <c>contentId</c>), ready to key a validation problem response.
    /// </summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// The request broke one or more documented rules and was not sent. <see cref="Errors"/> lists every problem at once,
/// so a caller can fix them all in one go.
/// </summary>
public sealed class ConscentValidationException : ConscentException
{
    /// <summary>Creates the exception from its list of problems.</summary>
    public ConscentValidationException(IReadOnlyList<ConscentValidationError> errors, string? operation = null)
        : base(BuildMessage(errors, operation))
    {
        Errors = errors;
        Operation = operation;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConscentValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ConscentValidationError> errors, string? operation)
    {
        if (errors is null || errors.Count == 0) throw new ArgumentException("At least one validation error is required.", nameof(errors));
        var prefix = operation is null ? "The request is invalid" : $"The {operation} request is invalid";
        return $"{prefix} ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}; nothing was sent): " + string.Join("; ", errors.Select(e => e.ToString()));
    }
}
