// docs/testing-with-the-simulator.md
using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Conscent.Sdk.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Xunit;

namespace DocSnippets.Testing;

public static class Simulator
{
    // docs/testing-with-the-simulator.md
    public static async Task RealServer()
    {
        await using var simulator = new ConscentSimulator();
        Uri address = await simulator.StartServerAsync();   // http://127.0.0.1:{free port}/

        using var client = new ConscentClient(simulator.CreateOptions()); // Options now point at the server
    }

    // docs/testing-with-the-simulator.md
    public static async Task Webhooks(ConscentSimulator simulator)
    {
        using var sender = simulator.CreateWebhookSender();        // the simulator's key and secret
        // or: new ConscentWebhookSender(apiKey, apiSecret, httpClientOfYourTestServer)

        string payload = File.ReadAllText("webhook-review-subscription.json"); // any webhook JSON
        using HttpResponseMessage answer = await sender.SendAsync(new Uri("http://localhost:5000/webhooks/review"), payload);
    }

    // docs/testing-with-the-simulator.md
    public static void Seeding(ConscentSimulator simulator)
    {
        var user = simulator.SeedUser(new SimulatedUser { Email = "reader@example.com", PhoneNumber = "9999999999", Country = "IN" });
        simulator.SeedSubscription(new SimulatedSubscription { UserId = user.Id, Title = "Digital", Price = 299, ExpiryDate = DateTimeOffset.UtcNow.AddMonths(1) });
        simulator.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Pass, Title = "Weekend pass", Price = 49 });
        simulator.SeedPurchase(new SimulatedPurchase { UserId = user.Id, Type = PurchaseTypes.Content, ClientContentId = "article-42", Price = 5 });
        simulator.SeedContent("Legacy Id 6", "Old article", "https://news.example/old", price: 2); // ids with spaces allowed when seeding

        // What the paywall hands the browser after a purchase: validate it with your backend code.
        string consumptionId = simulator.IssueConsumption("article-42");          // amount = the content's price
        string forged = simulator.IssueConsumption("article-42", clientId: "someone-else"); // to test your client-id check
    }

    // docs/testing-with-the-simulator.md
    public static void Recording(ConscentSimulator simulator)
    {
        var request = simulator.Requests.Single(r => r.EndpointId == "E21");
        Assert.Equal("POST", request.Method);
        Assert.Equal(SimulatedAuth.ValidApiKey, request.Auth);   // X-API-KEY was right
        Assert.Equal("***", request.Header("X-API-KEY"));       // secrets are never recorded
        Assert.Equal("ORDER_PLACED", simulator.LoyaltyEvents.Single().EventType);
    }

    // docs/testing-with-the-simulator.md
    public static void Faults(ConscentSimulator simulator)
    {
        // The next request, whatever it is, gets a 429 with Retry-After: 2.
        simulator.Faults.Enqueue(SimulatedFault.Status(429, retryAfter: TimeSpan.FromSeconds(2)));

        // The next three requests get a 503.
        simulator.Faults.Enqueue(SimulatedFault.Status(503), times: 3);

        // Every GET to the daily stats answers 405 (to exercise the SDK's GET→POST fallback), once.
        simulator.Faults.When("/api/v1/client/stats/daily", SimulatedFault.Status(405), method: "GET", times: 1);

        // Slow answers, to provoke your timeouts (the delay uses real time and honours cancellation).
        simulator.Faults.When("/client/purchases", SimulatedFault.Delay(TimeSpan.FromSeconds(30)));

        // Dropped connections.
        simulator.Faults.Enqueue(SimulatedFault.DropConnection());                      // before processing: nothing changes
        simulator.Faults.Enqueue(SimulatedFault.DropConnection(afterProcessing: true)); // processed, answer lost

        // Any predicate.
        var rule = simulator.Faults.When(r => r.Auth == SimulatedAuth.None, SimulatedFault.Status(500, message: "boom"));
        simulator.Faults.Remove(rule);   // or simulator.Faults.Clear()
    }

    // docs/testing-with-the-simulator.md
    public static ConscentSimulator Options()
    {
        var myFakeTimeProvider = new FakeTimeProvider();
        var simulator = new ConscentSimulator(new ConscentSimulatorOptions
        {
            ApiKey = "my-test-key", ApiSecret = "my-test-secret", ClientId = "my-client-id",
            ClientName = "My Paper",            // "client" / "clientId.name" in user and purchase answers
            LoyaltyApiKey = "loyalty-key",      // default: ApiKey
            LoyaltyPartnerId = "partner-1",     // default: ClientId
            DefaultContentType = "STORY",
            SingleUseConsumptions = true,
            TimeProvider = myFakeTimeProvider,  // dates of new records, "previous day", expiry checks
        });
        return simulator;
    }

    // docs/testing-with-the-simulator.md
    public static void Mocking()
    {
        var content = Substitute.For<IContentClient>(); // or a hand-written fake / a subclass of ContentClient
        content.GetAsync("article-1", Arg.Any<CancellationToken>())
               .Returns(ConscentModelFactory.ContentItem(contentId: "article-1", title: "Monsoon markets", price: 5m));

        var consumption = new FakeConsumptionClient(ConscentModelFactory.ConsumptionVerification(ConsumptionMismatch.NotFound));
    }
}

/// <summary>Stub: a hand-written fake that answers every verification with one result.</summary>
public sealed class FakeConsumptionClient(ConsumptionVerification answer)
{
    public ConsumptionVerification Answer { get; } = answer;
}
