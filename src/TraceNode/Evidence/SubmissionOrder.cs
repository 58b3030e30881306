namespace Trace.Node.Evidence;

/// <summary>
/// Keeps the records of one <c>SubmitRecords</c> stream in stream order where order matters: a lineage record reaches
/// the lineage's single writer only after every earlier record of its stream has reached it (a lineage record) or has
/// been committed or refused (any other record), so a batch sent before the transformation that consumes it, or an
/// energy report before the record citing it, is applied first, while signature checks still run in parallel.
/// </summary>
/// <remarks><see cref="Next"/> is called by the one reader of the stream, in stream order.</remarks>
public sealed class SubmissionOrder
{
    private Task _previous = Task.CompletedTask;

    /// <summary>The turn of the next record of the stream.</summary>
    public SubmissionTurn Next()
    {
        var turn = new SubmissionTurn(_previous);
        _previous = turn.Passed;
        return turn;
    }
}

/// <summary>One record's place in its stream: wait for <see cref="Previous"/>, then <see cref="Pass"/> once queued (always, even on failure).</summary>
public sealed class SubmissionTurn(Task previous)
{
    private readonly TaskCompletionSource _passed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the previous record of the stream has been queued or has finished.</summary>
    public Task Previous { get; } = previous;

    /// <summary>Completes when this record has passed its turn.</summary>
    public Task Passed => _passed.Task;

    /// <summary>Lets the next record of the stream go; idempotent.</summary>
    public void Pass() => _passed.TrySetResult();
}
