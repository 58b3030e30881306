namespace Trace.Node.Storage;

/// <summary>Told when new claims are committed to the anchoring queue, so the batcher need not wait for its next poll.</summary>
public interface IClaimQueueListener
{
    /// <summary><paramref name="count"/> new claims are durably queued (called after the commit, never for a claim that was already there).</summary>
    void ClaimsQueued(int count);
}
