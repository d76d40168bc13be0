using System;
using System.IO;
using Xunit.Abstractions;

namespace Conscent.Sdk.AspNetCore.Redis.Tests.Infrastructure;

/// <summary>
/// The proofs' figures. Each block goes to the test's own output and, when <c>CONSCENT_FIGURES</c> names a file, is
/// appended to it in one piece, so <c>.ci/run</c> can print every proof's figures (dotnet test hides a passing test's
/// output).
/// </summary>
public static class Figures
{
    private static readonly object Gate = new();

    public static void Report(ITestOutputHelper output, params string[] lines)
    {
        foreach (var line in lines) output.WriteLine(line);
        var path = Environment.GetEnvironmentVariable("CONSCENT_FIGURES");
        if (string.IsNullOrEmpty(path)) return;
        lock (Gate) File.AppendAllText(path, string.Join(Environment.NewLine, lines) + Environment.NewLine, new System.Text.UTF8Encoding(false));
    }
}
