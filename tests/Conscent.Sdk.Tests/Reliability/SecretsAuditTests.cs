using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Conscent.Sdk.Tests.Contract;
using Conscent.Sdk.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Conscent.Sdk.Tests.Reliability;

/// <summary>
/// Drives every endpoint through success and error answers that echo credentials and readers' identities, with Trace
/// logging, tracing and captured exceptions, then searches everything the SDK produced for them.
/// </summary>
[Collection(nameof(ProcessWideListeners))]
public sealed class SecretsAuditTests : IDisposable
{
    private const string LoyaltyKey = "LOYALTY-KEY-7F3A9C1E5B";
    private const string Email = "reader.one+news@example.com";
    private const string Phone = "9847598673";
    private static readonly string AuthorizationValue = MockServer.ExpectedAuthorization["Basic ".Length..];

    private readonly MockServer _mock = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;

    public SecretsAuditTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Conscent.Sdk" || s.Name.StartsWith("System.Net", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _activities.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _mock.Dispose();
    }

    /// <summary>Every SDK call, with the readers' identities wherever a call takes them.</summary>
    internal static IEnumerable<(string Name, Func<IConscentClient, Task<object?>> Call)> AllCalls()
    {
        yield return ("Content.Create", async c => await c.Content.CreateAsync(ContentContractTests.SampleCreateRequest("audit_1")));
        yield return ("Content.Edit", async c => await c.Content.EditAsync("audit 1", new EditContentRequest { Title = "t" }));
        yield return ("Content.Get", async c => await c.Content.GetAsync("audit 1"));
        yield return ("Content.List", async c => await c.Content.ListAsync(new ListOptions { PageNumber = 1, PageSize = 5 }).GetPageAsync());
        yield return ("Bundles.Create", async c => await c.Bundles.CreateAsync(new CreateBundleRequest { ContentId = "b1", Title = "t", Url = "https://x", BundleContentIds = new List<string> { "a" } }));
        yield return ("Bundles.Edit", async c => await c.Bundles.EditAsync("b1", new EditBundleRequest { Title = "t" }));
        yield return ("Bundles.List", async c => await c.Bundles.ListAsync().GetPageAsync());
        yield return ("Consumption.Validate", async c => await c.Consumption.ValidateAsync("11c369df-2a30-4a0d-90dc-5a45797dacdd"));
        yield return ("Consumption.Verify", async c => await c.Consumption.VerifyAsync("11c369df-2a30-4a0d-90dc-5a45797dacdd", "content-1", TimeSpan.FromDays(1)));
        yield return ("Stats.Content", async c => await c.Stats.GetContentStatsAsync("audit 1", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow));
        yield return ("Stats.Daily", async c => await c.Stats.GetDailyStatsAsync());
        yield return ("Stats.Subscribers", async c => await c.Stats.ListCurrentSubscribersAsync());
        yield return ("AutoLogin.Token", async c => await c.AutoLogin.GenerateTokenAsync(Email, Phone));
        yield return ("Loyalty.Event", async c => await c.Loyalty.PostUserEventAsync(new LoyaltyUserEvent(LoyaltyEventTypes.OrderPlaced, Email)));
#pragma warning disable CS0618
        yield return ("Stories.Create", async c => await c.Stories.CreateAsync(new CreateStoryRequest { StoryId = "s1", Title = "t", Url = "https://x", Price = 1 }));
        yield return ("Stories.Get", async c => await c.Stories.GetAsync("s1"));
        yield return ("Stories.ValidateRead", async c => await c.Stories.ValidateReadAsync("r1"));
        yield return ("Stories.DailyStats", async c => await c.Stories.GetDailyStatsAsync());
#pragma warning restore CS0618
        var query = new Conscent.Sdk.PurchaseQuery { Email = Email, PhoneNumber = Phone, From = DateTimeOffset.UtcNow.AddDays(-1), PageSize = 10 };
        yield return ("Purchases.List", async c => await c.Purchases.ListAsync(query).GetPageAsync());
        yield return ("Purchases.Subscriptions", async c => await c.Purchases.ListSubscriptionsAsync(query).GetPageAsync());
        yield return ("Purchases.Passes", async c => await c.Purchases.ListPassesAsync(query).GetPageAsync());
        yield return ("Purchases.Micropayments", async c => await c.Purchases.ListMicropaymentsAsync(query).GetPageAsync());
        yield return ("Users.SubscriptionDetails", async c => await c.Users.GetUserAndSubscriptionDetailsAsync("user-1"));
        yield return ("Users.PurchaseDetails", async c => await c.Users.GetUserAndPurchaseDetailsAsync(query));
        yield return ("Subscriptions.Migrate", async c => await c.Subscriptions.MigrateAsync(new Conscent.Sdk.MigrateSubscriptionRequest
        {
            UserPrimaryEmail = Email,
            UserPrimaryPhone = Phone,
            ExpiryDate = DateTimeOffset.UtcNow.AddYears(1),
            PurchaseDate = DateTimeOffset.UtcNow,
            Country = "IN",
            SubscriptionDetails = new Conscent.Sdk.MigrateSubscriptionDetails
            {
                Title = "Annual",
                PriceDetails = new Conscent.Sdk.PriceDetails(999, "INR"),
                SubscriptionType = new Conscent.Sdk.SubscriptionType { Digital = true },
            },
        }));
        yield return ("Subscriptions.Cancel", async c => await c.Subscriptions.CancelActiveSubscriptionsAsync("user-1"));
        // Raw requests: the reader's identity in the query and body (never a path value: .NET's own HttpClient spans,
        // which this audit also reads, record the path; docs/raw-requests.md says so); the answer read as JSON.
        yield return ("Raw.Get", async c =>
        {
            var response = await c.SendAsync(new ConscentRawRequest(System.Net.Http.HttpMethod.Get, "/api/v2/users/{userId}")
                .WithPathParameter("userId", "user-1").WithQuery("phone", Phone).WithQuery("email", Email));
            return response + " " + response.ReadJson().ValueKind;
        });
        yield return ("Raw.LoyaltyPost", async c =>
        {
            var response = await c.SendAsync(new ConscentRawRequest(System.Net.Http.HttpMethod.Post, "/reward/{partnerId}/api/v2/points")
            {
                Auth = ConscentRawAuth.LoyaltyKey,
                OperationName = "Loyalty.Points",
            }.WithPathParameter("partnerId", "p1").WithJsonBody($"{{\"userId\":\"{Email}\",\"phone\":\"{Phone}\"}}"));
            return response.ToString();
        });
    }

    public static TheoryData<int, string> Answers() => new()
    {
        { 200, "application/json" },
        { 400, "application/json" },
        { 401, "application/json" },
        { 429, "application/json" },
        { 502, "text/html" },
        { 200, "text/plain" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task No_secret_or_identity_reaches_logs_traces_exceptions_or_ToString(int status, string contentType)
    {
        var echo = $"{{\"message\":\"echo {MockServer.ApiSecret} {AuthorizationValue} {LoyaltyKey} {Email} +91 {Phone}\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw.x\"}}";
        if (contentType == "text/html") echo = $"<html><body>Bad gateway for {Email} / {Phone} / {MockServer.ApiSecret}</body></html>";
        if (contentType == "text/plain") echo = $"plain {Email} {Phone} {MockServer.ApiSecret}";
        _mock.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("Retry-After", "0").WithBody(echo));
        var collector = FakeLogCollector.Create(new FakeLogCollectorOptions());
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        using var client = new ConscentClient(_mock.Options(o =>
        {
            o.Loyalty.ApiKey = LoyaltyKey;
            o.Retry.MaxRetryAttempts = 1;
        }), _mock.Recorder, loggers);

        var produced = new StringBuilder();
        var calls = 0;
        foreach (var (name, call) in AllCalls())
        {
            calls++;
            try
            {
                var result = await call(client);
                produced.AppendLine(name + " => " + result);
            }
            catch (Exception ex)
            {
                ex.Should().BeAssignableTo<ConscentException>($"{name} must fail with a typed exception");
                produced.AppendLine(name + " !! " + ex);
            }
        }
        foreach (var log in collector.GetSnapshot())
        {
            produced.AppendLine(log.Message).AppendLine(log.Exception?.ToString());
            foreach (var pair in log.StructuredState ?? Array.Empty<KeyValuePair<string, string?>>()) produced.AppendLine(pair.Key + "=" + pair.Value);
        }
        foreach (var activity in _activities)
        {
            produced.AppendLine(activity.DisplayName);
            foreach (var tag in activity.TagObjects) produced.AppendLine(tag.Key + "=" + tag.Value);
        }

        calls.Should().BeGreaterThan(15);
        _mock.Server.LogEntries.Should().NotBeEmpty("the calls reached the server, so the echoes were read");
        var text = produced.ToString();
        text.Should().NotContain(MockServer.ApiSecret);
        text.Should().NotContain(AuthorizationValue);
        text.Should().NotContain(LoyaltyKey);
        text.Should().NotContain(Email);
        text.Should().NotContain(Uri.EscapeDataString(Email));
        text.Should().NotContain(Phone);
        text.Should().NotContain("eyJhbGciOiJIUzI1NiJ9.OTg0NzU5ODY3Mw");
    }
}
