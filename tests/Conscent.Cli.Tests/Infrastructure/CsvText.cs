using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Conscent.Cli.Tests.Infrastructure;

/// <summary>An RFC 4180 reader written for the tests (independent of the tool's), returning rows as name → value.</summary>
public static class CsvText
{
    public static (List<string> Header, List<Dictionary<string, string>> Rows) Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        var header = records[0];
        var rows = records.Skip(1).Select(r =>
        {
            r.Count.Should().Be(header.Count, "every CSV record has as many fields as the header");
            return header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v);
        }).ToList();
        return (header, rows);
    }
}
