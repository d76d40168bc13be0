using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Conscent.Sdk;

/// <summary>
/// Collects every problem with a request before it is sent, then throws one <see cref="ConscentValidationException"/>
/// listing them all. Messages name the field and the rule, never the value (values may be emails or phone numbers).
/// </summary>
internal sealed class RequestValidator
{
    private static readonly Regex CurrencyCode = new("^[A-Z]{3}$", RegexOptions.CultureInvariant);
    private List<ConscentValidationError>? _errors;

    public RequestValidator(string operation) => Operation = operation;

    public string Operation { get; }

    public bool HasErrors => _errors is { Count: > 0 };

    public RequestValidator Add(string field, string message)
    {
        (_errors ??= new List<ConscentValidationError>()).Add(new ConscentValidationError(WireName(field), message));
        return this;
    }

    public RequestValidator NotNull(object? value, string field)
    {
        if (value is null) Add(field, "is required.");
        return this;
    }

    public RequestValidator Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        return this;
    }

    public RequestValidator MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max) Add(field, $"must be at most {max} characters.");
        return this;
    }

    public RequestValidator NotNegative(decimal? value, string field)
    {
        if (value is < 0) Add(field, "must not be negative.");
        return this;
    }

    public RequestValidator Positive(decimal? value, string field)
    {
        if (value is <= 0) Add(field, "must be greater than zero.");
        return this;
    }

    public RequestValidator Currency(string? value, string field)
    {
        if (value is not null && !CurrencyCode.IsMatch(value)) Add(field, "must be a 3-letter ISO 4217 currency code in upper case, such as INR or USD.");
        return this;
    }

    public RequestValidator Country(string? value, string field)
    {
        if (value is not null && !CountryCodes.IsValid(value)) Add(field, "must be an ISO 3166-1 alpha-2 country code from ConsCent's list, such as IN or US.");
        return this;
    }

    public RequestValidator PageNumber(int? value, string field = "pageNumber")
    {
        if (value is < 1) Add(field, "must be 1 or more.");
        return this;
    }

    public RequestValidator PageSize(int? value, int max, string field = "pageSize")
    {
        if (value is < 1 || value > max) Add(field, $"must be between 1 and {max}.");
        return this;
    }

    public RequestValidator DateRange(DateTimeOffset? from, DateTimeOffset? to, string fromField = "from", string toField = "to")
    {
        if (from is not null && to is not null && from > to) Add(fromField, $"must not be after {WireName(toField)}.");
        return this;
    }

    /// <summary>Checks a path identifier: present, and free of control characters (it is encoded, so anything else is fine).</summary>
    public RequestValidator PathId(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return this;
        }
        if (value is "." or "..")
        {
            // URI normalisation would turn these into a different endpoint, encoded or not.
            Add(field, "must not be '.' or '..'.");
            return this;
        }
        foreach (var c in value!)
        {
            if (char.IsControl(c))
            {
                Add(field, "must not contain control characters.");
                break;
            }
        }
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors is { Count: > 0 }) throw new ConscentValidationException(_errors, Operation);
    }

    /// <summary>Fails fast on a null request object, as a validation error rather than a NullReferenceException.</summary>
    public static T EnsureRequest<T>(T? request, string operation) where T : class
    {
        if (request is null)
            throw new ConscentValidationException(new[] { new ConscentValidationError("request", "is required.") }, operation);
        return request;
    }

    /// <summary>
    /// Field paths in one casing, the JSON names ConsCent uses (<c>priceOverrides.country[1].price</c>), whether the rule
    /// was written against a property (<c>PriceOverrides.Country[1].Price</c>) or a parameter (<c>contentId</c>).
    /// </summary>
    internal static string WireName(string field)
    {
        if (field.Length == 0) return field;
        var chars = field.ToCharArray();
        var startOfSegment = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (startOfSegment && char.IsUpper(chars[i])) chars[i] = char.ToLowerInvariant(chars[i]);
            startOfSegment = chars[i] == '.';
        }
        return new string(chars);
    }
}
