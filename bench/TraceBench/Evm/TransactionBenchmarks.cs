using System.Numerics;
using BenchmarkDotNet.Attributes;
using Nethereum.Model;
using Nethereum.Signer;
using Trace.Chain.Transactions;
using Trace.Crypto;

namespace Trace.Bench.Evm;

/// <summary>Signing an EIP-1559 anchoring transaction end to end through Nethereum's signer, and decoding one back with Nethereum (with sender recovery).</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TransactionBenchmarks
{
    private EthereumKey _key = null!;
    private Trace.Chain.Transactions.Eip1559Transaction _transaction = null!;
    private byte[] _raw = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = EthereumKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");
        _transaction = new Trace.Chain.Transactions.Eip1559Transaction
        {
            ChainId = 31337,
            Nonce = 17,
            MaxPriorityFeePerGas = 1_000_000_000,
            MaxFeePerGas = 30_000_000_000,
            GasLimit = 150_000,
            To = EthereumAddress.Parse("0x1f80D3b4b9C2d1f062E2e444F7e6f79aF8f1CE3e"),
            Value = BigInteger.Zero,
            // anchorBatch(bytes32 root, uint256 count): a selector and two words, the shape of an anchoring call.
            Data = new byte[4 + 64],
        };
        _raw = TransactionSigner.Sign(_transaction, _key).Raw;
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public Trace.Chain.Transactions.SignedTransaction SignEip1559() => TransactionSigner.Sign(_transaction, _key);

    [Benchmark]
    public string DecodeEip1559() => TransactionVerificationAndRecovery.GetSenderAddress(TransactionFactory.CreateTransaction(_raw));

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new OpsPerSecondColumn());
    }
}
