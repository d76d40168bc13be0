using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Linq;
using System.Text.Json;
using Conscent.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PublisherBackend;

/// <summary><c>POST /admin/content</c>: register an article with ConsCent when your CMS publishes it.</summary>
public static class AdminContentEndpoints
{
    /// <summary>Maps the registration endpoint.</summary>
    public static void MapAdminContentEndpoints(this IEndpointRouteBuilder app) =>
        // In production, protect admin endpoints: .RequireAuthorization("editors").
        app.MapPost("/admin/content", RegisterAsync);

    private static async Task<IResult> RegisterAsync(CreateContentRequest request, IContentClient content, CancellationToken cancellationToken)
    {
        try
        {
            var created = await content.CreateAsync(request, cancellationToken);
            return TypedResults.Created($"/admin/content/{created.Content?.ContentId}", created.Content);
        }
        catch (ConscentValidationException ex)
        {
            // The SDK checked the request before sending it; every problem names its field.
            return TypedResults.ValidationProblem(ex.ToProblemErrors());
        }
        catch (ConscentBadRequestException ex)
        {
            // ConsCent refused it, e.g. "contentId already exists". Its message describes the request, not secrets.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "ConsCent rejected the content.", detail: ex.ServerMessage);
        }
    }

    /// <summary>
    /// Turns the SDK's field errors into the <c>errors</c> dictionary of a ValidationProblem (400). The SDK names C#
    /// properties (<c>Download.FileType</c>); the keys are camel-cased to match the JSON the client sent (<c>download.fileType</c>).
    /// </summary>
    internal static Dictionary<string, string[]> ToProblemErrors(this ConscentValidationException exception) =>
        exception.Errors
            .GroupBy(e => string.Join('.', e.Field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
