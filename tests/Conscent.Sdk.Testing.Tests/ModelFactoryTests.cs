using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk.Webhooks;

namespace Conscent.Sdk.Testing.Tests;

/// <summary><see cref="ConscentModelFactory"/>: complete, sensible defaults, and usable for mocking the SDK.</summary>
public sealed class ModelFactoryTests
{
    private static readonly Assembly Sdk = typeof(IConscentClient).Assembly;

    // The generic Page<T> is checked by its own test; every other factory is named after the one model it builds.
    private static readonly MethodInfo[] Factories = typeof(ConscentModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => !m.IsGenericMethodDefinition).ToArray();

    private static Type Unwrap(Type type)
    {
        while (true)
        {
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                if (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>) || definition == typeof(Nullable<>)
                    || definition == typeof(ConscentPageable<>) || definition == typeof(ConscentPage<>))
                {
                    type = type.GetGenericArguments()[0];
                    continue;
                }
            }
            return type;
        }
    }

    public static IEnumerable<Type> ClientInterfaces() =>
        Sdk.GetExportedTypes().Where(t => t.IsInterface && t.Name.StartsWith('I') && t.Name.EndsWith("Client", StringComparison.Ordinal) && t != typeof(IConscentClient));

    public static IReadOnlyList<Type> ResponseTypes() =>
        ClientInterfaces()
            .SelectMany(i => i.GetMethods())
            .Select(m => Unwrap(m.ReturnType))
            .Where(t => t != typeof(void) && t != typeof(Task) && t.Assembly == Sdk)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<Type> WebhookPayloadTypes() =>
        Sdk.GetExportedTypes()
            .Where(t => t.Namespace == "Conscent.Sdk.Webhooks" && t.IsClass && !t.IsAbstract && typeof(IConscentWebhookPayload).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Every_client_response_type_has_a_factory_method()
    {
        ClientInterfaces().Should().HaveCount(10, "Content, Bundles, Consumption, Stats, Subscriptions, Purchases, Users, AutoLogin, Loyalty, Stories");
        var responses = ResponseTypes();
        responses.Should().Contain(new[] { typeof(ContentItem), typeof(ConsumptionValidation), typeof(ConsumptionVerification), typeof(LoyaltyEventResult) });

        // A base type returned as a stream of its subtypes (PurchaseRecord) is covered by a factory for each subtype.
        bool Covered(Type t) => Factories.Any(f => f.ReturnType == t)
            || (typeof(PurchaseRecord) == t && new[] { typeof(SubscriptionPurchase), typeof(PassPurchase), typeof(MicropaymentPurchase) }.All(s => Factories.Any(f => f.ReturnType == s)));
        var missing = responses.Where(t => !Covered(t)).Select(t => t.FullName).ToList();

        missing.Should().BeEmpty("every type a client returns needs a factory");
    }

    [Fact]
    public void Every_webhook_payload_type_has_a_factory_method()
    {
        var payloads = WebhookPayloadTypes();
        payloads.Should().HaveCount(8, "W1–W8");

        var missing = payloads.Where(t => !Factories.Any(f => f.ReturnType == t)).Select(t => t.FullName).ToList();

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Factory_methods_are_named_after_their_type_and_take_only_optional_parameters()
    {
        foreach (var factory in Factories)
        {
            var expected = factory.ReturnType.Name;
            factory.Name.Should().Be(expected);
            factory.GetParameters().Should().OnlyContain(p => p.IsOptional, $"{factory.Name} must be callable with no arguments");
        }
    }

    [Fact]
    public void Every_factory_with_all_defaults_builds_a_model()
    {
        foreach (var factory in Factories)
        {
            var args = factory.GetParameters().Select(_ => Type.Missing).ToArray();
            var model = factory.Invoke(null, BindingFlags.OptionalParamBinding, null, args, null);
            model.Should().NotBeNull(factory.Name).And.BeOfType(factory.ReturnType);
        }
    }

    [Fact]
    public void Content_item_has_defaults_and_takes_named_overrides()
    {
        var defaults = ConscentModelFactory.ContentItem();
        var item = ConscentModelFactory.ContentItem(contentId: "x", price: 5m, categories: new[] { "news" });

        defaults.ContentId.Should().Be("content-1");
        defaults.Price.Should().Be(1m);
        defaults.Currency.Should().Be("INR");
        defaults.ContentType.Should().Be(ContentType.Story);
        item.ContentId.Should().Be("x");
        item.Price.Should().Be(5m);
        item.Categories.Should().Equal("news");
        item.Title.Should().Be(defaults.Title);
    }

    [Fact]
    public void Responses_wrap_the_given_model_or_a_default_one()
    {
        var content = ConscentModelFactory.ContentItem(contentId: "y");

        ConscentModelFactory.CreateContentResponse(content).Content.Should().BeSameAs(content);
        ConscentModelFactory.CreateContentResponse().Message.Should().Be("New Content Created!");
        ConscentModelFactory.EditContentResponse().EditedContent!.ContentId.Should().Be("content-1");
        ConscentModelFactory.CreateContentResponse(message: "custom").Message.Should().Be("custom");
    }

    [Fact]
    public async Task A_page_and_a_list_made_for_a_mock_read_like_the_sdk_s_own()
    {
        var page = ConscentModelFactory.Page(new[] { ConscentModelFactory.ContentItem("a"), ConscentModelFactory.ContentItem("b") });
        var explicitPaging = ConscentModelFactory.Page<Story>(pageNumber: 3, pageSize: 10, totalRecords: 25, totalPages: 3);
        var list = ConscentPageable.FromPages(new[] { page, ConscentModelFactory.Page(new[] { ConscentModelFactory.ContentItem("c") }, pageNumber: 2) });

        page.Items.Select(c => c.ContentId).Should().Equal("a", "b");
        page.IsLastPage.Should().BeFalse("a full page with no totals may have a successor");
        explicitPaging.Items.Should().BeEmpty();
        explicitPaging.TotalPages.Should().Be(3);
        explicitPaging.IsLastPage.Should().BeTrue("an empty page ends a list");
        var ids = new List<string?>();
        await foreach (var item in list) ids.Add(item.ContentId);
        ids.Should().Equal("a", "b", "c");
        (await list.GetPageAsync()).Should().BeSameAs(page);
    }

    [Fact]
    public void Consumption_verification_not_found_has_no_validation_otherwise_a_default_one()
    {
        var valid = ConscentModelFactory.ConsumptionVerification();
        var notFound = ConscentModelFactory.ConsumptionVerification(ConsumptionMismatch.NotFound);
        var wrongClient = ConscentModelFactory.ConsumptionVerification(ConsumptionMismatch.ClientId);

        valid.IsValid.Should().BeTrue();
        valid.Validation!.Payload!.ContentId.Should().Be("content-1");
        notFound.IsValid.Should().BeFalse();
        notFound.Validation.Should().BeNull();
        wrongClient.Validation.Should().NotBeNull();
    }

    [Fact]
    public void Loyalty_event_result_parses_json_text_and_keeps_plain_text()
    {
        var json = ConscentModelFactory.LoyaltyEventResult();
        var text = ConscentModelFactory.LoyaltyEventResult(HttpStatusCode.Accepted, "ok");

        json.IsJson.Should().BeTrue();
        json.Json!.Value.GetProperty("message").GetString().Should().Be("Event recorded");
        text.IsJson.Should().BeFalse();
        text.StatusCode.Should().Be(HttpStatusCode.Accepted);
        text.Text.Should().Be("ok");
    }

    [Fact]
    public void Subscription_payment_webhook_renewal_has_a_renewal_delivery_id()
    {
        var first = ConscentModelFactory.SubscriptionPaymentWebhook(purchaseId: "p-1");
        var renewal = ConscentModelFactory.SubscriptionPaymentWebhook(purchaseId: "p-1", renewalId: "r-2");

        first.DeliveryId.Should().Be("p-1");
        first.PaymentType.Should().Equal(PaymentTypes.New);
        renewal.DeliveryId.Should().Be("p-1/r-2");
        renewal.RenewedSubscriptionDetails.Should().NotBeNull();
        renewal.Type.Should().Be(PurchaseTypes.Subscription);
    }

    [Fact]
    public void Sign_up_webhook_with_the_api_secret_passes_identity_verification_and_round_trips_through_the_parser()
    {
        var verifier = new ConscentWebhookVerifier("key", "secret");
        var signed = ConscentModelFactory.SignUpWebhook(email: "a@b.com", phoneNumber: "9999999999", apiSecret: "secret");
        var unsigned = ConscentModelFactory.SignUpWebhook();

        verifier.VerifyIdentity(signed).IsValid.Should().BeTrue();
        unsigned.HashedEmail.Should().BeNull();
        var parsed = ConscentWebhookParser.Parse<SignUpWebhook>(ConscentWebhookParser.Serialize(signed));
        parsed.Email.Should().Be("a@b.com");
        parsed.HashedPhoneNumber.Should().Be(signed.HashedPhoneNumber);
    }

    [Fact]
    public void Subscription_cancelled_webhook_defaults_to_the_razorpay_id_as_delivery_id()
    {
        var payload = ConscentModelFactory.SubscriptionCancelledWebhook(userId: "u-9");

        payload.DeliveryId.Should().Be("sub_example1");
        payload.LastPurchaseDetails!.UserId.Should().Be("u-9");
        payload.SubscriptionDetails!.Tiers.Should().ContainSingle();
    }

    // ---- "publisher mocks the SDK" ---------------------------------------------------------------------------------

    /// <summary>A hand-written fake, as a publisher would write it (or let a mocking library generate it).</summary>
    private sealed class FakeContentClient : ContentClient
    {
        private readonly Dictionary<string, ContentItem> _items;

        public FakeContentClient(params ContentItem[] items) => _items = items.ToDictionary(i => i.ContentId!, StringComparer.Ordinal);

        public List<string> Calls { get; } = new();

        public override Task<ContentItem> GetAsync(string contentId, CancellationToken cancellationToken = default)
        {
            Calls.Add("Get " + contentId);
            return _items.TryGetValue(contentId, out var item)
                ? Task.FromResult(item)
                : Task.FromException<ContentItem>(new InvalidOperationException("not registered"));
        }

        public override Task<CreateContentResponse> CreateAsync(CreateContentRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("Create " + request.ContentId);
            var item = ConscentModelFactory.ContentItem(contentId: request.ContentId, title: request.Title, price: request.Price, url: request.Url);
            _items[item.ContentId!] = item;
            return Task.FromResult(ConscentModelFactory.CreateContentResponse(item));
        }

        public override ConscentPageable<ContentItem> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add("List");
            return ConscentPageable.FromItems(_items.Values);
        }
    }

    /// <summary>"Publisher code": registers missing articles with ConsCent and labels prices.</summary>
    private sealed class PaywallCatalog
    {
        private readonly IContentClient _content;

        public PaywallCatalog(IContentClient content) => _content = content;

        public async Task<string> PriceLabelAsync(string articleId)
        {
            var item = await _content.GetAsync(articleId);
            return item.Price is null or 0m ? "Free" : $"{item.Price:0.##} {item.Currency}";
        }

        public async Task<int> SyncAsync(IEnumerable<(string Id, string Title, decimal Price)> articles)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var item in _content.ListAsync()) known.Add(item.ContentId!);
            var added = 0;
            foreach (var (id, title, price) in articles.Where(a => !known.Contains(a.Id)))
            {
                await _content.CreateAsync(new CreateContentRequest { ContentId = id, Title = title, Url = "https://news.example/" + id, Price = price });
                added++;
            }
            return added;
        }
    }

    [Fact]
    public async Task Publisher_code_runs_against_a_fake_client_returning_factory_models()
    {
        var fake = new FakeContentClient(
            ConscentModelFactory.ContentItem(contentId: "budget-2026", price: 5m),
            ConscentModelFactory.ContentItem(contentId: "weather", price: 0m));
        var catalog = new PaywallCatalog(fake);

        var paid = await catalog.PriceLabelAsync("budget-2026");
        var free = await catalog.PriceLabelAsync("weather");
        var added = await catalog.SyncAsync(new[] { ("budget-2026", "Budget", 5m), ("elections", "Elections", 3m) });
        var newLabel = await catalog.PriceLabelAsync("elections");

        paid.Should().Be("5 INR");
        free.Should().Be("Free");
        added.Should().Be(1, "only the unregistered article is created");
        newLabel.Should().Be("3 INR");
        fake.Calls.Should().Equal("Get budget-2026", "Get weather", "List", "Create elections", "Get elections");
    }

    /// <summary>The same with an interface implementation, for the consumption check a paywall backend makes.</summary>
    private sealed class FakeConsumptionClient : IConsumptionClient
    {
        public Task<ConsumptionValidation?> ValidateAsync(string consumptionId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ConsumptionValidation?>(consumptionId == "good" ? ConscentModelFactory.ConsumptionValidation(consumptionId: "good", contentId: "budget-2026") : null);

        public Task<ConsumptionVerification> VerifyAsync(string consumptionId, string expectedContentId, TimeSpan? maxAge = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(consumptionId == "good" && expectedContentId == "budget-2026"
                ? ConscentModelFactory.ConsumptionVerification(age: TimeSpan.FromSeconds(3))
                : ConscentModelFactory.ConsumptionVerification(ConsumptionMismatch.NotFound));
    }

    [Fact]
    public async Task Publisher_unlock_check_runs_against_a_fake_consumption_client()
    {
        IConsumptionClient consumption = new FakeConsumptionClient();

        async Task<bool> CanUnlock(string consumptionId, string articleId) => (await consumption.VerifyAsync(consumptionId, articleId)).IsValid;

        (await CanUnlock("good", "budget-2026")).Should().BeTrue();
        (await CanUnlock("forged", "budget-2026")).Should().BeFalse();
        (await consumption.ValidateAsync("good"))!.Payload!.ContentId.Should().Be("budget-2026");
    }
}
