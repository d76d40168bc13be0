using System;
using System.Collections.Generic;

namespace Conscent.Cli;

// The tool's own shapes. Commands use only these; Sdk/ConscentApi.cs maps the SDK's models onto them, so a change
// in the SDK's public API is absorbed there.

/// <summary>Which purchase list to export.</summary>
internal enum PurchaseKind
{
    /// <summary>Every type (subscriptions, passes, micropayments) from the client purchases list.</summary>
    All,

    /// <summary>Subscription purchases.</summary>
    Subscriptions,

    /// <summary>Pass purchases.</summary>
    Passes,

    /// <summary>Pay-per-use (micropayment) purchases.</summary>
    Micropayments,
}

/// <summary>
/// One exported purchase, the same columns for every list (empty where a list does not carry the field).
/// <see cref="Email"/> and <see cref="PhoneNumber"/> are filled only when the export asked for contact details.
/// </summary>
internal sealed record PurchaseRow(
    string? Type,
    string? PurchaseId,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ExpiryDate,
    string? UserId,
    string? ClientContentId,
    string? ConscentContentId,
    string? SubscriptionId,
    string? Title,
    string? Url,
    decimal? Price,
    decimal? BuyingPrice,
    string? Currency,
    bool? Promotional,
    string? Email,
    string? PhoneNumber);

/// <summary>One page of a purchase list, and whether it was the last.</summary>
internal sealed record PurchasePage(IReadOnlyList<PurchaseRow> Rows, bool IsLast);

/// <summary>A content item to register, as read from one CSV row.</summary>
internal sealed record ContentDraft(
    string ContentId,
    string Title,
    string Url,
    decimal? Price,
    string? Currency,
    string? ContentType,
    string? AuthorId,
    string? AuthorName,
    decimal? Duration,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<string>? Tags);

/// <summary>A problem with one field of a request (the field named as the CSV column).</summary>
internal sealed record FieldProblem(string Field, string Message);

/// <summary>Consumptions and revenue in a period.</summary>
internal sealed record DailyTotals(int Consumed, decimal Revenue);

/// <summary>One content item's purchases in a period.</summary>
internal sealed record ContentTotals(int Count, decimal Amount, string? Currency);

/// <summary>What an SDK failure means for the tool: its exit code and a one-line, secret-free message.</summary>
internal sealed record FailureDescription(int ExitCode, string Message);
