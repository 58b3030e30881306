using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Trace.Node.Storage;

/// <summary>Recognises a store failure that passes by itself (a lock held too long, a dropped connection): retrying can succeed.</summary>
public static class TransientStoreFault
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCannotOpen = 14;

    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions is SQLite's BUSY / LOCKED (another
    /// connection held the lock past <c>busy_timeout</c>) or a provider error the provider marks transient (Npgsql).
    /// </summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }) return true;
            if (e is DbException { IsTransient: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions is SQLite's CANTOPEN. The database opened
    /// when the node started, so in a running node this is the process out of file descriptors (SQLite does not say
    /// which errno), and it passes when they are released.
    /// </summary>
    public static bool CannotOpen(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: SqliteCannotOpen }) return true;
        return false;
    }
}
