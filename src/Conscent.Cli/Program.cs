using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Conscent.Cli;

/// <summary>The process: the real console, and Ctrl+C / SIGTERM as a cancellation the commands finish cleanly on.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C asks the command to stop cleanly; a second one ends the process at once.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        return await ConscentCli.RunAsync(args, CliHost.FromConsole(), cancellation.Token).ConfigureAwait(false);
    }
}
