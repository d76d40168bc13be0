using System;
using System.Text;
using Conscent.Sdk.Http;

namespace Conscent.Sdk.Tests.Pipeline;

/// <summary>The per-client redaction the error mapper uses: built once with the client's secrets, applied to any server text.</summary>
public sealed class RedactionTests
{
    private static ConscentOptions Options() => new()
    {
        ApiKey = "redaction-key",
        ApiSecret = "redaction-secret-value",
        ClientId = "redaction-client",
        Loyalty = { ApiKey = "loyalty-key-value" },
    };

    [Fact]
    public void A_clients_redaction_masks_its_secret_its_loyalty_key_and_its_authorization_value()
    {
        var options = Options();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ApiKey + ":" + options.ApiSecret));
        var redactor = new SensitiveDataRedactor(options);

        var text = redactor.RedactText($"echo {basic} secret={options.ApiSecret} loyalty={options.Loyalty.ApiKey} reader a@b.example");

        text.Should().NotContain(basic).And.NotContain(options.ApiSecret).And.NotContain(options.Loyalty.ApiKey).And.NotContain("a@b.example");
        text.Should().StartWith("echo ***");
    }

    [Fact]
    public void The_runtime_builds_one_redaction_that_every_error_of_the_client_reuses()
    {
        var runtime = new ConscentRuntime(Options());

        runtime.Redactor.Should().NotBeNull().And.BeSameAs(runtime.Redactor);
        runtime.Redactor.RedactText("secret redaction-secret-value").Should().Be("secret ***");
    }
}
