using System;
using System.IO;

namespace Conscent.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// The docs' JSON examples from <c>../shared/api/samples/</c> (beside the repository), loaded verbatim, as bytes: the
/// same payloads feed the baselines and the SDK. Set CONSCENT_SAMPLES_DIR to point elsewhere. BenchmarkDotNet runs
/// each benchmark in a child process built under <c>bin/</c>, so the search walks up from the running assembly.
/// </summary>
public static class Samples
{
    private static readonly Lazy<string> Directory = new(Find);

    public static string Dir => Directory.Value;

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Path.Combine(Dir, fileName));

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONSCENT_SAMPLES_DIR");
        if (!string.IsNullOrEmpty(fromEnv) && System.IO.Directory.Exists(fromEnv)) return fromEnv;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "api", "samples");
                if (System.IO.Directory.Exists(candidate)) return candidate;
                if (File.Exists(Path.Combine(dir.FullName, "Conscent.Sdk.sln")))
                {
                    var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "api", "samples"));
                    if (System.IO.Directory.Exists(beside)) return beside;
                }
            }
        }
        throw new DirectoryNotFoundException("The docs' samples (../shared/api/samples beside the repository) were not found; set CONSCENT_SAMPLES_DIR.");
    }
}
