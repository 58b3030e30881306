using Trace.Api.Access;
using Trace.Api.Tests.Support;

namespace Trace.Api.Tests.Access;

/// <summary>docs/access.md shows the authorization table the node enforces, not an older one.</summary>
public sealed class AccessDocTests
{
    private const string Begin = "<!-- authorization-table:begin (generated from src/TraceApi/Access/AuthorizationTable.cs) -->";
    private const string End = "<!-- authorization-table:end -->";

    [Fact]
    public void The_access_doc_renders_the_enforced_authorization_table()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "access.md")).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/access.md has no {Begin} ... {End} section");

        var shown = doc[(start + Begin.Length)..end].Trim('\n') + "\n";

        Assert.True(shown == AuthorizationTable.ToMarkdown(),
            "docs/access.md's authorization table differs from AuthorizationTable; paste AuthorizationTable.ToMarkdown() between the markers:\n" + AuthorizationTable.ToMarkdown());
    }
}
