namespace Trace.Node.Tests.Storage;

/// <summary>Finds a local PostgreSQL server installation (initdb, pg_ctl), or says why the PostgreSQL tests are skipped.</summary>
public static class PostgresBinaries
{
    private static readonly Lazy<(string? Directory, string? SkipReason)> Found = new(Locate);

    /// <summary>Directory holding initdb and pg_ctl; null when none was found.</summary>
    public static string? Directory => Found.Value.Directory;

    /// <summary>Why PostgreSQL tests cannot run here; null when they can.</summary>
    public static string? SkipReason => Found.Value.SkipReason;

    /// <summary>Running as root: initdb refuses, so the cluster is run as the 'postgres' user through runuser.</summary>
    public static bool RunAsPostgresUser => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static (string?, string?) Locate()
    {
        if (Environment.GetEnvironmentVariable("TRACE_TEST_POSTGRES") is "off" or "0")
            return (null, "PostgreSQL tests turned off by TRACE_TEST_POSTGRES=off");
        var directory = Candidates().FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (directory is null)
            return (null, "no PostgreSQL server binaries (initdb, pg_ctl) on PATH, in TRACE_PG_BIN or under /usr/lib/postgresql/*/bin; install postgresql (e.g. Debian's postgresql-15) to run these tests");
        if (RunAsPostgresUser && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
            return (null, "running as root and there is no 'postgres' user to run initdb as");
        return (directory, null);
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("TRACE_PG_BIN") is { Length: > 0 } configured) yield return configured;
        foreach (var entry in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = new FileInfo(Path.Combine(entry, "initdb"));
            if (!initdb.Exists) continue;
            // Debian links /usr/local/bin/initdb into /usr/lib/postgresql/N/bin; pg_ctl and postgres live beside the target.
            var target = initdb.LinkTarget is null ? initdb : initdb.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? initdb;
            yield return target.DirectoryName!;
        }
        const string debian = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debian))
        {
            foreach (var version in System.IO.Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                yield return Path.Combine(version, "bin");
        }
    }
}
