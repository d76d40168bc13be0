using System;
using System.Threading;

namespace Conscent.Sdk;

/// <summary>
/// Per-call overrides of the client's timeouts and retries, for calls whose budget differs from the client's: an unlock
/// path that must answer the reader within 2 seconds, an export that may take a minute. Apply them with
/// <see cref="IConscentClient.WithRequestOptions"/>; what is left null keeps the client's setting.
/// </summary>
/// <example>
/// <code>
/// var unlock = conscent.WithRequestOptions(new ConscentRequestOptions
/// {
///     AttemptTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(2), MaxRetryAttempts = 1,
/// });
/// var result = await unlock.Consumption.VerifyAsync(consumptionId, articleId, cancellationToken: ct);
/// </code>
/// </example>
public sealed class ConscentRequestOptions
{
    /// <summary>The most retries allowed, as for <see cref="ConscentRetryOptions.MaxRetryAttempts"/>.</summary>
    public const int MaxRetryAttemptsLimit = 10;

    /// <summary>How long one HTTP attempt may take (see <see cref="ConscentOptions.AttemptTimeout"/>); null keeps the client's.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>How long the call may take in all, retries and waits included (see <see cref="ConscentOptions.TotalTimeout"/>); null keeps the client's.</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>
    /// How many times a failed attempt may be retried, 0 to <see cref="MaxRetryAttemptsLimit"/>; null keeps the client's.
    /// Retries still happen only where they are safe: a write the server may have processed is never sent twice.
    /// </summary>
    public int? MaxRetryAttempts { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every value that cannot be used.</summary>
    internal void Validate()
    {
        string? problem = null;
        if (AttemptTimeout is { } attempt && attempt <= TimeSpan.Zero && attempt != Timeout.InfiniteTimeSpan)
            problem += " AttemptTimeout must be positive (or Timeout.InfiniteTimeSpan).";
        if (TotalTimeout is { } total && total <= TimeSpan.Zero && total != Timeout.InfiniteTimeSpan)
            problem += " TotalTimeout must be positive (or Timeout.InfiniteTimeSpan).";
        if (MaxRetryAttempts is < 0 or > MaxRetryAttemptsLimit)
            problem += $" MaxRetryAttempts must be between 0 and {MaxRetryAttemptsLimit}.";
        if (problem is not null) throw new ArgumentException("ConscentRequestOptions:" + problem, "options");
    }

    /// <summary>Describes the overrides.</summary>
    public override string ToString() =>
        $"ConscentRequestOptions {{ AttemptTimeout = {AttemptTimeout?.ToString() ?? "(client's)"}, TotalTimeout = {TotalTimeout?.ToString() ?? "(client's)"}, MaxRetryAttempts = {MaxRetryAttempts?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(client's)"} }}";
}
