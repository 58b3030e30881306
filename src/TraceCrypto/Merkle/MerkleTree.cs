using System.Buffers;
using System.Buffers.Binary;

namespace Trace.Crypto.Merkle;

/// <summary>
/// An OpenZeppelin StandardMerkleTree-compatible tree held in one flat array: leaves sorted by hash and placed from the
/// end (tree[len-1-i]), node i = hashPair(tree[2i+1], tree[2i+2]), root at tree[0]. Roots and proofs match
/// @openzeppelin/merkle-tree byte for byte.
/// </summary>
public sealed class MerkleTree
{
    private const int H = MerkleProof.HashSize;
    private readonly byte[] _nodes;
    private readonly int[] _treeIndexOf;

    private MerkleTree(byte[] nodes, int[] treeIndexOf)
    {
        _nodes = nodes;
        _treeIndexOf = treeIndexOf;
    }

    /// <summary>Number of leaves.</summary>
    public int Count => _treeIndexOf.Length;

    /// <summary>The root (tree[0]).</summary>
    public ReadOnlySpan<byte> Root => _nodes.AsSpan(0, H);

    /// <summary>
    /// Trace's fast path: a tree over 32-byte claim digests, concatenated in <paramref name="digests"/>, with leaves
    /// keccak256(keccak256(digest)) — StandardMerkleTree.of(values, ["bytes32"]).
    /// </summary>
    public static MerkleTree FromClaimDigests(ReadOnlySpan<byte> digests)
    {
        if (digests.Length % H != 0) throw new ArgumentException($"digests must be a multiple of 32 bytes, got {digests.Length}", nameof(digests));
        var count = digests.Length / H;
        var leaves = ArrayPool<byte>.Shared.Rent(count * H);
        try
        {
            digests.CopyTo(leaves);
            ForChunks(0, count, (from, to) =>
            {
                Span<byte> inner = stackalloc byte[H];
                for (var i = from; i < to; i++)
                {
                    KeccakSingleBlock.Hash(leaves.AsSpan(i * H, H), inner);
                    KeccakSingleBlock.Hash(inner, leaves.AsSpan(i * H, H));
                }
            });
            return FromLeafHashes(leaves.AsSpan(0, count * H));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(leaves);
        }
    }

    /// <summary>The fast path over a list of 32-byte claim digests.</summary>
    public static MerkleTree FromClaimDigests(IReadOnlyList<byte[]> digests)
    {
        var flat = new byte[digests.Count * H];
        for (var i = 0; i < digests.Count; i++)
        {
            if (digests[i].Length != H) throw new ArgumentException($"digest {i} is {digests[i].Length} bytes, not 32", nameof(digests));
            digests[i].CopyTo(flat, i * H);
        }
        return FromClaimDigests(flat);
    }

    /// <summary>A tree over already-hashed leaves (concatenated 32-byte hashes), in value order.</summary>
    public static MerkleTree FromLeafHashes(ReadOnlySpan<byte> leafHashes)
    {
        if (leafHashes.Length % H != 0) throw new ArgumentException("leaf hashes must be a multiple of 32 bytes", nameof(leafHashes));
        var count = leafHashes.Length / H;
        if (count == 0) throw new ArgumentException("a Merkle tree needs at least one leaf", nameof(leafHashes));

        var keys = ArrayPool<LeafKey>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++) keys[i] = new LeafKey(leafHashes.Slice(i * H, H), i);
            Array.Sort(keys, 0, count);

            var length = 2 * count - 1;
            var nodes = GC.AllocateUninitializedArray<byte>(length * H);
            var treeIndexOf = new int[count];
            for (var i = 0; i < count; i++)
            {
                var treeIndex = length - 1 - i;
                leafHashes.Slice(keys[i].Index * H, H).CopyTo(nodes.AsSpan(treeIndex * H, H));
                treeIndexOf[keys[i].Index] = treeIndex;
            }
            // Internal nodes 0..count-2, one depth at a time from the deepest: nodes of one depth only read the depth
            // below, so each depth can be hashed in parallel.
            for (var depth = 31 - int.LeadingZeroCount(count - 1); count > 1 && depth >= 0; depth--)
            {
                var first = (1 << depth) - 1;
                var last = Math.Min((2 << depth) - 2, count - 2);
                ForChunks(first, last + 1, (from, to) =>
                {
                    for (var i = from; i < to; i++)
                        MerkleProof.HashPair(nodes.AsSpan((2 * i + 1) * H, H), nodes.AsSpan((2 * i + 2) * H, H), nodes.AsSpan(i * H, H));
                });
            }
            return new MerkleTree(nodes, treeIndexOf);
        }
        finally
        {
            ArrayPool<LeafKey>.Shared.Return(keys);
        }
    }

    // Big batches spread hashing over the cores; small ones stay on the calling thread.
    private static void ForChunks(int from, int to, Action<int, int> body)
    {
        const int chunk = 4096;
        var chunks = (to - from + chunk - 1) / chunk;
        if (chunks <= 1 || Environment.ProcessorCount == 1)
        {
            body(from, to);
            return;
        }
        Parallel.For(0, chunks, c => body(from + c * chunk, Math.Min(to, from + (c + 1) * chunk)));
    }

    /// <summary>The leaf hash of the value at <paramref name="index"/> (in input order).</summary>
    public ReadOnlySpan<byte> LeafHash(int index) => Node(TreeIndex(index));

    /// <summary>The proof for the value at <paramref name="index"/> (in input order), leaf to root, as OZ getProof.</summary>
    public byte[][] GetProof(int index)
    {
        var treeIndex = TreeIndex(index);
        var depth = 0;
        for (var i = treeIndex; i > 0; i = (i - 1) / 2) depth++;
        var proof = new byte[depth][];
        for (int i = treeIndex, k = 0; i > 0; i = (i - 1) / 2, k++)
            proof[k] = Node((i & 1) == 1 ? i + 1 : i - 1).ToArray();
        return proof;
    }

    /// <summary>keccak256(keccak256(digest)): the leaf of a 32-byte claim digest.</summary>
    public static byte[] LeafHashOfDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != H) throw new ArgumentException($"a claim digest is 32 bytes, got {digest.Length}", nameof(digest));
        var result = new byte[H];
        KeccakSingleBlock.Hash(digest, result);
        KeccakSingleBlock.Hash(result, result);
        return result;
    }

    private int TreeIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _treeIndexOf[index];
    }

    private ReadOnlySpan<byte> Node(int treeIndex) => _nodes.AsSpan(treeIndex * H, H);

    /// <summary>A leaf hash as four big-endian words (so comparison is byte order) plus its input index for stable ties.</summary>
    private readonly struct LeafKey(ReadOnlySpan<byte> hash, int index) : IComparable<LeafKey>
    {
        private readonly ulong _a = BinaryPrimitives.ReadUInt64BigEndian(hash);
        private readonly ulong _b = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        private readonly ulong _c = BinaryPrimitives.ReadUInt64BigEndian(hash[16..]);
        private readonly ulong _d = BinaryPrimitives.ReadUInt64BigEndian(hash[24..]);
        public int Index { get; } = index;

        public int CompareTo(LeafKey other)
        {
            var c = _a.CompareTo(other._a);
            if (c == 0) c = _b.CompareTo(other._b);
            if (c == 0) c = _c.CompareTo(other._c);
            if (c == 0) c = _d.CompareTo(other._d);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
