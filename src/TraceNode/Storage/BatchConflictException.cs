namespace Trace.Node.Storage;

/// <summary>Another batcher assigned some of the same queued claims first; nothing was written. Retry.</summary>
public sealed class BatchConflictException(int expected, int assigned)
    : InvalidOperationException($"only {assigned} of {expected} queued claims were still unassigned; another batcher took the rest");
