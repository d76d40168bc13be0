// README.md: "A first call", a whole file (a user's web project has System.Threading* as implicit usings).
using System.Threading;
using System.Threading.Tasks;
using Conscent.Sdk;
using Microsoft.AspNetCore.Mvc;

public sealed class ArticlesController(IContentClient content) : ControllerBase
{
    [HttpPost("register")]
    public async Task<IActionResult> Register(CancellationToken ct)
    {
        var created = await content.CreateAsync(new CreateContentRequest
        {
            ContentId = "article-2041",
            Title = "How the monsoon shapes Indian markets",
            Url = "https://news.example/markets/monsoon",
            Price = 5,
            Currency = "INR",
            ContentType = ContentType.Story,
        }, ct);
        return Ok(created.Content);
    }
}
