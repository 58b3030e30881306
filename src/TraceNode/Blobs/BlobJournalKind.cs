namespace Trace.Node.Blobs;

/// <summary>What a blob named by the blob journal is (stored as an integer in <c>small.db</c>'s <c>journal</c> table).</summary>
public enum BlobJournalKind
{
    /// <summary>Not journalled: plain content written with journalled blobs in one commit.</summary>
    None = 0,

    /// <summary>An accepted record's envelope (signed claim and submission metadata).</summary>
    RecordEnvelope = 1,

    /// <summary>An anchoring batch's manifest (id, root, ordered leaves).</summary>
    BatchManifest = 2,

    /// <summary>A route plan a DecideRoute answer kept for shipments to cite (<c>trace.route-plan/1</c>).</summary>
    RoutePlan = 3,
}
