using Microsoft.Extensions.Logging.Abstractions;
using Trace.Node.Storage;

namespace Trace.Node.Tests.Storage;

/// <summary>Group commit: concurrent items share one write, and one bad item does not fail its neighbours.</summary>
public sealed class GroupCommitterTests
{
    private sealed class RecordingCommitter() : GroupCommitter<int, string>(maxGroup: 64, NullLogger.Instance)
    {
        public readonly List<int> GroupSizes = [];
        public TaskCompletionSource FirstGroupGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> AddAsync(int item) => CommitAsync(item, CancellationToken.None);

        protected override async Task<IReadOnlyList<string>> CommitGroupAsync(IReadOnlyList<int> items)
        {
            lock (GroupSizes) GroupSizes.Add(items.Count);
            if (GroupSizes.Count == 1) await FirstGroupGate.Task; // hold the first write so the rest queue up behind it
            if (items.Contains(13)) throw new InvalidOperationException("unlucky row in the group");
            return items.Select(i => $"ok {i}").ToList();
        }

        protected override Task<string> CommitOneAsync(int item) =>
            item == 13 ? Task.FromException<string>(new InvalidOperationException("13 refused")) : Task.FromResult($"alone {item}");
    }

    [Fact]
    public async Task Items_queued_during_a_write_are_committed_together_in_one_group()
    {
        await using var committer = new RecordingCommitter();
        var first = committer.AddAsync(0);
        while (committer.GroupSizes.Count == 0) await Task.Delay(5);
        var rest = Enumerable.Range(1, 10).Select(committer.AddAsync).ToArray();
        committer.FirstGroupGate.SetResult();

        Assert.Equal("ok 0", await first);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"ok {i}"), await Task.WhenAll(rest));
        Assert.Equal([1, 10], committer.GroupSizes);
    }

    [Fact]
    public async Task A_failing_group_is_retried_item_by_item_so_only_the_bad_item_fails()
    {
        await using var committer = new RecordingCommitter();
        var first = committer.AddAsync(0);
        while (committer.GroupSizes.Count == 0) await Task.Delay(5);
        var group = new[] { 12, 13, 14 }.Select(committer.AddAsync).ToArray();
        committer.FirstGroupGate.SetResult();
        await first;

        Assert.Equal("alone 12", await group[0]);
        Assert.Equal("13 refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => group[1])).Message);
        Assert.Equal("alone 14", await group[2]);
    }

    [Fact]
    public async Task After_disposal_new_items_are_refused()
    {
        var committer = new RecordingCommitter();
        committer.FirstGroupGate.SetResult();
        Assert.Equal("ok 1", await committer.AddAsync(1));
        await committer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => committer.AddAsync(2));
    }
}
