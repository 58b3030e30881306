using Trace.Node.Tests.Storage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Lineage;

/// <summary>
/// The status projector's recomputes wait for a lull in lineage intake (bounded), so a burst of records keeps the
/// single writer: <see cref="Trace.Node.Lineage.Intake.LineageCommitQueue.WaitForIntakeLullAsync"/> on a real writer and SQLite file.
/// </summary>
public sealed class IntakeLullTests : IAsyncLifetime
{
    private readonly LineageHarness _node = new();
    private readonly Crypto.EthereumAddress _mill = Claims.RandomIssuer();

    public Task InitializeAsync() => _node.InitializeAsync();

    public Task DisposeAsync() => _node.DisposeAsync();

    [Fact]
    public async Task A_writer_that_has_taken_no_record_lets_background_work_start_at_once()
    {
        var wait = _node.Commits.WaitForIntakeLullAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), CancellationToken.None);

        // Far shorter than the quiet period: it did not wait for one.
        Assert.Same(wait, await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task Background_work_waits_while_records_keep_arriving_and_starts_once_they_stop()
    {
        await _node.SubmitAsync(Batch("urn:lull:0", Tonnes(1)), _mill);
        var wait = _node.Commits.WaitForIntakeLullAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), CancellationToken.None);

        // Records keep coming for 4 s, never 2 s apart (a slow test host included): no lull.
        await KeepSubmittingAsync("urn:lull", TimeSpan.FromSeconds(4), until: () => false);
        Assert.False(wait.IsCompleted, "the projector's wait ended while records were still arriving");

        Assert.Same(wait, await Task.WhenAny(wait, Task.Delay(TimeSpan.FromSeconds(20))));
    }

    [Fact]
    public async Task Under_sustained_intake_background_work_waits_no_longer_than_its_bound()
    {
        await _node.SubmitAsync(Batch("urn:busy:0", Tonnes(1)), _mill);
        var wait = _node.Commits.WaitForIntakeLullAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500), CancellationToken.None);

        await KeepSubmittingAsync("urn:busy", TimeSpan.FromSeconds(30), until: () => wait.IsCompleted);

        // Records never stopped (no 5 s lull), yet the wait ended: the bound, not a lull, released it.
        Assert.True(wait.IsCompleted, "the projector's wait outlasted its bound under sustained intake");
    }

    /// <summary>Submits a batch record every 50 ms or so (after the previous is accepted) for <paramref name="duration"/>, or until <paramref name="until"/> holds.</summary>
    private async Task KeepSubmittingAsync(string prefix, TimeSpan duration, Func<bool> until)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 1; !until() && clock.Elapsed < duration; i++)
        {
            await _node.SubmitAsync(Batch($"{prefix}:{i}", Tonnes(1)), _mill);
            await Task.Delay(50);
        }
    }
}
