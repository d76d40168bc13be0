using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;

namespace Conscent.Cli.Sdk;

/// <summary>
/// Every call the tool makes to Conscent.Sdk's client, in one place. It hands back the tool's own records
/// (<see cref="PurchaseRow"/>, <see cref="DailyTotals"/>, …), so a change in the SDK's public API touches only this
/// file. Only the SDK's public API is used: the tool is a consumer like a publisher's code.
/// </summary>
internal sealed class ConscentApi : IDisposable
{
    private readonly ConscentClient _client;

    private ConscentApi(ConscentClient client) => _client = client;

    /// <summary>
    /// A client for a real ConsCent environment (or any base address), over the network unless
    /// <paramref name="transport"/> is given (tests answer in process with it; it is not disposed here).
    /// </summary>
    public static ConscentApi Connect(ConnectionSettings settings, HttpMessageHandler? transport = null)
    {
        var options = new ConscentOptions
        {
            ApiKey = settings.ApiKey,
            ApiSecret = settings.ApiSecret,
            ClientId = settings.ClientId,
            // The tool makes no consumption, user-details or loyalty call: a client id is optional here.
            RequireClientId = false,
            Environment = settings.Target == TargetKind.Production ? ConscentEnvironment.Production : ConscentEnvironment.Sandbox,
            BaseAddress = settings.Target == TargetKind.Url ? settings.BaseAddress : null,
        };
        return new ConscentApi(transport is null ? new ConscentClient(options) : new ConscentClient(options, transport));
    }

    /// <summary>Wraps a client built elsewhere (the in-process simulator's).</summary>
    internal static ConscentApi Wrap(ConscentClient client) => new(client);

    // ---- purchases ------------------------------------------------------------------------------------------------

    /// <summary>The largest page the purchase lists allow.</summary>
    public const int MaxPurchasePageSize = PurchaseQuery.MaxPageSize;

    /// <summary>The page size ConsCent uses by default.</summary>
    public const int DefaultPurchasePageSize = PurchaseQuery.DefaultPageSize;

    /// <summary>
    /// Reads one page of a purchase list (the SDK's pageable, one page at a time) because the export reports pages as it
    /// goes. Emails and phone numbers are copied only when <paramref name="includeContact"/>.
    /// </summary>
    public async Task<PurchasePage> ReadPurchasesAsync(
        PurchaseKind kind, DateTimeOffset from, DateTimeOffset to, int pageNumber, int pageSize, bool includeContact, CancellationToken cancellationToken)
    {
        var query = new PurchaseQuery { From = from, To = to, PageNumber = pageNumber, PageSize = pageSize };
        switch (kind)
        {
            case PurchaseKind.All:
            {
                var page = await _client.Purchases.ListAsync(query, cancellationToken).GetPageAsync(cancellationToken).ConfigureAwait(false);
                var rows = page.Items.Select(t => new PurchaseRow(
                    t.Type, t.Id, t.CreatedAt, null, t.UserAccount?.Id, null, t.Content?.ConscentContentId, null, t.Content?.Title, t.Content?.Url,
                    t.Price, t.BuyingPrice, null, t.Promotional,
                    includeContact ? t.UserAccount?.Email : null, includeContact ? t.UserAccount?.PhoneNumber : null)).ToList();
                return new PurchasePage(rows, page.IsLastPage);
            }
            case PurchaseKind.Subscriptions:
            {
                var page = await _client.Purchases.ListSubscriptionsAsync(query, cancellationToken).GetPageAsync(cancellationToken).ConfigureAwait(false);
                var rows = page.Items.Select(s => FromRecord(s, PurchaseTypes.Subscription, s.SubscriptionId, includeContact)).ToList();
                return new PurchasePage(rows, page.IsLastPage);
            }
            case PurchaseKind.Passes:
            {
                var page = await _client.Purchases.ListPassesAsync(query, cancellationToken).GetPageAsync(cancellationToken).ConfigureAwait(false);
                var rows = page.Items.Select(s => FromRecord(s, PurchaseTypes.Pass, null, includeContact)).ToList();
                return new PurchasePage(rows, page.IsLastPage);
            }
            default:
            {
                var page = await _client.Purchases.ListMicropaymentsAsync(query, cancellationToken).GetPageAsync(cancellationToken).ConfigureAwait(false);
                var rows = page.Items.Select(s => FromRecord(s, PurchaseTypes.Content, null, includeContact)).ToList();
                return new PurchasePage(rows, page.IsLastPage);
            }
        }
    }

    private static PurchaseRow FromRecord(PurchaseRecord r, string type, string? subscriptionId, bool includeContact) => new(
        type, null, r.CreatedAt, r.ExpiryDate, r.UserId, r.ClientContentId, r.ConscentContentId, subscriptionId, null, null,
        r.Price, r.BuyingPrice, r.PriceDetails?.Currency, r.Promotional,
        includeContact ? r.UserEmail : null, includeContact ? r.UserPhoneNumber : null);

