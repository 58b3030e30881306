namespace Trace.Node.Verification;

/// <summary>What an audit finding is about (trace.v1.AuditFindingKind; docs/rebuild.md).</summary>
public enum AuditFindingKind
{
    /// <summary>The row disagrees with what was signed (envelope, claim digest, signature, manifest leaf or proof).</summary>
    RowAltered = 1,

    /// <summary>The content blob does not hash to the claim's content hash.</summary>
    ContentTampered = 2,

    /// <summary>The content blob is missing.</summary>
    BlobMissing = 3,

    /// <summary>A blob nothing names.</summary>
    BlobUnreferenced = 4,

    /// <summary>The row's state differs from the chain or from its batch.</summary>
    StateDiffers = 5,

    /// <summary>A journalled record has no row.</summary>
    RowMissing = 6,

    /// <summary>A row with no envelope or manifest behind it.</summary>
    RowUnbacked = 7,

    /// <summary>A lineage row differs from its record's content.</summary>
    LineageAltered = 8,
}
