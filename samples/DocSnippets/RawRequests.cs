// docs/raw-requests.md
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using NSubstitute;

namespace DocSnippets.RawRequests;

public static class RawRequestSnippets
{
    // docs/raw-requests.md
    public static async Task<int> GetLoyaltyPointsAsync(IConscentClient conscent, string partnerId, string userId, CancellationToken ct)
    {
        var request = new ConscentRawRequest(HttpMethod.Get, "/reward/{partnerId}/api/v2/users/{userId}/points")
        {
            Auth = ConscentRawAuth.LoyaltyKey,     // X-API-KEY, sent to ConscentOptions.Loyalty.BaseAddress
            OperationName = "Loyalty.GetPoints",   // names the call in logs, traces, metrics and exceptions
        }
        .WithPathParameter("partnerId", partnerId)
        .WithPathParameter("userId", userId)
        .WithQuery("include", ["expiring", "history"]);

        try
        {
            var response = await conscent.SendAsync(request, ct);
            return response.ReadJson().GetProperty("points").GetInt32();
        }
        catch (ConscentNotFoundException)
        {
            return 0; // the same typed exceptions as the typed calls
        }
    }

    // docs/raw-requests.md
    public static async Task<ConscentRawResponse> RedeemAsync(IConscentClient conscent, string userId, int points, CancellationToken ct)
    {
        var request = new ConscentRawRequest(HttpMethod.Post, "/api/v2/loyalty/redeem") { OperationName = "Loyalty.Redeem" }
            .WithJsonBody(JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["userId"] = userId, ["points"] = points }));
        return await conscent.SendAsync(request, ct);
    }

    // docs/raw-requests.md
    public static IConscentClient PointsMock()
    {
        var conscent = Substitute.For<IConscentClient>();
        conscent.SendAsync(Arg.Any<ConscentRawRequest>(), Arg.Any<CancellationToken>())
            .Returns(new ConscentRawResponse(HttpStatusCode.OK, Encoding.UTF8.GetBytes("{\"points\":42}"),
                new Dictionary<string, IReadOnlyList<string>> { ["Content-Type"] = ["application/json"] }));
        return conscent;
    }
}
