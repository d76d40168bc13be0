// docs/telemetry.md (OpenTelemetry.Extensions.Hosting)
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DocSnippets.Telemetry;

public static class OpenTelemetrySetup
{
    // docs/telemetry.md
    public static void Register(WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource("Conscent.Sdk"))
            .WithMetrics(m => m.AddMeter("Conscent.Sdk"));
    }
}
