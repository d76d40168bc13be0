using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>
/// The docs' JSON examples, loaded verbatim from the repository's <c>tests/fixtures/docs-samples/</c> (never retyped).
/// The test projects copy that folder next to the test assembly; running from elsewhere, the search walks up to the
/// repository root.
/// </summary>
public static class Samples
{
    private static readonly Lazy<string> Directory = new(Find);

    public static string Dir => Directory.Value;

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Dir, fileName));

    public static JsonNode Node(string fileName) => JsonNode.Parse(Text(fileName))!;

    private static string Find()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "docs-samples");
        if (System.IO.Directory.Exists(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Conscent.Sdk.sln"))) continue;
            var inRepo = Path.Combine(dir.FullName, "tests", "fixtures", "docs-samples");
            if (System.IO.Directory.Exists(inRepo)) return inRepo;
        }
        throw new DirectoryNotFoundException("The docs' samples (tests/fixtures/docs-samples in the repository) were not found next to the test assembly or above it.");
    }
}
