namespace Trace.Node.Storage;

/// <summary>Which database holds the index.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file (WAL mode) under the data directory; the embedded default.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server, for more than one API instance.</summary>
    Postgres = 1,
}
