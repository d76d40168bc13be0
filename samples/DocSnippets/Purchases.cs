// docs/purchases.md
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;

namespace DocSnippets.Purchases;

public static class Export
{
    // docs/purchases.md
    public static async Task Run(IConscentClient conscent, DateTimeOffset start, DateTimeOffset end, Ledger ledger, CancellationToken ct)
    {
        await foreach (PurchaseRecord purchase in conscent.Purchases.ListRecordsAsync(new PurchaseQuery { From = start, To = end }, ct))
        {
            var kind = purchase switch
            {
                SubscriptionPurchase s => "subscription " + s.SubscriptionId,
                PassPurchase => "pass",
                MicropaymentPurchase => "article",
                _ => "other",
            };
            ledger.Add(purchase.UserId, purchase.ClientContentId, purchase.PriceDetails?.Price, purchase.PriceDetails?.Currency, kind);
        }
    }
}

/// <summary>Stub: the publisher's own ledger.</summary>
public sealed class Ledger
{
    private readonly List<string> _lines = [];

    public void Add(string? userId, string? contentId, decimal? price, string? currency, string kind) =>
        _lines.Add($"{userId},{contentId},{price},{currency},{kind}");
}
