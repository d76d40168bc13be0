using System.Globalization;
using Spectre.Console;

namespace Conscent.Cli.Output;

/// <summary>Spectre.Console over the host's standard output: colours and the real width on a terminal, plain text elsewhere.</summary>
internal static class Render
{
    public static IAnsiConsole Console(CliHost host)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = host.OutIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = host.OutIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(host.Out),
        });
        if (!host.OutIsTerminal) console.Profile.Width = 100;
        return console;
    }

    public static string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
