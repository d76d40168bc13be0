using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Conscent.Sdk.Testing.Tests;

/// <summary>
/// Every ```csharp block of README.md and docs/*.md appears verbatim (up to whitespace) in samples/DocSnippets, a
/// project the build compiles with warnings as errors: a snippet a user copies compiles against the current API.
/// A block may opt out only with <c>&lt;!-- snippet: not compiled (reason) --&gt;</c> on the line right before its fence.
/// </summary>
public sealed partial class DocSnippetTests(ITestOutputHelper output)
{
    private const string OptOutMarker = "<!-- snippet: not compiled (";
    private const int MaxOptedOut = 5;

    [Fact]
    public void Every_csharp_block_in_the_docs_is_in_the_compiled_snippet_project()
    {
        var root = RepositoryRoot();
        var blocks = DocBlocks(root);
        var source = SnippetSource(root);

        blocks.Should().NotBeEmpty("README.md and docs/*.md show C# code");
        var compiled = blocks.Where(b => b.OptOutReason is null).ToList();
        var optedOut = blocks.Where(b => b.OptOutReason is not null).ToList();
        output.WriteLine($"{blocks.Count} ```csharp blocks: {compiled.Count} compiled in samples/DocSnippets, {optedOut.Count} opted out.");
        foreach (var block in optedOut)
            output.WriteLine($"  not compiled: {block.Location} ({block.OptOutReason})");

        var missing = compiled
            .Where(b => !source.Contains(Normalize(b.Code), StringComparison.Ordinal))
            .Select(b => $"{b.Location}: the ```csharp block starting \"{b.FirstLine}\" is not in samples/DocSnippets (copy it there verbatim, in enough context to compile)")
            .ToList();
        missing.Should().BeEmpty();

        optedOut.Where(b => b.OptOutReason!.Length == 0).Select(b => b.Location).Should().BeEmpty("an opted-out block says why");
        optedOut.Count.Should().BeLessThanOrEqualTo(MaxOptedOut, "opting out is for a deliberately partial fragment, not a way around compiling");
    }

