using System;
using System.Collections.Generic;
using System.Linq;

namespace Conscent.Sdk.Testing;

public sealed partial class ConscentSimulator
{
    private enum RouteAuth
    {
        None,
        Basic,
        LoyaltyKey,
    }

    private sealed class Route
    {
        public Route(string id, string[] methods, string pattern, RouteAuth auth, Func<RouteCall, SimHttpResponse> handle)
        {
            Id = id;
            Methods = methods;
            Segments = pattern.Trim('/').Split('/');
            Auth = auth;
            Handle = handle;
        }

        public string Id { get; }
        public string[] Methods { get; }
        public string[] Segments { get; }
        public RouteAuth Auth { get; }
        public Func<RouteCall, SimHttpResponse> Handle { get; }

        public Dictionary<string, string>? Match(string[] segments)
        {
            if (segments.Length != Segments.Length) return null;
            Dictionary<string, string>? values = null;
            for (var i = 0; i < segments.Length; i++)
            {
                var pattern = Segments[i];
                if (pattern.StartsWith('{'))
                {
                    if (segments[i].Length == 0) return null;
                    (values ??= new Dictionary<string, string>(StringComparer.Ordinal))[pattern.Trim('{', '}')] = segments[i];
                }
                else if (!string.Equals(pattern, segments[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }
            return values ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    private sealed class RouteCall
    {
        public RouteCall(SimHttpRequest request, Dictionary<string, string> values, DateTimeOffset now)
        {
            Request = request;
            Values = values;
            Query = SimulatorQuery.Parse(request.RawQuery);
            Now = now;
        }

        public SimHttpRequest Request { get; }
        public Dictionary<string, string> Values { get; }
        public Dictionary<string, string> Query { get; }
        public DateTimeOffset Now { get; }

        public string Value(string name) => Values[name];

        public string? Q(string name) => Query.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
    }

    private static readonly string[] Get = { "GET" };
    private static readonly string[] Post = { "POST" };
    private static readonly string[] Patch = { "PATCH" };
    private static readonly string[] GetOrPost = { "GET", "POST" };

    private readonly Route[] _routes;

    private Route[] BuildRoutes() => new[]
    {
        new Route("E01", Post, "/api/v1/content", RouteAuth.Basic, CreateContent),
        new Route("E03", Get, "/api/v1/content/client", RouteAuth.Basic, ListContent),
        new Route("E04", Get, "/api/v1/content/client/{contentId}", RouteAuth.Basic, GetContent),
        new Route("E05", Post, "/api/v1/content/bundle", RouteAuth.Basic, CreateBundle),
        new Route("E06", Patch, "/api/v1/content/bundle/{contentId}", RouteAuth.Basic, EditBundle),
        new Route("E07", Get, "/api/v1/content/bundles", RouteAuth.Basic, ListBundles),
        new Route("E08", Post, "/api/v1/content/consumption/{consumptionId}", RouteAuth.None, ValidateConsumption),
        new Route("E02", Patch, "/api/v1/content/{contentId}", RouteAuth.Basic, EditContent),
        new Route("E09", GetOrPost, "/api/v1/client/stats/content/{contentId}", RouteAuth.Basic, ContentStats),
        new Route("E10", GetOrPost, "/api/v1/client/stats/daily", RouteAuth.Basic, DailyStats),
        new Route("E11", GetOrPost, "/api/v1/subscription/client/list", RouteAuth.Basic, CurrentSubscribers),
        new Route("E12", Post, "/api/v1/subscription/migrate", RouteAuth.Basic, Migrate),
        new Route("E13", Get, "/user/user-and-subscription-details", RouteAuth.None, UserAndSubscriptionDetails),
        new Route("E14", Get, "/client/purchases/subscriptions", RouteAuth.Basic, PurchasedSubscriptions),
        new Route("E15", Get, "/user/user-and-purchase-details", RouteAuth.None, UserAndPurchaseDetails),
        new Route("E16", Get, "/client/purchases", RouteAuth.Basic, ClientPurchases),
        new Route("E17", Get, "/client/purchases/passes", RouteAuth.Basic, c => PurchaseList(c, PurchaseTypes.Pass)),
        new Route("E18", Get, "/client/purchases/micropayments", RouteAuth.Basic, c => PurchaseList(c, PurchaseTypes.Content)),
        new Route("E19", Post, "/client/cancel-subscriptions/{userId}", RouteAuth.Basic, CancelSubscriptions),
        new Route("E20", Post, "/client/generate-temp-token", RouteAuth.Basic, GenerateTempToken),
        new Route("E21", Post, "/reward/{partnerId}/api/user_event", RouteAuth.LoyaltyKey, LoyaltyEvent),
        new Route("E22", Post, "/api/v1/story", RouteAuth.Basic, CreateStory),
        new Route("E24", Get, "/api/v1/story/client", RouteAuth.Basic, ListStories),
        new Route("E25", Get, "/api/v1/story/client/{storyId}", RouteAuth.Basic, GetStory),
        new Route("E26", Post, "/api/v1/story/read/{readId}", RouteAuth.None, ValidateStoryRead),
        new Route("E23", Patch, "/api/v1/story/{storyId}", RouteAuth.Basic, EditStory),
    };

    private SimHttpResponse Dispatch(SimHttpRequest request, SimulatedRequest record)
    {
        string[] segments;
        try
        {
            // Decode each segment on its own, so an encoded '/' (%2F) stays inside its id. A trailing slash is accepted
            // (the docs' create samples post to /api/v1/content/).
            segments = request.RawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        }
        catch (UriFormatException)
        {
            return SimHttpResponse.Error(400, "The path is not valid.");
        }

        var allowed = new List<string>();
        foreach (var route in _routes)
        {
            var values = route.Match(segments);
            if (values is null) continue;
            if (!route.Methods.Contains(request.Method, StringComparer.Ordinal))
            {
                allowed.AddRange(route.Methods);
                continue;
            }

            record.EndpointId = route.Id;
            switch (route.Auth)
            {
                case RouteAuth.Basic when record.Auth != SimulatedAuth.ValidBasic:
                    return SimHttpResponse.Error(401, DefaultMessage(401));
                case RouteAuth.LoyaltyKey when !(request.Headers.TryGetValue("X-API-KEY", out var key) && FixedTimeEquals(key, LoyaltyKey)):
                    return SimHttpResponse.Error(401, "Unauthorized -- Invalid X-API-KEY.");
            }

            try
            {
                lock (_gate) return route.Handle(new RouteCall(request, values, Now));
            }
            catch (SimulatorError error)
            {
                return SimHttpResponse.Error(error.Status, error.Message);
            }
#pragma warning disable CA1031 // A bug in the simulator must answer 500, as a server would, not crash the transport.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return SimHttpResponse.Error(500, "Simulator error: " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        if (allowed.Count > 0)
            return SimHttpResponse.Error(405, DefaultMessage(405), new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed.Distinct()) });
        return SimHttpResponse.Error(404, DefaultMessage(404));
    }
}
