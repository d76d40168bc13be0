using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Conscent.Sdk.Tests.Infrastructure;

/// <summary>
/// The docs' JSON examples from <c>../shared/api/samples/</c> (beside the repository), loaded verbatim: never retyped.
/// Set CONSCENT_SAMPLES_DIR to point elsewhere.
/// </summary>
public static class Samples
{
    private static readonly Lazy<string> Directory = new(Find);

    public static string Dir => Directory.Value;

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Dir, fileName));

    public static JsonNode Node(string fileName) => JsonNode.Parse(Text(fileName))!;

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONSCENT_SAMPLES_DIR");
        if (!string.IsNullOrEmpty(fromEnv) && System.IO.Directory.Exists(fromEnv)) return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "api", "samples");
            if (System.IO.Directory.Exists(candidate)) return candidate;
            if (File.Exists(Path.Combine(dir.FullName, "Conscent.Sdk.sln")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "api", "samples"));
                if (System.IO.Directory.Exists(beside)) return beside;
            }
        }
        throw new DirectoryNotFoundException("The docs' samples (../shared/api/samples beside the repository) were not found; set CONSCENT_SAMPLES_DIR.");
    }
}