    /// <summary>
    /// The docs' snippets compile with no other ConsCent imports than the rule names (docs/design.md, "API rules for
    /// 1.0"): <c>Conscent.Sdk</c>, <c>Conscent.Sdk.Webhooks</c> for payload types, <c>Conscent.Sdk.Testing</c> in tests,
    /// and <c>Conscent.Sdk.AspNetCore</c> for the raw webhook's types.
    /// </summary>
    [Fact]
    public void The_snippets_import_only_the_namespaces_the_1_0_rule_names()
    {
        var project = Path.Combine(RepositoryRoot(), "samples", "DocSnippets");
        var imported = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(project, f)))
            .SelectMany(File.ReadAllLines)
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("using Conscent", StringComparison.Ordinal) && line.EndsWith(';'))
            .Select(line => line["using ".Length..^1].Trim())
            .Distinct()
            .ToList();

        imported.Should().Contain("Conscent.Sdk");
        imported.Should().BeSubsetOf(new[] { "Conscent.Sdk", "Conscent.Sdk.Webhooks", "Conscent.Sdk.Testing", "Conscent.Sdk.AspNetCore" });
    }

    [Fact]
    public void Every_options_snippet_in_the_docs_sets_the_ClientId_that_startup_requires()
    {
        // ClientId is required at startup by default: a snippet without it compiles but fails when the app starts.
        var blocks = DocBlocks(RepositoryRoot());
        var configurations = blocks
            .SelectMany(b => OptionsConfigurations(b.Code).Select(code => (b.Location, Code: code)))
            .ToList();

        configurations.Should().NotBeEmpty("the README configures the SDK in code");
        configurations
            .Where(c => !c.Code.Contains("ClientId", StringComparison.Ordinal))
            .Select(c => $"{c.Location}: \"{Normalize(c.Code)}\" sets no ClientId (nor RequireClientId = false)")
            .Should().BeEmpty();
    }

    [Fact]
    public void The_options_scanner_takes_the_whole_initializer_or_configure_call()
    {
        var code = "services.AddConscent(o => { o.ApiKey = \"k\"; o.ApiSecret = (\"s\"); });\nvar x = new ConscentOptions { ApiKey = \"k\", ClientId = \"c\" };\nAddConscent(\"brand\", o =>\n{\n o.ClientId = \"c\";\n});";

        OptionsConfigurations(code).Should().Equal(
            "AddConscent(o => { o.ApiKey = \"k\"; o.ApiSecret = (\"s\"); })",
            "new ConscentOptions { ApiKey = \"k\", ClientId = \"c\" }",
            "AddConscent(\"brand\", o =>\n{\n o.ClientId = \"c\";\n})");
    }

    /// <summary>Each <c>new ConscentOptions { … }</c> and <c>AddConscent(… o =&gt; …)</c> in a block, up to its closing bracket.</summary>
    private static List<string> OptionsConfigurations(string code)
    {
        var found = new List<string>();
        foreach (Match match in OptionsConfiguration().Matches(code))
        {
            var open = code.IndexOfAny(['{', '('], match.Index);
            var depth = 0;
            for (var i = open; i < code.Length; i++)
            {
                if (code[i] is '{' or '(') depth++;
                else if (code[i] is '}' or ')' && --depth == 0)
                {
                    found.Add(code[match.Index..(i + 1)]);
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>An options initializer, or an AddConscent call configured by a lambda (not by a configuration section).</summary>
    [GeneratedRegex(@"new\s+ConscentOptions\s*\{|AddConscent\((""[^""]*""\s*,\s*)?\w+\s*=>")]
    private static partial Regex OptionsConfiguration();

    [Fact]
    public void The_extractor_finds_blocks_and_honours_the_opt_out_marker()
    {
        var markdown = string.Join('\n',
            "Text",
            "```csharp",
            "var a  =  1;",
            "```",
            "<!-- snippet: not compiled (a fragment) -->",
            "```csharp",
            "partial(",
            "```",
            "```json",
            "{}",
            "```",
            "```cs",
            "M();",
            "```");

        var blocks = Extract("x.md", markdown);

        blocks.Should().HaveCount(3);
        blocks[0].Code.Should().Be("var a  =  1;");
        blocks[0].OptOutReason.Should().BeNull();
        blocks[0].Location.Should().Be("x.md:2");
        blocks[1].OptOutReason.Should().Be("a fragment");
        blocks[2].Code.Should().Be("M();");
        Normalize(" var a \r\n\t =  1;\n").Should().Be("var a = 1;");
    }

    private sealed record DocBlock(string Location, string Code, string? OptOutReason)
    {
        public string FirstLine => Code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
    }

    private static List<DocBlock> DocBlocks(string root)
    {
        var docs = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal));
        return docs
            .SelectMany(path => Extract(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
    }

    private static List<DocBlock> Extract(string docName, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i])) continue;
            var start = i;
            var code = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                code.Append(lines[i]).Append('\n');
            blocks.Add(new DocBlock($"{docName}:{start + 1}", code.ToString().TrimEnd('\n'), OptOutReason(start > 0 ? lines[start - 1] : "")));
        }
        return blocks;
    }

    private static string? OptOutReason(string previousLine)
    {
        var line = previousLine.Trim();
        if (!line.StartsWith(OptOutMarker, StringComparison.Ordinal) || !line.EndsWith(") -->", StringComparison.Ordinal)) return null;
        return line[OptOutMarker.Length..^") -->".Length].Trim();
    }

    private static string SnippetSource(string root)
    {
        var project = Path.Combine(root, "samples", "DocSnippets");
        var files = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(project, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        files.Should().NotBeEmpty("samples/DocSnippets holds the docs' snippets");
        return string.Join(" ", files.Select(f => Normalize(File.ReadAllText(f))));
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Replace('\\', '/').Split('/')[0];
        return first is "obj" or "bin";
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A C# fence, however it is spelled (```csharp, ```cs, ```c#), so that no spelling escapes the check.</summary>
    [GeneratedRegex(@"^\s*```(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conscent.Sdk.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (the folder with Conscent.Sdk.sln) was not found above the test assembly.");
    }
}
