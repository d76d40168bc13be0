// docs/configuration.md
using System;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;

namespace DocSnippets.Configuration;

public static class RequestBudgets
{
    // docs/configuration.md
    public static async Task Run(IConscentClient conscent, string consumptionId, string articleId, CancellationToken ct)
    {
        // The unlock path answers the reader within 2 s: one retry at most, 1 s per attempt.
        var unlock = conscent.WithRequestOptions(new ConscentRequestOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(1),
            TotalTimeout = TimeSpan.FromSeconds(2),
            MaxRetryAttempts = 1,
        });
        ConsumptionVerification result = await unlock.Consumption.VerifyAsync(consumptionId, articleId, cancellationToken: ct);

        // An export may take a minute per page.
        var export = conscent.WithRequestOptions(new ConscentRequestOptions { TotalTimeout = TimeSpan.FromMinutes(1) });
    }
}
