using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Trace.Node.Storage;

namespace Trace.Node.Blobs;

/// <summary>
/// Small blobs kept together in one SQLite file (<c>&lt;root&gt;/small.db</c>), keyed by SHA-256.
/// </summary>
/// <remarks>
/// A structured record is about a kilobyte. As a file of its own it costs a create, a rename, an inode and a disk
/// flush (about 1 ms here); as a row written by group commit it costs a few microseconds and shares one flush with
/// its neighbours. Rows are immutable and keyed by the hash of their bytes, so this is still a content-addressed store:
/// nothing in it depends on the index database.
/// </remarks>
/// <para>
/// The same file holds the blob journal (table <c>journal</c>): an append-only list of the blobs the index can be rebuilt
/// from (record envelopes, batch manifests) in the order they were written, committed in the same transaction as the
/// blobs it names. docs/rebuild.md describes it.
/// </para>
internal sealed class SmallBlobDatabase : GroupCommitter<SmallBlobDatabase.Entry[], bool[]>
{
    private const int MaxGroup = 1024;
    private readonly string _connectionString;
    private readonly SqliteWalCheckpointer _checkpointer;
    private SqliteConnection? _writer;

    public SmallBlobDatabase(string path, ILogger logger) : base(MaxGroup, logger)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS blobs (hash BLOB PRIMARY KEY NOT NULL, content BLOB NOT NULL); " +
            "CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY NOT NULL, kind INTEGER NOT NULL, hash BLOB NOT NULL);");
        _checkpointer = new SqliteWalCheckpointer(_connectionString, TimeSpan.FromMilliseconds(250), logger);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Stores the bytes under their hash; false when they were already there. Completes once durable.</summary>
    public async Task<bool> PutAsync(byte[] sha256, byte[] content, CancellationToken cancellationToken) =>
        (await CommitAsync([new Entry(sha256, content, 0)], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Stores the entries in one transaction, in order, and appends a journal row for each entry whose
    /// <see cref="Entry.JournalKind"/> is not 0. Completes once durable; per entry, false when the blob was already there.
    /// </summary>
    public Task<bool[]> PutManyAsync(Entry[] entries, CancellationToken cancellationToken) => CommitAsync(entries, cancellationToken);

    /// <summary>The journal rows after <paramref name="afterSequence"/>, in order.</summary>
    public IEnumerable<(long Sequence, int Kind, byte[] Hash)> ReadJournal(long afterSequence)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, hash FROM journal WHERE seq > $after ORDER BY seq";
        command.Parameters.Add("$after", SqliteType.Integer).Value = afterSequence;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetInt64(0), reader.GetInt32(1), (byte[])reader[2]);
    }

    /// <summary>The stored bytes, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> sha256) => Query("SELECT content FROM blobs WHERE hash = $hash", sha256) as byte[];

    /// <summary>The plaintext length (a sealed row's stored size less header and tags), or null.</summary>
    public long? GetLength(ReadOnlySpan<byte> sha256)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT length(content), substr(content, 1, {BlobEnvelope.HeaderSize}) FROM blobs WHERE hash = $hash";
        command.Parameters.Add("$hash", SqliteType.Blob).Value = sha256.ToArray();
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var stored = reader.GetInt64(0);
        var start = reader.IsDBNull(1) ? [] : (byte[])reader[1];
        return BlobEnvelope.LooksSealed(start) && BlobEnvelope.PlaintextLength(stored) is { } plain ? plain : stored;
    }

    /// <summary>The journal rows in order, each with its stored (sealed) bytes, or null when the blob row is gone.</summary>
    public IEnumerable<(long Sequence, int Kind, byte[] Hash, byte[]? Content)> ReadJournalWithContent()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT j.seq, j.kind, j.hash, b.content FROM journal j LEFT JOIN blobs b ON b.hash = j.hash ORDER BY j.seq";
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetInt64(0), reader.GetInt32(1), (byte[])reader[2], reader.IsDBNull(3) ? null : (byte[])reader[3]);
    }

    /// <summary>Every row's hash and stored bytes, in one scan (for audits).</summary>
    public IEnumerable<(byte[] Hash, byte[] Content)> EnumerateAll()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash, content FROM blobs";
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return ((byte[])reader[0], (byte[])reader[1]);
    }

    /// <summary>Every stored hash, for audits.</summary>
    public IEnumerable<byte[]> EnumerateHashes()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM blobs ORDER BY hash";
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (byte[])reader[0];
    }

    protected override Task<IReadOnlyList<bool[]>> CommitGroupAsync(IReadOnlyList<Entry[]> items)
    {
        var connection = _writer ??= OpenWriter();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO blobs (hash, content) VALUES ($hash, $content) ON CONFLICT (hash) DO NOTHING";
        var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
        var content = insert.Parameters.Add("$content", SqliteType.Blob);
        insert.Prepare();
        SqliteCommand? journal = null;
        SqliteParameter? journalKind = null, journalHash = null;
        var stored = new bool[items.Count][];
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var entries = items[i];
                stored[i] = new bool[entries.Length];
                for (var j = 0; j < entries.Length; j++)
                {
                    hash.Value = entries[j].Sha256;
                    content.Value = entries[j].Content;
                    stored[i][j] = insert.ExecuteNonQuery() == 1;
                    if (entries[j].JournalKind == 0) continue;
                    if (journal is null)
                    {
                        journal = connection.CreateCommand();
                        journal.Transaction = transaction;
                        journal.CommandText = "INSERT INTO journal (kind, hash) VALUES ($kind, $hash)";
                        journalKind = journal.Parameters.Add("$kind", SqliteType.Integer);
                        journalHash = journal.Parameters.Add("$hash", SqliteType.Blob);
                        journal.Prepare();
                    }
                    journalKind!.Value = entries[j].JournalKind;
                    journalHash!.Value = entries[j].Sha256;
                    journal.ExecuteNonQuery();
                }
            }
        }
        finally
        {
            journal?.Dispose();
        }
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<bool[]>>(stored);
    }

    protected override async Task<bool[]> CommitOneAsync(Entry[] item)
    {
        // A failed group may have left the writer connection in a bad state: start afresh.
        _writer?.Dispose();
        _writer = null;
        return (await CommitGroupAsync([item]).ConfigureAwait(false))[0];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        _checkpointer.Dispose();
        _writer?.Dispose();
        _writer = null;
    }

    private object? Query(string sql, ReadOnlySpan<byte> sha256)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$hash", SqliteType.Blob).Value = sha256.ToArray();
        return command.ExecuteScalar();
    }

    private SqliteConnection OpenWriter()
    {
        var connection = Open();
        // FULL: a blob must survive a power cut once the claim that names it has been acknowledged.
        Execute(connection, $"PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = {SqliteWalCheckpointer.SafetyNetPages};");
        return connection;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One blob to store (sealed bytes under the plaintext's hash); a non-zero <paramref name="JournalKind"/> also journals it.</summary>
    internal sealed record Entry(byte[] Sha256, byte[] Content, int JournalKind);
}
