using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Testing;

public sealed partial class ConscentSimulator
{
    private readonly Dictionary<string, SimulatedConsumption> _consumptions = new(StringComparer.Ordinal);
    private readonly List<SimulatedLoyaltyEvent> _loyaltyEvents = new();
    private readonly List<SimulatedAutoLoginToken> _tokens = new();

    /// <summary>
    /// Issues a consumption id for <paramref name="contentId"/>, as the paywall does after a purchase; the id then
    /// validates on <c>POST /api/v1/content/consumption/{consumptionId}</c> and counts in the stats.
    /// </summary>
    /// <param name="contentId">The publisher's content id (it need not be registered).</param>
    /// <param name="amount">What the consumption earned; defaults to the registered content's price, else 0.</param>
    /// <param name="createdAt">When it happened; defaults to the simulator's now.</param>
    /// <param name="clientId">The client id in the validation payload; defaults to the simulator's (set another to test your check).</param>
    /// <returns>The consumption id (a UUID).</returns>
    public string IssueConsumption(string contentId, decimal? amount = null, DateTimeOffset? createdAt = null, string? clientId = null)
    {
        if (string.IsNullOrEmpty(contentId)) throw new ArgumentException("A content id is required.", nameof(contentId));
        lock (_gate)
        {
            _contentById.TryGetValue(contentId, out var content);
            var consumption = new SimulatedConsumption(
                Guid.NewGuid().ToString(), contentId, clientId ?? Settings.ClientId, createdAt ?? Now,
                amount ?? content?.Price ?? 0m, content?.Currency ?? "INR");
            _consumptions[consumption.Id] = consumption;
            return consumption.Id;
        }
    }

    /// <summary>E08: a one-element array for a known id; an empty array for an unknown (or, single-use, already validated) id.</summary>
    private SimHttpResponse ValidateConsumption(RouteCall call)
    {
        var id = call.Value("consumptionId");
        if (!_consumptions.TryGetValue(id, out var c) || (Settings.SingleUseConsumptions && c.ValidationCount > 0))
            return SimHttpResponse.Json(200, new JsonArray());
        c.ValidationCount++;
        var createdAt = Sim.Date(c.CreatedAt);
        return SimHttpResponse.Json(200, new JsonArray
        {
            (JsonNode)new JsonObject
            {
                ["message"] = "Content Consumption Confirmed",
                ["payload"] = new JsonObject { ["clientId"] = c.ClientId, ["contentId"] = c.ContentId, ["createdAt"] = createdAt },
                ["consumptionId"] = c.Id,
                // The docs do not say how the signature is made (docs/rulings.md#consumption-signature-and-access-time-left):
                // the simulator's own choice is an HMAC of the id and payload with the API secret.
                ["signature"] = Sim.Hmac(Settings.ApiSecret, c.Id + "|" + c.ClientId + "|" + c.ContentId + "|" + createdAt),
            },
        });
    }

    /// <summary>E09: count and amount of the content's consumptions between from and to (all time without them).</summary>
    private SimHttpResponse ContentStats(RouteCall call)
    {
        var id = call.Value("contentId");
        var (from, to) = Range(call);
        _contentById.TryGetValue(id, out var content);
        var matching = _consumptions.Values.Where(c => c.ContentId == id).ToList();
        if (content is null && matching.Count == 0) throw new SimulatorError(404, "Content not found");
        var inRange = matching.Where(c => InRange(c.CreatedAt, from, to)).ToList();
        return SimHttpResponse.Json(200, new JsonObject
        {
            ["count"] = inRange.Count,
            ["amount"] = inRange.Sum(c => c.Amount),
            ["currency"] = content?.Currency ?? inRange.Select(c => c.Currency).FirstOrDefault() ?? "INR",
        });
    }

    /// <summary>E10: totals over every consumption between from and to (the previous UTC day without them).</summary>
    private SimHttpResponse DailyStats(RouteCall call)
    {
        var (from, to) = Range(call);
        if (from is null && to is null)
        {
            var today = new DateTimeOffset(call.Now.UtcDateTime.Date, TimeSpan.Zero);
            from = today.AddDays(-1);
            to = today.AddTicks(-1);
        }
        var inRange = _consumptions.Values.Where(c => InRange(c.CreatedAt, from, to)).ToList();
        return SimHttpResponse.Json(200, new JsonObject
        {
            ["totalContentConsumed"] = inRange.Count,
            ["totalRevenueGenerated"] = inRange.Sum(c => c.Amount),
        });
    }

    private static (DateTimeOffset? From, DateTimeOffset? To) Range(RouteCall call)
    {
        var errors = new List<string>();
        var from = Sim.ParseDate(call.Q("from"), "from", errors);
        var to = Sim.ParseDate(call.Q("to"), "to", errors);
        if (from > to) errors.Add("from must not be after to");
        Sim.ThrowIf(errors);
        return (from, to);
    }

    private static bool InRange(DateTimeOffset? value, DateTimeOffset? from, DateTimeOffset? to) =>
        value is not { } v ? from is null && to is null : (from is null || v >= from) && (to is null || v <= to);

    /// <summary>E20: a temporary auto-login token for an email and/or phone number (query, or a JSON body as ConsCent's RN SDK sends).</summary>
    private SimHttpResponse GenerateTempToken(RouteCall call)
    {
        string? email = call.Q("email"), phone = call.Q("phoneNumber");
        if (call.Request.Body.Length > 0)
        {
            var body = Sim.BodyObject(call.Request.Body);
            var errors = new List<string>();
            email ??= Sim.Str(body, "email", errors);
            phone ??= Sim.Str(body, "phoneNumber", errors);
            Sim.ThrowIf(errors);
        }
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone)) throw new SimulatorError(400, "email or phoneNumber is required");
        var token = new SimulatedAutoLoginToken(Sim.NewObjectId(), string.IsNullOrEmpty(email) ? null : email, string.IsNullOrEmpty(phone) ? null : phone, call.Now);
        _tokens.Add(token);
        return SimHttpResponse.Json(200, new JsonObject { ["tempAuthToken"] = token.Token });
    }

    /// <summary>E21: records the event object for the configured partner id.</summary>
    private SimHttpResponse LoyaltyEvent(RouteCall call)
    {
        var partner = call.Value("partnerId");
        if (!string.Equals(partner, LoyaltyPartner, StringComparison.Ordinal)) throw new SimulatorError(404, "Partner not found");
        var body = Sim.BodyObject(call.Request.Body);
        _loyaltyEvents.Add(new SimulatedLoyaltyEvent(partner, body, call.Now));
        return SimHttpResponse.Json(200, new JsonObject { ["message"] = "Event recorded" });
    }
}
