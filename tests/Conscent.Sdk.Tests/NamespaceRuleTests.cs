using System.Linq;

namespace Conscent.Sdk.Tests;

/// <summary>
/// The 1.0 namespace rule (docs/design.md, "API rules for 1.0"): a publisher imports <c>Conscent.Sdk</c>, plus
/// <c>Conscent.Sdk.Webhooks</c> when naming a payload type; the registration extensions sit in the framework's namespace.
/// </summary>
public class NamespaceRuleTests
{
    [Fact]
    public void Every_public_type_of_the_core_package_is_in_Conscent_Sdk_Conscent_Sdk_Webhooks_or_the_DI_namespace()
    {
        var namespaces = typeof(ConscentClient).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct().ToList();

        namespaces.Should().BeSubsetOf(new[] { "Conscent.Sdk", "Conscent.Sdk.Webhooks", "Microsoft.Extensions.DependencyInjection" });
        namespaces.Should().Contain("Conscent.Sdk").And.Contain("Conscent.Sdk.Webhooks");
    }

    [Fact]
    public void Only_registration_extensions_live_in_the_DI_namespace()
    {
        var inDi = typeof(ConscentClient).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Microsoft.Extensions.DependencyInjection").ToList();

        inDi.Should().NotBeEmpty();
        inDi.Where(t => !(t.IsAbstract && t.IsSealed) && !t.IsInterface).Should().BeEmpty(
            "only static extension classes (and the builder interface they return) belong beside the framework's own");
    }

}