    // ---- content --------------------------------------------------------------------------------------------------

    /// <summary>Registers one content item; returns the id ConsCent confirmed (the draft's when the answer has none).</summary>
    public async Task<string> CreateContentAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        var created = await _client.Content.CreateAsync(ToRequest(draft), cancellationToken).ConfigureAwait(false);
        return created.Content?.ContentId ?? draft.ContentId;
    }

    /// <summary>
    /// The SDK's own checks of a create request, without sending anything: the request goes through a client whose
    /// transport answers locally, so a <see cref="ConscentValidationException"/> is all that can come back.
    /// Fields are named as the CSV columns.
    /// </summary>
    public static IReadOnlyList<FieldProblem> ValidateContent(ContentDraft draft)
    {
        try
        {
            // The local transport answers at once; nothing here waits on a network.
            ValidationOnly.Client.Content.CreateAsync(ToRequest(draft)).GetAwaiter().GetResult();
            return [];
        }
        catch (ConscentValidationException ex)
        {
            return ex.Errors.Select(e => new FieldProblem(ColumnName(e.Field), e.Message)).ToList();
        }
    }

    private static CreateContentRequest ToRequest(ContentDraft d) => new()
    {
        ContentId = d.ContentId,
        Title = d.Title,
        Url = d.Url,
        Price = d.Price,
        Currency = d.Currency,
        ContentType = d.ContentType is { } type ? new Conscent.Sdk.ContentType(type) : default(Conscent.Sdk.ContentType?),
        AuthorId = d.AuthorId,
        AuthorName = d.AuthorName,
        Duration = d.Duration,
        Categories = d.Categories?.ToList(),
        Tags = d.Tags?.ToList(),
    };

    // The SDK names fields as its properties (ContentId, PriceOverrides.Country[0].Name): the first letter lowered gives the column.
    private static string ColumnName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field.Substring(1);

    /// <summary>A client that never leaves the process: its transport answers every request with an empty success.</summary>
    private static class ValidationOnly
    {
        public static readonly ConscentClient Client = new(
            new ConscentOptions
            {
                ApiKey = "validation-only",
                ApiSecret = "validation-only",
                RequireClientId = false,
                BaseAddress = new Uri("http://validation-only.invalid/"),
                Retry = new ConscentRetryOptions { MaxRetryAttempts = 0 },
                CircuitBreaker = new ConscentCircuitBreakerOptions { Enabled = false },
            },
            new LocalAnswer());

        private sealed class LocalAnswer : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                {
                    RequestMessage = request,
                    Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                });
        }
    }

    // ---- stats ----------------------------------------------------------------------------------------------------

    /// <summary>Consumptions and revenue across all content in [from, to].</summary>
    public async Task<DailyTotals> DailyTotalsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stats = await _client.Stats.GetDailyStatsAsync(from, to, cancellationToken).ConfigureAwait(false);
        return new DailyTotals(stats.Consumed ?? 0, stats.TotalRevenueGenerated ?? 0m);
    }

    /// <summary>One content item's purchases in [from, to].</summary>
    public async Task<ContentTotals> ContentTotalsAsync(string contentId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stats = await _client.Stats.GetContentStatsAsync(contentId, from, to, cancellationToken).ConfigureAwait(false);
        return new ContentTotals(stats.Count ?? 0, stats.Amount ?? 0m, stats.Currency);
    }

    // ---- errors ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// The exit code and message for an SDK exception, or null when <paramref name="exception"/> is not one. The
    /// SDK's messages name the operation, the path template and the server's message: never a credential, email or
    /// phone number, so they are shown as they are.
    /// </summary>
    public static FailureDescription? Describe(Exception exception) => exception switch
    {
        ConscentValidationException v => new FailureDescription(ExitCodes.Validation,
            "the SDK refused the request (nothing was sent): " + string.Join("; ", v.Errors.Select(e => $"{ColumnName(e.Field)}: {e.Message}"))),
        ConscentApiException api => new FailureDescription(ExitCodes.Api, $"{api.GetType().Name}: {api.Message}"),
        ConscentSerializationException s => new FailureDescription(ExitCodes.Api, $"{s.GetType().Name}: {s.Message}"),
        ConscentNetworkException or ConscentTimeoutException or ConscentCircuitOpenException =>
            new FailureDescription(ExitCodes.Network, $"{exception.GetType().Name}: {exception.Message}"),
        ConscentException other => new FailureDescription(ExitCodes.Api, $"{other.GetType().Name}: {other.Message}"),
        _ => null,
    };

    public void Dispose() => _client.Dispose();
}
