// docs/testing-with-the-simulator.md: the first snippet is a whole program (usings, then statements), so it is this
// project's entry point. Xunit's Assert comes from the test project's global usings in a real test.
using Xunit;
using Conscent.Sdk;
using Conscent.Sdk.Testing;

using var simulator = new ConscentSimulator();
using var client = new ConscentClient(simulator.CreateOptions(), simulator.Handler);
// or simply: using var client = simulator.CreateClient();

await client.Content.CreateAsync(new CreateContentRequest
{
    ContentId = "article-42", Title = "Budget 2026", Url = "https://news.example/budget", Price = 5,
});

var item = await client.Content.GetAsync("article-42");
Assert.Equal("Budget 2026", item.Title);
Assert.Equal("POST /api/v1/content", $"{simulator.Requests[0].Method} {simulator.Requests[0].Path}");

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; in the docs compiles.</summary>
public partial class Program { }
