namespace Trace.Api.Tests.Support;

/// <summary>Whether content is in a node's blob store, looked up on disk: a blob file named by its hash, or a small-blob row.</summary>
public static class StoredContent
{
    public static bool Holds(EvidenceNodeFixture node, byte[] contentHash)
    {
        var root = Path.Combine(node.Api.DataDirectory, "blobs");
        if (!Directory.Exists(root)) return false;
        var hex = Convert.ToHexStringLower(contentHash);
        if (Directory.GetFiles(root, "*", SearchOption.AllDirectories).Any(f => Path.GetFileName(f).Contains(hex, StringComparison.Ordinal))) return true;
        var small = Path.Combine(root, "small.db");
        if (!File.Exists(small)) return false;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={small};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM blobs WHERE hash = $hash";
        command.Parameters.AddWithValue("$hash", contentHash);
        return (long)command.ExecuteScalar()! > 0;
    }
}
