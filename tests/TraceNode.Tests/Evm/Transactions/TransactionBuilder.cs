using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Transactions;

namespace Trace.Node.Tests.Evm.Transactions;

/// <summary>Ready-made transactions for tests (Nethermind's Build.A.Transaction habit).</summary>
internal static class TransactionBuilder
{
    public static readonly EthereumAddress Recipient = EthereumAddress.Parse("0x1f80D3b4b9C2d1f062E2e444F7e6f79aF8f1CE3e");

    public static IReadOnlyList<AccessListEntry> SampleAccessList =>
    [
        new(Recipient, [Keccak256.HashUtf8("slot-0"), Keccak256.HashUtf8("slot-1")]),
        new(EthereumAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), []),
    ];

    public static Eip1559Transaction Eip1559(IReadOnlyList<AccessListEntry>? accessList = null) => new()
    {
        ChainId = 31337,
        Nonce = 42,
        MaxPriorityFeePerGas = 1_000_000_000,
        MaxFeePerGas = 3_000_000_000,
        GasLimit = 120_000,
        To = Recipient,
        Value = BigInteger.Parse("1000000000000000000", System.Globalization.CultureInfo.InvariantCulture),
        Data = Hex.Decode("0xa9059cbb000000000000000000000000000000000000000000000000000000000000002a"),
        AccessList = accessList ?? [],
    };

    public static Eip2930Transaction Eip2930() => new()
    {
        ChainId = 1,
        Nonce = 7,
        GasPrice = 20_000_000_000,
        GasLimit = 60_000,
        To = Recipient,
        Value = 5,
        Data = [0x01, 0x02],
        AccessList = SampleAccessList,
    };

    public static LegacyTransaction Legacy(ulong? chainId = 1) => new()
    {
        ChainId = chainId,
        Nonce = 0,
        GasPrice = 1_000_000_000,
        GasLimit = 21_000,
        To = Recipient,
        Value = 1,
    };
}
