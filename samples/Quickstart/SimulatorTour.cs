using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Testing;
using Conscent.Sdk.Webhooks;

namespace Conscent.Samples.Quickstart;

/// <summary>Every step of a publisher's integration, against the in-memory simulator (no sockets, no network).</summary>
internal static class SimulatorTour
{
    public const int StepCount = 12;

    private const string Article = "budget-2026";
    private const string OtherArticle = "monsoon-markets";
    private const string Bundle = "economy-bundle";

    public static async Task<bool> RunAsync(StepRunner steps)
    {
        using var simulator = new ConscentSimulator();
        // In your app: new ConscentClient(new ConscentOptions { ApiKey = …, ApiSecret = …, ClientId = … }),
        // or services.AddConscent(configuration.GetSection("Conscent")) and inject IConscentClient.
        using var conscent = new ConscentClient(simulator.CreateOptions(), simulator.Handler);

        string consumptionId = "";
        SimulatedUser reader = null!;

        return await steps.RunAsync("Register content", async () =>
            {
                await conscent.Content.CreateAsync(new CreateContentRequest
                {
                    ContentId = Article,
                    Title = "Budget 2026: what changes for you",
                    Url = "https://news.example/economy/budget-2026",
                    Price = 5,
                    Currency = "INR",
                    ContentType = ContentType.Story,
                });
                await conscent.Content.CreateAsync(new CreateContentRequest
                {
                    ContentId = OtherArticle,
                    Title = "How the monsoon shapes Indian markets",
                    Url = "https://news.example/markets/monsoon",
                    Price = 3,
                    Currency = "INR",
                });
                return $"{Article}, {OtherArticle}";
            })
            && await steps.RunAsync("Register a bundle", async () =>
            {
                var created = await conscent.Bundles.CreateAsync(new CreateBundleRequest
                {
                    ContentId = Bundle,
                    Title = "The economy, explained",
                    Url = "https://news.example/economy",
                    BundleContentIds = [Article, OtherArticle],
                    Price = 7,
                    Currency = "INR",
                });
                return $"{created.Content?.ContentId} with {created.Content?.BundleContentIds?.Count} articles";
            })
            && await steps.RunAsync("List all content", async () =>
            {
                // A list reads every page for you, fetching the next only when you reach it.
                var titles = await conscent.Content.ListAsync(new ListOptions { PageSize = 100 }).Select(c => c.ContentId).ToListAsync();
                Expect(titles.Contains(Article) && titles.Contains(OtherArticle), "both articles should be listed");
                return $"{titles.Count} items";
            })
            && await steps.RunAsync("List all bundles", async () =>
            {
                var bundles = await conscent.Bundles.ListAsync().ToListAsync();
                Expect(bundles.Any(b => b.ContentId == Bundle), "the bundle should be listed");
                return $"{bundles.Count} bundle";
            })
            && await steps.RunAsync("A reader buys the article (simulated paywall)", () =>
            {
                // In production the ConsCent paywall runs in the reader's browser and hands your page a consumption id.
                consumptionId = simulator.IssueConsumption(Article);
                return Task.FromResult("consumption id received");
            })
            && await steps.RunAsync("Verify the consumption before unlocking", async () =>
            {
                // Always verify on your server: the id must be ConsCent's, yours, for THIS article and recent.
                var verification = await conscent.Consumption.VerifyAsync(consumptionId, Article, maxAge: TimeSpan.FromMinutes(30));
                Expect(verification.IsValid, $"the consumption should be valid, got {verification}");

                // The same id does not unlock another article.
                var elsewhere = await conscent.Consumption.VerifyAsync(consumptionId, OtherArticle, maxAge: TimeSpan.FromMinutes(30));
                Expect(!elsewhere.IsValid, "the consumption must not unlock another article");
                return $"valid for {Article}; {elsewhere.Mismatches} for {OtherArticle}";
            })
            && await steps.RunAsync("Read the article's stats", async () =>
            {
                var stats = await conscent.Stats.GetContentStatsAsync(Article);
                Expect(stats.Count == 1, $"one sale expected, got {stats.Count}");
                return $"{stats.Count} sale, {stats.Amount} {stats.Currency}";
            })
            && await steps.RunAsync("Read today's daily stats", async () =>
            {
                // Without dates ConsCent reports the previous day; ask for today so far.
                var now = DateTimeOffset.UtcNow;
                var daily = await conscent.Stats.GetDailyStatsAsync(new DateTimeOffset(now.Date, TimeSpan.Zero), now);
                return $"{daily.Consumed} consumed, revenue {daily.TotalRevenueGenerated}";
            })
            && await steps.RunAsync("List purchases", async () =>
            {
                // The simulator stands in for readers who bought a pass and an article.
                reader = simulator.SeedUser(new SimulatedUser { Name = "Asha", Email = "asha@example.com", Country = "IN" });
                simulator.SeedPurchase(new SimulatedPurchase { UserId = reader.Id, Type = PurchaseTypes.Pass, Title = "Weekend pass", Price = 49 });
                simulator.SeedPurchase(new SimulatedPurchase { UserId = reader.Id, Type = PurchaseTypes.Content, ClientContentId = Article, Price = 5 });

                var page = await conscent.Purchases.ListAsync(new PurchaseQuery { PageNumber = 1, PageSize = 50 }).GetPageAsync();
                var types = string.Join(", ", page.Items.Select(t => t.Type));
                Expect(page.Items.Count == 2, $"two purchases expected, got {page.Items.Count}");
                return $"{page.Items.Count} purchases: {types}";
            })
            && await steps.RunAsync("Issue an auto-login token", async () =>
            {
                // Log the reader in to the paywall from your own session (the token is short-lived: never log it).
                var token = await conscent.AutoLogin.GenerateTokenAsync(reader.Email, phoneNumber: null);
                Expect(!string.IsNullOrEmpty(token.TempAuthToken), "a token was expected");
                return "token received";
            })
            && await steps.RunAsync("Post a loyalty event", async () =>
            {
                var result = await conscent.Loyalty.PostUserEventAsync(new LoyaltyUserEvent(LoyaltyEventTypes.OrderPlaced, reader.Id!));
                return $"HTTP {(int)result.StatusCode}";
            })
            && await steps.RunAsync("Receive and verify a webhook", () => Task.FromResult(ReceiveWebhook(simulator, reader)));
    }

