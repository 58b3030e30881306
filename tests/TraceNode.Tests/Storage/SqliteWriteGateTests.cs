using Trace.Node.Storage;
using Trace.Node.Tests.Lineage;
using static Trace.Node.Tests.Lineage.Build;

namespace Trace.Node.Tests.Storage;

/// <summary>
/// SQLite's one write lock is handed on in arrival order within the node (<see cref="SqliteWriteGate"/>), so a writer
/// that begins again right after it commits cannot starve the others past SQLite's busy timeout.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "trace-gate-" + Guid.NewGuid().ToString("N"));
    private readonly LineageHarness _node;

    public SqliteWriteGateTests() =>
        // A 1 s busy timeout: a writer left polling SQLite's busy handler for longer fails with "database is locked".
        _node = new LineageHarness(() => Task.FromResult(new TraceStorageOptions
        {
            Provider = StorageProvider.Sqlite, DataDirectory = _directory, SqliteBusyTimeoutMilliseconds = 1000,
        }));

    public Task InitializeAsync() => _node.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_writer_that_begins_again_as_soon_as_it_commits_does_not_starve_the_others()
    {
        var issuer = Claims.RandomIssuer();
        using var stop = new CancellationTokenSource();
        var greedyCommits = 0;
        var lineageRecords = 0;
        // Two group commits of 200 claims each, back to back, and eight lineage submitters keeping its writer's queue full:
        // each begins its next transaction as soon as it has committed one.
        var greedy = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await _node.Store.AddAcceptedClaimsAsync([.. Enumerable.Range(0, 200).Select(_ => Claims.Random())], CancellationToken.None);
                Interlocked.Increment(ref greedyCommits);
            }
        })).ToList();
        var submitters = Enumerable.Range(0, 8).Select(s => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await _node.SubmitAsync(Batch($"urn:gate:{s}:{i}", Tonnes(1)), issuer);
                Interlocked.Increment(ref lineageRecords);
            }
        })).ToList();
        while (Volatile.Read(ref greedyCommits) < 3) await Task.Delay(20);

        // Longer than the busy timeout, so a commit that had to win SQLite's lock by polling for it would fail.
        var failures = new List<Exception>();
        var written = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            try
            {
                Assert.True((await _node.Store.AddAcceptedClaimAsync(Claims.Random(), CancellationToken.None)).Created);
                written++;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                failures.Add(e);
            }
            await Task.Delay(20);
        }
        stop.Cancel();
        await Task.WhenAll(greedy.Concat(submitters));

        Assert.Empty(failures);
        Assert.True(written >= 10, $"only {written} single commits in 3 s");
        Assert.True(greedyCommits >= 10 && lineageRecords >= 50, $"the busy writers committed only {greedyCommits} groups and {lineageRecords} lineage records");
    }

    [Fact]
    public async Task Turns_are_exclusive_and_served_in_arrival_order()
    {
        var gate = new SqliteWriteGate(enabled: true);
        var order = new List<int>();
        var first = await gate.EnterAsync(CancellationToken.None);
        var waiting = new List<Task>();
        for (var n = 1; n <= 3; n++)
        {
            var mine = n;
            waiting.Add(Task.Run(async () =>
            {
                using var turn = await gate.EnterAsync(CancellationToken.None);
                lock (order) order.Add(mine);
                await Task.Delay(10);
            }));
            while (gate.Waiting < n) await Task.Delay(5); // each one queued before the next arrives
        }
        Assert.Empty(order); // nobody passes a held turn

        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 3], order);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task Without_a_gate_every_turn_is_granted_at_once()
    {
        var gate = new SqliteWriteGate(enabled: false);
        using var one = await gate.EnterAsync(CancellationToken.None);
        using var two = await gate.EnterAsync(CancellationToken.None);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task A_waiter_that_is_cancelled_leaves_the_queue()
    {
        var gate = new SqliteWriteGate(enabled: true);
        var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = gate.EnterAsync(cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(0, gate.Waiting);

        held.Dispose();
        using var next = await gate.EnterAsync(CancellationToken.None); // the cancelled waiter took no turn with it
    }
}
