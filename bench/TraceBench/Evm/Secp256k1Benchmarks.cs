using BenchmarkDotNet.Attributes;
using Trace.Crypto;

namespace Trace.Bench.Evm;

/// <summary>secp256k1 as Trace uses it: sign a digest (RFC 6979), recover the signer's key and address.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class Secp256k1Benchmarks
{
    private EthereumKey _key = null!;
    private byte[] _digest = [];
    private EcdsaSignature _signature;

    [GlobalSetup]
    public void Setup()
    {
        _key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        _digest = Keccak256.HashUtf8("trace benchmark digest");
        _signature = _key.Sign(_digest);
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public EcdsaSignature Sign() => _key.Sign(_digest);

    [Benchmark]
    public byte[] RecoverPublicKey() => Secp256k1.RecoverPublicKey(_digest, _signature);

    [Benchmark]
    public EthereumAddress RecoverAddress() => Secp256k1.RecoverAddress(_digest, _signature);

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new OpsPerSecondColumn());
    }
}
