using Trace.Tests.Support;

namespace Trace.Node.Tests.Domain.Identifiers;

/// <summary>Reads the GS1 test CSVs (committed under tests/vectors/standards, copied from shared/standards): RFC 4180 quoting.</summary>
internal static class StandardsCsv
{
    /// <summary>Rows of a CSV under standards/, as column name → value, header excluded.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string relative)
    {
        var lines = File.ReadAllLines(VectorFiles.Path(Path.Combine("standards", relative)));
        var header = Split(lines[0]);
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = Split(line);
            return (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, value: i < cells.Count ? cells[i] : ""))
                .ToDictionary(p => p.name, p => p.value);
        })];
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
