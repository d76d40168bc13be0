using System;
using System.IO;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The docs' JSON examples from the repository's <c>tests/fixtures/docs-samples/</c>, loaded verbatim, as bytes: the
/// same payloads feed the baselines and the SDK. BenchmarkDotNet runs each benchmark in a child process built under
/// <c>bin/</c>, so besides the copy next to the assembly the search walks up to the repository root.
/// </summary>
public static class Samples
{
    private static readonly Lazy<string> Directory = new(Find);

    public static string Dir => Directory.Value;

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Path.Combine(Dir, fileName));

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var copied = Path.Combine(start, "docs-samples");
            if (System.IO.Directory.Exists(copied)) return copied;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Conscent.Sdk.sln"))) continue;
                var inRepo = Path.Combine(dir.FullName, "tests", "fixtures", "docs-samples");
                if (System.IO.Directory.Exists(inRepo)) return inRepo;
            }
        }
        throw new DirectoryNotFoundException("The docs' samples (tests/fixtures/docs-samples in the repository) were not found.");
    }
}
