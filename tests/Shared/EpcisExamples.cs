namespace Trace.Tests.Support;

/// <summary>
/// Finds the GS1 EPCIS 2.0 examples and JSON Schema in a shared/standards/epcis directory above the checkout. They are not
/// committed here: GS1 publishes them under its IP disclaimer, which grants no redistribution licence. Tests that need
/// them are skipped with <see cref="SkipReason"/> when they are absent (a clean clone in CI).
/// </summary>
public static class EpcisExamples
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The example directory, or null when absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Why EPCIS tests are skipped, or null when the files are there.</summary>
    public static string? SkipReason => Root.Value is null
        ? "GS1 EPCIS examples not found (shared/standards/epcis above the checkout); they are not redistributable, so a clean clone skips these tests"
        : null;

    /// <summary>The EPCIS JSON Schema file.</summary>
    public static string SchemaPath => Path("EPCIS-JSON-Schema.json");

    /// <summary>Absolute path of a file in the example directory.</summary>
    public static string Path(string name) => System.IO.Path.Combine(Root.Value ?? throw new InvalidOperationException(SkipReason), name);

    /// <summary>The example documents (*.jsonld), by file name.</summary>
    public static IReadOnlyList<string> Documents => Root.Value is null
        ? []
        : [.. System.IO.Directory.GetFiles(Root.Value, "*.jsonld").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static string? FindRoot() => SharedStandards.Find("epcis", "EPCIS-JSON-Schema.json");
}

/// <summary>A fact skipped when the GS1 EPCIS examples are absent.</summary>
public sealed class EpcisFactAttribute : FactAttribute
{
    public EpcisFactAttribute()
    {
        if (EpcisExamples.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory skipped when the GS1 EPCIS examples are absent.</summary>
public sealed class EpcisTheoryAttribute : TheoryAttribute
{
    public EpcisTheoryAttribute()
    {
        if (EpcisExamples.SkipReason is { } reason) Skip = reason;
    }
}
