using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace PublisherBackend;

/// <summary>An article: the free teaser anyone sees and the premium body ConsCent sells.</summary>
public sealed record Article(string ContentId, string Title, string Teaser, string Body);

/// <summary>What the unlock endpoint returns once the reader's payment is verified.</summary>
public sealed record UnlockedArticle(string ContentId, string Title, string Body);

/// <summary>The browser posts the consumption id the ConsCent paywall gave it after the purchase.</summary>
public sealed record UnlockRequest(string? ConsumptionId);

/// <summary>Stands in for your CMS. Content ids are the ones you register with ConsCent.</summary>
public sealed class ArticleStore
{
    private readonly ConcurrentDictionary<string, Article> _articles = new(StringComparer.Ordinal);

    /// <summary>Starts with two demo articles.</summary>
    public ArticleStore()
    {
        Add(new Article("budget-2026", "Budget 2026: what changes for you", "The finance minister announced…", "The full analysis, line by line."));
        Add(new Article("monsoon-markets", "How the monsoon shapes Indian markets", "Every June…", "Rainfall, crops and the Sensex, explained."));
    }

    /// <summary>Adds or replaces an article.</summary>
    public void Add(Article article) => _articles[article.ContentId] = article;

    /// <summary>Finds an article by its content id.</summary>
    public Article? Find(string contentId) => _articles.TryGetValue(contentId, out var article) ? article : null;

    /// <summary>All articles.</summary>
    public IEnumerable<Article> All => _articles.Values;
}

/// <summary><c>POST /articles/{contentId}/unlock</c>: the reader paid on the ConsCent paywall; check it, then serve the article.</summary>
public static partial class ArticleEndpoints
{
    private const string LogCategory = "PublisherBackend.Articles";

    /// <summary>
    /// The reader is waiting: answer within 2 s, one retry at most. (How old a consumption may be is the SDK's
    /// <c>ConsumptionMaxAge</c>, 5 minutes by default; the replay guard registered in PublisherApp makes each id unlock once.)
    /// </summary>
    public static readonly ConscentRequestOptions UnlockBudget = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromSeconds(2),
        MaxRetryAttempts = 1,
    };

    /// <summary>Maps the unlock endpoint.</summary>
    public static void MapArticleEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/articles/{contentId}/unlock", UnlockAsync);

    private static async Task<IResult> UnlockAsync(
        string contentId, UnlockRequest request, ArticleStore articles, IConscentClient conscent,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (articles.Find(contentId) is not { } article) return TypedResults.NotFound();
        if (string.IsNullOrWhiteSpace(request.ConsumptionId))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["consumptionId"] = ["is required."] });

        try
        {
            // Never trust the browser: ConsCent must confirm the id, for YOUR client id, for THIS article, recently,
            // and (with the replay guard) for the first time.
            var verification = await conscent.WithRequestOptions(UnlockBudget).Consumption
                .VerifyAsync(request.ConsumptionId, contentId, cancellationToken: cancellationToken);
            if (!verification.IsValid)
            {
                // Mismatches says why (NotFound, ContentId, ClientId, TooOld, AlreadyUsed…); it holds no ids, so it is safe to log.
                Log.UnlockRefused(loggers.CreateLogger(LogCategory), verification.Mismatches);
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The purchase could not be verified.");
            }

            return TypedResults.Ok(new UnlockedArticle(article.ContentId, article.Title, article.Body));
        }
        catch (ConscentValidationException ex)
        {
            // Nothing was sent to ConsCent: the id itself is unusable.
            return TypedResults.ValidationProblem(ex.ToProblemErrors());
        }
        catch (ConscentException ex) when (ex.IsTransient)
        {
            // ConsCent unreachable, timing out, failing or rate limiting (after the SDK's retries): we cannot tell
            // whether the reader paid, so ask the browser to try again rather than refusing a paying reader.
            // Anything else (wrong credentials, a bug) is not the reader's to retry: it surfaces as a 500.
            Log.VerificationUnavailable(loggers.CreateLogger(LogCategory), ex.GetType().Name);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Payment verification is unavailable; please retry.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Unlock refused: {Mismatches}")]
        public static partial void UnlockRefused(ILogger logger, ConsumptionMismatch mismatches);

        [LoggerMessage(2, LogLevel.Warning, "ConsCent could not verify a consumption: {ErrorType}")]
        public static partial void VerificationUnavailable(ILogger logger, string errorType);
    }
}
