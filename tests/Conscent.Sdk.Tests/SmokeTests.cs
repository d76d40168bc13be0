using Conscent.Sdk.Tests.Infrastructure;

namespace Conscent.Sdk.Tests;

public class SmokeTests
{
    [Fact]
    public void Samples_directory_is_found()
    {
        Samples.Text("content-get.response.json").Should().Contain("Tesla Tequila");
    }
}
