using System.Numerics;
using BenchmarkDotNet.Attributes;
using Trace.Crypto;
using Trace.Node.Evm.Abi;

namespace Trace.Bench.Abi;

/// <summary>Encodes and decodes a typical anchorBatch-sized call and a dynamic array.</summary>
[MemoryDiagnoser]
public class AbiCodecBenchmarks
{
    private readonly AbiFunction _anchor = AbiFunction.FromSignature("anchorBatch(bytes32,uint32,string)");
    private readonly AbiType[] _types = [AbiType.Parse("uint64"), AbiType.Parse("string"), AbiType.Parse("bytes32[]")];
    private object?[] _values = [];
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _values = [new BigInteger(7), "trace://batch/1", Enumerable.Range(0, 64).Select(i => (object?)Keccak256.HashUtf8($"c{i}")).ToArray()];
        _encoded = AbiEncoder.Encode(_types, _values);
    }

    [Benchmark]
    public byte[] EncodeAnchorCall() => _anchor.EncodeCall(new byte[32], 1024, "trace://batch/1");

    [Benchmark]
    public byte[] EncodeWithArray() => AbiEncoder.Encode(_types, _values);

    [Benchmark]
    public object?[] DecodeWithArray() => AbiDecoder.Decode(_types, _encoded);
}
