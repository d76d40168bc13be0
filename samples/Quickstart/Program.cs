// Conscent.Sdk Quickstart: a publisher's whole job with ConsCent, one step at a time.
//
//   dotnet run --project samples/Quickstart
//
// With no configuration it runs every step against the in-memory ConsCent simulator (no network, no account).
// With CONSCENT_API_KEY, CONSCENT_API_SECRET and CONSCENT_CLIENT_ID set (and optionally CONSCENT_ENVIRONMENT=Sandbox|Production)
// it runs only the read-only steps against that ConsCent environment: it never creates anything in your account.
using System;
using System.Threading.Tasks;
using Conscent.Samples.Quickstart;
using Conscent.Sdk;

var credentials = Credentials.FromEnvironment();
if (credentials.Error is { } error)
{
    Console.WriteLine($"Conscent.Sdk Quickstart — not started: {error}");
    return 1;
}

if (credentials.Options is { } options)
{
    Console.WriteLine($"Conscent.Sdk Quickstart — running the read-only steps against ConsCent {options.Environment} ({options.EffectiveBaseAddress}) with the CONSCENT_* credentials");
    using var client = new ConscentClient(options);
    return await ReadOnlyTour.RunAsync(client, new StepRunner(ReadOnlyTour.StepCount)) ? 0 : 1;
}

Console.WriteLine("Conscent.Sdk Quickstart — running against the in-memory ConsCent simulator (no credentials set)");
return await SimulatorTour.RunAsync(new StepRunner(SimulatorTour.StepCount)) ? 0 : 1;

namespace Conscent.Samples.Quickstart
{
    /// <summary>Reads the CONSCENT_* environment variables. All three credentials, or none (simulator).</summary>
    internal sealed record Credentials(ConscentOptions? Options, string? Error)
    {
        public static Credentials FromEnvironment()
        {
            string? key = Read("CONSCENT_API_KEY"), secret = Read("CONSCENT_API_SECRET"), clientId = Read("CONSCENT_CLIENT_ID");
            if (key is null && secret is null && clientId is null) return new(null, null);
            if (key is null || secret is null || clientId is null)
                return new(null, "set all of CONSCENT_API_KEY, CONSCENT_API_SECRET and CONSCENT_CLIENT_ID, or none of them to use the simulator.");

            var environment = ConscentEnvironment.Sandbox;
            if (Read("CONSCENT_ENVIRONMENT") is { } name && !(Enum.TryParse(name, ignoreCase: true, out environment) && Enum.IsDefined(environment)))
                return new(null, "CONSCENT_ENVIRONMENT must be Sandbox or Production.");

            return new(new ConscentOptions { ApiKey = key, ApiSecret = secret, ClientId = clientId, Environment = environment }, null);
        }

        private static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value.Trim() : null;
    }

    /// <summary>Prints "[n/total] title ... ok (detail)" for each step and stops at the first failure.</summary>
    internal sealed class StepRunner(int total)
    {
        private int _number;

        /// <summary>Runs one step. Returns false (after printing the step and the error) when it throws.</summary>
        public async Task<bool> RunAsync(string title, Func<Task<string>> step)
        {
            _number++;
            Console.Write($"[{_number}/{total}] {title} ... ");
            try
            {
                var detail = await step();
                Console.WriteLine(string.IsNullOrEmpty(detail) ? "ok" : $"ok ({detail})");
                return true;
            }
#pragma warning disable CA1031 // The Quickstart reports any failure and exits 1.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // SDK exception messages name fields and operations only: never a key, secret, email or phone number.
                Console.WriteLine("FAILED");
                Console.WriteLine($"  step {_number} ({title}) failed with {ex.GetType().Name}: {ex.Message}");
                return false;
            }
        }
    }

    /// <summary>Thrown when a step ran but its answer is not what the Quickstart expects.</summary>
    internal sealed class QuickstartCheckException(string message) : Exception(message);
}
