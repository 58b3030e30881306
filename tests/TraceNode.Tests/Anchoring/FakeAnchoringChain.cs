using System.Buffers.Binary;
using System.Security.Cryptography;
using Trace.Crypto;
using Trace.Node.Anchoring;

namespace Trace.Node.Tests.Anchoring;

/// <summary>
/// An in-memory chain behind <see cref="IAnchoringChain"/>: one operator account with nonces, a transaction pool with
/// replacement by fee, blocks with hashes, a registry that refuses a root twice, and handles for what real nodes do to
/// transactions (drop them, forget them, reorganise blocks away, fail a request).
/// </summary>
public sealed class FakeAnchoringChain : IAnchoringChain
{
    private const long BaseFee = 100;
    private readonly Lock _lock = new();
    private readonly Dictionary<byte[], FakeTx> _known = new(ByteArrayComparer.Instance); // every transaction ever signed
    private readonly SortedDictionary<long, FakeTx> _pool = [];
    private readonly List<Block> _blocks = [new Block(0, RandomNumberGenerator.GetBytes(32), [])];
    private readonly List<byte[]> _broadcasts = [];
    private readonly SortedSet<long> _abandoned = [];
    private long _nextNonce;

    /// <summary>Mine a block with each accepted broadcast, as Anvil does without a block time.</summary>
    public bool AutoMine { get; set; }

    /// <summary>Transactions the node answers "accepted" for but keeps nothing of (a node that evicts them at once); null keeps all.</summary>
    public Func<AnchorTransaction, bool>? Forget { get; set; }

    /// <summary>This many coming broadcasts fail as a transport fault would.</summary>
    public int FailingBroadcasts { get; set; }

    /// <summary>Runs before each broadcast reaches the node; an exception thrown here fails the broadcast (a crash before sending).</summary>
    public Func<AnchorTransaction, Task>? BeforeBroadcast { get; set; }

    /// <summary>Runs before each signing (to change the chain between the pipeline's look and its signature).</summary>
    public Action? BeforeSign { get; set; }

    /// <summary>How many transactions were signed.</summary>
    public int Signed { get { lock (_lock) return _known.Count; } }

    /// <summary>Every broadcast's bytes, in order (including failed ones).</summary>
    public IReadOnlyList<byte[]> Broadcasts { get { lock (_lock) return [.. _broadcasts]; } }

    public ulong Head { get { lock (_lock) return (ulong)_blocks[^1].Number; } }

    public Task WaitUntilReadyAsync(CancellationToken ct) => Task.CompletedTask;

    public Task<AnchorTransaction?> SignAnchorAsync(byte[] root, int leafCount, string uri, AnchorTransaction? replacing, CancellationToken ct)
    {
        BeforeSign?.Invoke();
        lock (_lock)
        {
            if (FindRoot(root) is not null) return Task.FromResult<AnchorTransaction?>(null); // RootAlreadyAnchored at estimation
            long nonce, fee;
            if (replacing is null)
            {
                _abandoned.RemoveWhere(n => n < MinedNonce());
                if (_abandoned.Count > 0)
                {
                    nonce = _abandoned.Min;
                    _abandoned.Remove(nonce);
                }
                else
                {
                    nonce = _nextNonce = Math.Max(_nextNonce, MinedNonce());
                    _nextNonce++;
                }
                fee = BaseFee;
            }
            else
            {
                nonce = replacing.Nonce;
                fee = Parse(replacing.Raw).Fee * 125 / 100;
            }
            var tx = Encode(nonce, fee, root, leafCount);
            _known[tx.Hash] = tx;
            return Task.FromResult<AnchorTransaction?>(new AnchorTransaction(nonce, tx.Hash, tx.Raw));
        }
    }

    public Task AbandonAsync(AnchorTransaction transaction, CancellationToken ct)
    {
        lock (_lock) _abandoned.Add(transaction.Nonce);
        return Task.CompletedTask;
    }

    public async Task<BroadcastResult> BroadcastAsync(AnchorTransaction transaction, CancellationToken ct)
    {
        lock (_lock) _broadcasts.Add(transaction.Raw);
        if (BeforeBroadcast is { } hook) await hook(transaction);
        lock (_lock)
        {
            if (FailingBroadcasts > 0)
            {
                FailingBroadcasts--;
                throw new IOException("connection reset by the node");
            }
            var tx = Parse(transaction.Raw);
            if (tx.Nonce < MinedNonce()) return BroadcastResult.NonceUsed;
            if (_pool.TryGetValue(tx.Nonce, out var pooled))
            {
                if (pooled.Hash.AsSpan().SequenceEqual(tx.Hash)) return BroadcastResult.Accepted; // already known
                if (tx.Fee * 10 < pooled.Fee * 11) throw new InvalidOperationException("replacement transaction underpriced");
            }
            if (Forget?.Invoke(transaction) == true) return BroadcastResult.Accepted;
            _pool[tx.Nonce] = tx;
            if (AutoMine) MineBlockLocked();
        }
        return BroadcastResult.Accepted;
    }

    public Task<AnchorTransactionState> GetTransactionStateAsync(byte[] txHash, CancellationToken ct)
    {
        lock (_lock)
        {
            foreach (var block in _blocks)
                foreach (var (tx, succeeded) in block.Transactions)
                    if (tx.Hash.AsSpan().SequenceEqual(txHash))
                        return Task.FromResult(succeeded ? AnchorTransactionState.Succeeded : AnchorTransactionState.Reverted);
            return Task.FromResult(_pool.Values.Any(t => t.Hash.AsSpan().SequenceEqual(txHash)) ? AnchorTransactionState.Pending : AnchorTransactionState.Unknown);
        }
    }

