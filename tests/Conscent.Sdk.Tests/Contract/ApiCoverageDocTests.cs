using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Conscent.Sdk.Tests.Contract;

/// <summary>docs/api-coverage.md has one filled row per catalogued endpoint, and every test it names exists.</summary>
public class ApiCoverageDocTests
{
    [Fact]
    public void Every_endpoint_has_a_filled_row_whose_tests_exist()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conscent.Sdk.sln"))) root = root.Parent;
        root.Should().NotBeNull();
        var lines = File.ReadAllLines(Path.Combine(root!.FullName, "docs", "api-coverage.md"));
        var testNames = typeof(ApiCoverageDocTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

        for (var e = 1; e <= 27; e++)
        {
            var id = $"E{e:00}";
            var row = lines.SingleOrDefault(l => l.StartsWith($"| {id} |", StringComparison.Ordinal));
            row.Should().NotBeNull($"{id} needs a row");
            var cells = row!.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
            cells.Should().HaveCount(5, $"{id}: docs section, method and path, SDK call, contract test");
            cells.Should().NotContain(string.Empty);
            var named = Regex.Matches(cells[4], @"`(?:\w+\.)?(E\d\d_\w+)`").Select(m => m.Groups[1].Value).ToList();
            named.Should().NotBeEmpty($"{id} names its contract test");
            named.Should().OnlyContain(n => testNames.Contains(n), $"{id}'s tests must exist");
            named.Should().Contain(n => n.Contains(id, StringComparison.Ordinal) || n.StartsWith("E14_E16", StringComparison.Ordinal) || id == "E27");
        }
    }
}
