namespace Trace.Node.Indexing.Storage;

/// <summary>
/// The note and link a regulator gave this node with a relayed flag, keyed by the flag's transaction. Not on chain and
/// not signed: it is shown with the flag, and a flag raised on chain directly has none.
/// </summary>
public sealed class FlagNoteEntity
{
    /// <summary>The flagBySig transaction, 32 bytes.</summary>
    public required byte[] TxHash { get; set; }

    /// <summary>Claim digest.</summary>
    public required string RecordId { get; set; }

    public string? Note { get; set; }

    public string? Uri { get; set; }

    /// <summary>When the relay stored it.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
