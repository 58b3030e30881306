using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Trace.Domain.Lineage;

namespace Trace.Node.Lineage.Queries;

/// <summary>
/// Rows straight from SQLite's statement: decimals parsed from the column's UTF-8 bytes, and every text value the walk
/// has seen before (a batch id read again as an input, a unit, a standing, a producer) handed out as the same string.
/// </summary>
/// <remarks>
/// A 10,000-batch upstream walk read about 250,000 values; through ADO.NET each was a new string (decimals too, only
/// to be parsed) and two or three native calls. Most of them repeat: a batch id is read as a node, as an input and as
/// an output. The pool is per walk, so it holds no more than the answer does.
/// </remarks>
internal sealed class SqliteLevelRows : LevelRows, IDisposable
{
    private const int Row = 100, Done = 101, Null = 5;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, string> _pool;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _rows;

    // Reused for every value: a stackalloc per value (zeroed, sized per call) cost more than the transcoding.
    private char[] _chars = new char[128];

    /// <param name="pool">The walk's strings by value; made with <see cref="StringComparer.Ordinal"/>.</param>
    public SqliteLevelRows(SqliteConnection connection, string sql, string idsJson, Dictionary<string, string> pool)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        _pool = pool;
        _lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        try
        {
            Check(raw.sqlite3_bind_text(_statement, 1, idsJson));
        }
        catch
        {
            _statement.Dispose(); // the caller never gets the rows to dispose
            throw;
        }
    }

    /// <summary>Steps to the next row (false after the last); SQLite's step is synchronous.</summary>
    public bool Read(CancellationToken ct)
    {
        if ((++_rows & 1023) == 0) ct.ThrowIfCancellationRequested();
        var rc = raw.sqlite3_step(_statement);
        if (rc == Row) return true;
        if (rc == Done) return false;
        Check(rc);
        return false;
    }

    public override string Text(int ordinal) => OptionalText(ordinal) ?? throw new InvalidOperationException($"column {ordinal} is NULL");

    public override string? OptionalText(int ordinal)
    {
        var utf8 = raw.sqlite3_column_blob(_statement, ordinal);
        if (utf8.IsEmpty) return raw.sqlite3_column_type(_statement, ordinal) == Null ? null : "";
        var length = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (length > _chars.Length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
        if (_lookup.TryGetValue(chars, out var known)) return known;
        var text = new string(chars);
        _pool[text] = text;
        return text;
    }

    public override decimal Decimal(int ordinal)
    {
        var utf8 = raw.sqlite3_column_blob(_statement, ordinal);
        return PlainDecimal.TryParseUtf8(utf8, out var value) ? value : decimal.Parse(utf8, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    public override bool Flag(int ordinal) => raw.sqlite3_column_int(_statement, ordinal) != 0;

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
