// docs/resilience.md
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Microsoft.AspNetCore.Http;

namespace DocSnippets.Resilience;

public static class Unlock
{
    // docs/resilience.md
    public static async Task<IResult> Run(IConscentClient conscent, string consumptionId, string articleId, object article, CancellationToken ct)
    {
        try
        {
            var result = await conscent.Consumption.VerifyAsync(consumptionId, articleId, cancellationToken: ct);
            return result.IsValid ? Results.Ok(article) : Results.StatusCode(403);
        }
        catch (ConscentException ex) when (ex.IsTransient)
        {
            return Results.StatusCode(503); // a paying reader is asked to retry, not refused
        }
    }
}
