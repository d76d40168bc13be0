using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Conscent.Cli.Hosting;
using Conscent.Cli.Sdk;

namespace Conscent.Cli.Commands;

/// <summary><c>conscent simulator</c>: the in-memory ConsCent simulator as an HTTP server on 127.0.0.1.</summary>
internal static class SimulatorCommand
{
    public const int DefaultPort = 5090;

    public static Command Create(CliApp app)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port on 127.0.0.1 (0: any free port).",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.AcceptOnlyBetween(0, 65535, "--port must be 0 to 65535.");
        var seed = new Option<string>("--seed")
        {
            Description = "demo: content, readers, purchases, subscriptions and consumptions over the last 30 days; empty: nothing.",
            DefaultValueFactory = _ => "demo",
        };
        seed.AcceptOnlyFromAmong("demo", "empty");

        var command = new Command("simulator",
            "Serve the ConsCent simulator on 127.0.0.1 (Kestrel), print its address and test credentials, log each request, stop on Ctrl+C.")
        {
            port,
            seed,
        };
        // It serves its own test credentials: --profile, --environment and --simulator have no meaning here.
        app.SetAction(command, run => RunAsync(run, run.Value(port), run.Value(seed) == "demo"), connectionOptions: false);
        return command;
    }

    private static async Task<int> RunAsync(CommandRun run, int port, bool demo)
    {
        var host = run.Host;
        // Request lines come from Kestrel's threads: one writer, synchronized.
        var output = TextWriter.Synchronized(host.Out);
        using var simulator = ConscentTestKit.CreateSimulator(host.Time);
        var summary = demo ? ConscentTestKit.SeedDemo(simulator, host.Time.GetUtcNow()) : null;

        var server = await SimulatorHttpHost.StartAsync(
            ConscentTestKit.HandlerOf(simulator), port, line => { output.WriteLine(line); output.Flush(); }, host.Time, run.Cancellation).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var (key, secret, clientId) = ConscentTestKit.CredentialsOf(simulator);
            output.WriteLine($"ConsCent simulator listening on {server.Address}");
            output.WriteLine(summary is null
                ? "Seed: empty."
                : $"Seed: demo data from {Output.Dates.Text(summary.FirstDay)} to {Output.Dates.Text(summary.LastDay)}: {summary.Content} content items " +
                  $"({string.Join(", ", DemoIds())}), {summary.Readers} readers, {summary.Purchases} purchases, {summary.Subscriptions} subscriptions, {summary.Consumptions} consumptions.");
            output.WriteLine("Point your app or the tool at it with the simulator's test credentials (the public sample values from ConsCent's docs, no account's):");
            output.WriteLine($"  CONSCENT_API_KEY={key}");
            output.WriteLine($"  CONSCENT_API_SECRET={secret}");
            output.WriteLine($"  CONSCENT_CLIENT_ID={clientId}");
            output.WriteLine($"  CONSCENT_ENVIRONMENT={server.Address}");
            output.WriteLine("Webhooks it would sign use the same key and secret. Press Ctrl+C to stop.");
            output.Flush();

            try
            {
                await Task.Delay(Timeout.Infinite, run.Cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            output.WriteLine("Stopping…");
            output.Flush();
        }
        var requests = server.RequestCount;
        output.WriteLine($"Stopped after {requests} request{(requests == 1 ? "" : "s")}.");
        output.Flush();
        return ExitCodes.Ok;
    }

    private static System.Collections.Generic.IEnumerable<string> DemoIds()
    {
        foreach (var item in ConscentTestKit.DemoContent) yield return item.Id;
    }
}
