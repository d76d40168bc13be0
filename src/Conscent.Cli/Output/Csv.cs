using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Conscent.Cli.Output;

/// <summary>RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, quote or line break.</summary>
internal static class Csv
{
    /// <summary>
    /// One field. Text that a spreadsheet would run as a formula (<c>= + - @</c> first, and not a number) gets a
    /// leading apostrophe, so an exported title cannot execute in Excel.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Writes one record and a line break.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            writer.Write(Field(field));
            first = false;
        }
        writer.Write('\n');
    }

    /// <summary>
    /// Reads every record with the line its first field starts on (quoted fields may span lines). A byte order mark
    /// is dropped. Throws <see cref="FormatException"/> for a quote left open at the end of the file.
    /// </summary>
    public static List<CsvRecord> Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add(new CsvRecord(recordLine, fields));
                fields = new List<string>();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted) throw new FormatException($"line {quoteLine}: a quoted field is never closed.");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, fields));
        }
        return records;
    }
}

/// <summary>One CSV record and the line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>True for an empty line (or one of only commas and spaces).</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}