    public Task<ulong> GetBlockNumberAsync(CancellationToken ct) => Task.FromResult(Head);

    public Task<byte[]?> GetBlockHashAsync(ulong number, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(number < (ulong)_blocks.Count ? _blocks[(int)number].Hash : null);
    }

    public Task<RootAnchoring?> FindRootAsync(byte[] root, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(FindRoot(root));
    }

    /// <summary>Mines the pool's transactions whose nonces follow the account's, in nonce order.</summary>
    public void MineBlock()
    {
        lock (_lock) MineBlockLocked();
    }

    /// <summary>Mines <paramref name="count"/> blocks.</summary>
    public void MineBlocks(int count)
    {
        for (var i = 0; i < count; i++) MineBlock();
    }

    /// <summary>Removes a transaction from the pool, as a node does under pressure.</summary>
    public void Drop(byte[] txHash)
    {
        lock (_lock)
        {
            var nonce = _pool.FirstOrDefault(p => p.Value.Hash.AsSpan().SequenceEqual(txHash)).Key;
            if (_pool.TryGetValue(nonce, out var tx) && tx.Hash.AsSpan().SequenceEqual(txHash)) _pool.Remove(nonce);
        }
    }

    /// <summary>Mines a transaction that reached the network another way (e.g. a copy another node kept), ignoring the pool.</summary>
    public void MineElsewhere(byte[] txHash)
    {
        lock (_lock)
        {
            var tx = _known[txHash];
            _pool[tx.Nonce] = tx;
            MineBlockLocked();
        }
    }

    /// <summary>Another transaction of the operator (not an anchoring) takes <paramref name="nonce"/> and is mined.</summary>
    public void SpendNonce(long nonce)
    {
        lock (_lock)
        {
            var tx = Encode(nonce, BaseFee, RandomNumberGenerator.GetBytes(32), 0);
            _pool[nonce] = tx;
            MineBlockLocked();
        }
    }

    /// <summary>Another operator anchors the root directly (or a transaction from before a crash did).</summary>
    public void AnchorDirectly(byte[] root, int leafCount)
    {
        lock (_lock)
        {
            var tx = Encode(-1, BaseFee, root, leafCount);
            _known[tx.Hash] = tx;
            _blocks.Add(new Block(_blocks.Count, RandomNumberGenerator.GetBytes(32), [(tx, true)]));
        }
    }

    /// <summary>Blocks from <paramref name="fromNumber"/> on are replaced by empty ones with other hashes; their transactions are lost.</summary>
    public void Reorganise(ulong fromNumber)
    {
        lock (_lock)
        {
            var height = _blocks.Count;
            _blocks.RemoveRange((int)fromNumber, _blocks.Count - (int)fromNumber);
            while (_blocks.Count < height) _blocks.Add(new Block(_blocks.Count, RandomNumberGenerator.GetBytes(32), []));
        }
    }

    /// <summary>The block a transaction is in, or null.</summary>
    public long? BlockOf(byte[] txHash)
    {
        lock (_lock) return _blocks.FirstOrDefault(b => b.Transactions.Any(t => t.Tx.Hash.AsSpan().SequenceEqual(txHash)))?.Number;
    }

    /// <summary>The fee a signed transaction offers.</summary>
    public static long FeeOf(byte[] raw) => Parse(raw).Fee;

    private void MineBlockLocked()
    {
        var included = new List<(FakeTx, bool)>();
        var next = MinedNonce();
        while (_pool.Remove(next, out var tx))
        {
            included.Add((tx, FindRoot(tx.Root) is null && !included.Any(i => i.Item2 && i.Item1.Root.AsSpan().SequenceEqual(tx.Root))));
            next++;
        }
        _blocks.Add(new Block(_blocks.Count, RandomNumberGenerator.GetBytes(32), included));
    }

    private long MinedNonce() => _blocks.Sum(b => b.Transactions.Count(t => t.Tx.Nonce >= 0));

    private RootAnchoring? FindRoot(byte[] root)
    {
        foreach (var block in _blocks)
            foreach (var (tx, succeeded) in block.Transactions)
                if (succeeded && tx.Root.AsSpan().SequenceEqual(root))
                    return new RootAnchoring(root, tx.Hash, (ulong)block.Number, block.Hash, DateTimeOffset.FromUnixTimeSeconds(1_764_000_000 + block.Number), (uint)tx.LeafCount);
        return null;
    }

    private static FakeTx Encode(long nonce, long fee, byte[] root, int leafCount)
    {
        var raw = new byte[1 + 8 + 8 + 4 + 32];
        raw[0] = 0x02;
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(1), nonce);
        BinaryPrimitives.WriteInt64BigEndian(raw.AsSpan(9), fee);
        BinaryPrimitives.WriteInt32BigEndian(raw.AsSpan(17), leafCount);
        root.CopyTo(raw, 21);
        return new FakeTx(nonce, fee, root, leafCount, raw, Keccak256.Hash(raw));
    }

    private static FakeTx Parse(byte[] raw) =>
        Encode(BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(1)), BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(9)), raw[21..53], BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(17)));

    private sealed record FakeTx(long Nonce, long Fee, byte[] Root, int LeafCount, byte[] Raw, byte[] Hash);

    private sealed record Block(long Number, byte[] Hash, List<(FakeTx Tx, bool Succeeded)> Transactions);

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => BinaryPrimitives.ReadInt32LittleEndian(obj);
    }
}