    /// <summary>
    /// ConsCent POSTs webhooks to your backend. Here the simulator's sender signs a Sign Up webhook the way ConsCent does,
    /// and the core SDK verifies it: Basic auth plus the signed email. In ASP.NET Core, MapConscentWebhook&lt;T&gt; does this.
    /// </summary>
    private static string ReceiveWebhook(ConscentSimulator simulator, SimulatedUser reader)
    {
        using var sender = simulator.CreateWebhookSender();
        sender.AddMissingHashes = true; // adds hashedEmail = jwt.sign(email, apiSecret), as ConsCent does

        var signUp = new SignUpWebhook { UserId = reader.Id, Email = reader.Email, Name = reader.Name, Country = reader.Country };
        byte[] body = Encoding.UTF8.GetBytes(sender.PreparePayload(ConscentWebhookParser.Serialize(signUp)));
        string authorization = sender.AuthorizationHeaderValue; // the request's Authorization header

        // Your webhook endpoint: verify the RAW bytes, then use the typed payload.
        var verifier = new ConscentWebhookVerifier(simulator.CreateOptions()); // your ApiKey and ApiSecret
        var received = verifier.VerifyAndParse<SignUpWebhook>(authorization, body);
        Expect(received.UserId == reader.Id, "the parsed webhook should carry the reader's id");

        // A forged delivery (right body, wrong credentials) is refused.
        var forged = verifier.Verify("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("someone:else")), body);
        Expect(!forged.IsValid, "a delivery with the wrong credentials must be rejected");
        return $"SignUp verified; forged delivery rejected ({forged.Failure})";
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition) throw new QuickstartCheckException(message);
    }
}
