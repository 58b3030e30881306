using BenchmarkDotNet.Attributes;
using Trace.Crypto;
using Trace.Crypto.Merkle;

namespace Trace.Bench.Abi;

/// <summary>
/// The Merkle fast path one hash at a time: a node pair (64 bytes, one Keccak block) and a leaf (keccak of keccak of a
/// 32-byte digest), beside the general Keccak-256 of the same 64 bytes.
/// </summary>
[MemoryDiagnoser]
public class MerkleHashPairBenchmarks
{
    private readonly byte[] _a = Keccak256.HashUtf8("left");
    private readonly byte[] _b = Keccak256.HashUtf8("right");
    private readonly byte[] _pair = [.. Keccak256.HashUtf8("left"), .. Keccak256.HashUtf8("right")];
    private readonly byte[] _digest = new byte[32];

    [Benchmark(Baseline = true)]
    public void HashPair() => MerkleProof.HashPair(_a, _b, _digest);

    [Benchmark]
    public byte[] LeafHashOfDigest() => MerkleTree.LeafHashOfDigest(_a);

    [Benchmark]
    public void GeneralKeccakOf64Bytes() => Keccak256.Hash(_pair, _digest);
}
