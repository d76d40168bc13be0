using System;

namespace Conscent.Sdk;

/// <summary>
/// Filters and paging for the purchase exports and for user-and-purchase details. Every field is optional for the
/// purchase lists: ConsCent calls the user filters "mandatory" but they are alternatives, so the SDK sends whichever
/// you set and lets the server judge (see docs/rulings.md#purchases-mandatory-filters). User-and-purchase details needs at least one of <see cref="UserId"/>,
/// <see cref="Email"/> and <see cref="PhoneNumber"/>.
/// </summary>
public sealed class PurchaseQuery
{
    /// <summary>The largest page size ConsCent allows: 2000 (its default is 500).</summary>
    public const int MaxPageSize = 2000;

    /// <summary>The page size ConsCent uses when none is sent (and the SDK's auto-paging default): 500.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>ConsCent's user id, to list one reader's purchases.</summary>
    public string? UserId { get; set; }

    /// <summary>The reader's email, to list one reader's purchases. Sent as a query value; never shown in the SDK's exceptions or its own log lines.</summary>
    public string? Email { get; set; }

    /// <summary>The reader's phone number, to list one reader's purchases. Sent as a query value; never shown in the SDK's exceptions or its own log lines.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Only purchases from this time on; sent as UTC with milliseconds (<c>2021-02-12T05:45:41.389Z</c>).</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Only purchases up to this time; sent in the same form.</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>The page, from 1.</summary>
    public int? PageNumber { get; set; }

    /// <summary>Records per page, 1 to <see cref="MaxPageSize"/> (ConsCent's default: 500).</summary>
    public int? PageSize { get; set; }

    /// <summary>A copy with another page (used by auto-paging, so the caller's object is never changed).</summary>
    internal PurchaseQuery ForPage(int pageNumber, int pageSize) => new()
    {
        UserId = UserId,
        Email = Email,
        PhoneNumber = PhoneNumber,
        From = From,
        To = To,
        PageNumber = pageNumber,
        PageSize = pageSize,
    };

    /// <summary>Checks paging and the date window.</summary>
    internal void Validate(RequestValidator v) => v.PageNumber(PageNumber).PageSize(PageSize, MaxPageSize).DateRange(From, To);

    /// <summary>True when at least one of the user filters is set.</summary>
    internal bool HasUserFilter =>
        !string.IsNullOrWhiteSpace(UserId) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(PhoneNumber);
}
