namespace Trace.Tests.Support;

/// <summary>
/// The WBCSD PACT files (examples, OpenAPI) live outside the repository, in ../shared/standards/pact (their licence
/// allows no commercial redistribution, so they are never committed). Looked up in every directory above the test
/// assembly; tests that need them are skipped, with this reason, when they are absent (a clean clone elsewhere).
/// </summary>
public static class PactFixtures
{
    private static readonly Lazy<string?> Root = new(() => SharedStandards.Find("pact", "v2-get-footprint-response.json"));

    /// <summary>Null when the files are there, else why the tests that read them are skipped.</summary>
    public static string? SkipReason => Root.Value is null
        ? "the WBCSD PACT fixtures (../shared/standards/pact/*.json) are not beside this checkout; they are never committed (WBCSD licence)"
        : null;

    /// <summary>The text of a fixture file, e.g. "v2-get-footprint-response.json".</summary>
    public static string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Root.Value ?? throw new InvalidOperationException(SkipReason), file));
}

/// <summary>A fact that needs the shared PACT fixtures: skipped with <see cref="PactFixtures.SkipReason"/> without them.</summary>
public sealed class PactFixtureFactAttribute : FactAttribute
{
    public PactFixtureFactAttribute()
    {
        if (PactFixtures.SkipReason is { } reason) Skip = reason;
    }
}
