using BenchmarkDotNet.Attributes;
using Trace.Crypto;

namespace Trace.Bench.Evm;

/// <summary>keccak-256 throughput on 1 KiB and 1 MiB inputs (SHA-256 beside it for scale).</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class KeccakBenchmarks
{
    private byte[] _data = [];
    private readonly byte[] _digest = new byte[32];

    [Params(1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(42).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    public void Keccak256() => Trace.Crypto.Keccak256.Hash(_data, _digest);

    /// <summary>The previous implementation, kept here to show what the own sponge gains.</summary>
    [Benchmark]
    public void BouncyCastleKeccak256()
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
        digest.BlockUpdate(_data);
        digest.DoFinal(_digest);
    }

    [Benchmark]
    public void Sha256() => Sha256Hash.Hash(_data, _digest);

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(), new OpsPerSecondColumn());
    }
}
