using BenchmarkDotNet.Attributes;
using Trace.Crypto;
using Trace.Crypto.Merkle;

namespace Trace.Bench.Abi;

/// <summary>Builds Trace's claim-digest Merkle tree (OZ StandardMerkleTree layout) at batch sizes we anchor.</summary>
[MemoryDiagnoser]
public class MerkleTreeBenchmarks
{
    private byte[] _digests = [];
    private MerkleTree _tree = null!;

    [Params(4_096, 100_000)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _digests = new byte[Leaves * 32];
        for (var i = 0; i < Leaves; i++) Keccak256.HashUtf8($"claim-{i}").CopyTo(_digests, i * 32);
        _tree = MerkleTree.FromClaimDigests(_digests);
    }

    [Benchmark]
    public MerkleTree Build() => MerkleTree.FromClaimDigests(_digests);

    [Benchmark]
    public byte[][] ProofOfLastLeaf() => _tree.GetProof(Leaves - 1);
}
