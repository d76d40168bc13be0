using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Conscent.Sdk;

/// <summary>
/// Checks <see cref="ConscentOptions"/> when the app starts (and when a client is built by hand). Each failure names
/// the configuration key to fix, such as <c>Conscent:ApiSecret</c>; no value is ever echoed.
/// </summary>
public sealed class ConscentOptionsValidator : IValidateOptions<ConscentOptions>
{
    /// <summary>
    /// Validates the default options for the DI container. Named accounts (<c>AddConscent("brand-a", …)</c>) are
    /// validated by their own registration, whose messages name the account; this validator skips them.
    /// </summary>
    public ValidateOptionsResult Validate(string? name, ConscentOptions options)
    {
        if (!string.IsNullOrEmpty(name)) return ValidateOptionsResult.Skip;
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Lists every problem with the options; empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(ConscentOptions? options) => Check(options, ConscentOptions.SectionName);

    /// <summary>
    /// Lists every problem, naming keys under <paramref name="section"/> (a configuration path such as
    /// <c>Conscent</c> or <c>Brands:brand-a</c>); with no section, the option names alone.
    /// </summary>
    internal static IReadOnlyList<string> Check(ConscentOptions? options, string? section)
    {
        var failures = new List<string>();
        if (options is null)
        {
            failures.Add("ConscentOptions are required.");
            return failures;
        }
        var s = string.IsNullOrEmpty(section) ? "" : section + ":";
        string Env(string key) => string.IsNullOrEmpty(section) ? "" : $" (environment variable {section!.Replace(":", "__")}__{key})";
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            failures.Add($"{s}ApiKey is required: the API key from the ConsCent dashboard's Integrations page{Env("ApiKey")}.");
        if (string.IsNullOrWhiteSpace(options.ApiSecret))
            failures.Add($"{s}ApiSecret is required: the API secret from the ConsCent dashboard's Integrations page{Env("ApiSecret")}.");
        if (options.RequireClientId && string.IsNullOrWhiteSpace(options.ClientId))
            failures.Add($"{s}ClientId is required: the client id from the ConsCent dashboard{Env("ClientId")}. Verifying consumptions, user details and loyalty events need it; set {s}RequireClientId to false only if this app makes none of those calls.");
        CheckPositive(failures, options.ConsumptionMaxAge, $"{s}ConsumptionMaxAge");
        if (options.ApiKey is { } key && key.IndexOf(':') >= 0)
            failures.Add($"{s}ApiKey must not contain ':' (it is the Basic-auth user name).");
        if (!Enum.IsDefined(typeof(ConscentEnvironment), options.Environment))
            failures.Add($"{s}Environment must be Sandbox or Production.");
        CheckUri(failures, options.BaseAddress, $"{s}BaseAddress");
        CheckUri(failures, options.Loyalty?.BaseAddress, $"{s}Loyalty:BaseAddress");
        CheckPositive(failures, options.AttemptTimeout, $"{s}AttemptTimeout");
        CheckPositive(failures, options.TotalTimeout, $"{s}TotalTimeout");
        if (options.Retry is { } retry)
        {
            if (retry.MaxRetryAttempts is < 0 or > 10) failures.Add($"{s}Retry:MaxRetryAttempts must be between 0 and 10.");
            if (retry.BaseDelay < TimeSpan.Zero) failures.Add($"{s}Retry:BaseDelay must not be negative.");
            if (retry.MaxDelay < retry.BaseDelay) failures.Add($"{s}Retry:MaxDelay must be at least Retry:BaseDelay.");
        }
        if (options.CircuitBreaker is { Enabled: true } breaker)
        {
            if (breaker.FailureRatio is <= 0 or > 1) failures.Add($"{s}CircuitBreaker:FailureRatio must be greater than 0 and at most 1.");
            if (breaker.MinimumThroughput < 2) failures.Add($"{s}CircuitBreaker:MinimumThroughput must be at least 2.");
        }
        if (options.MaxResponseBodyBytes is < 1024 or > int.MaxValue)
            failures.Add($"{s}MaxResponseBodyBytes must be between 1024 and {int.MaxValue}.");
        return failures;
    }

    /// <summary>Throws a <see cref="ConscentException"/> listing every problem, or returns when the options are usable.</summary>
    public static void ThrowIfInvalid(ConscentOptions? options)
    {
        var failures = Check(options);
        if (failures.Count > 0) throw new ConscentConfigurationException(failures);
    }

    private static void CheckUri(List<string> failures, Uri? uri, string key)
    {
        if (uri is null) return;
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{key} must be an absolute http or https URI.");
        else if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            failures.Add($"{key} must not have a query or fragment.");
    }

    private static void CheckPositive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            failures.Add($"{key} must be positive.");
    }
}

/// <summary>The SDK's configuration is unusable; the message lists every problem by configuration key.</summary>
public sealed class ConscentConfigurationException : ConscentException
{
    /// <summary>Creates the exception from its list of problems.</summary>
    public ConscentConfigurationException(IReadOnlyList<string> failures)
        : base("Conscent.Sdk is not configured correctly: " + string.Join(" ", failures))
    {
        Failures = failures;
    }

    /// <summary>Every problem found, each naming its configuration key.</summary>
    public IReadOnlyList<string> Failures { get; }
}
