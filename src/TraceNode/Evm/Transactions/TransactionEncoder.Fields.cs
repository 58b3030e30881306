using System.Numerics;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Evm.Transactions;

public static partial class TransactionEncoder
{
    private static readonly BigInteger UInt256Limit = BigInteger.One << 256;

    // A 32-byte storage key encodes as 0xa0 followed by the key.
    private const int StorageKeyLength = 33;

    // Field order per type. Legacy: nonce, gasPrice, gasLimit, to, value, data.
    // Type 1: chainId, nonce, gasPrice, gasLimit, to, value, data, accessList.
    // Type 2: chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList.
    private static int ContentLength(Transaction tx)
    {
        var common = Rlp.LengthOf(tx.Nonce) + Rlp.LengthOf(tx.GasLimit) + Rlp.LengthOfBytes(ToBytes(tx.To))
            + Rlp.LengthOf(tx.Value) + Rlp.LengthOfBytes(tx.Data);
        return tx switch
        {
            LegacyTransaction legacy => common + Rlp.LengthOf(legacy.GasPrice),
            Eip2930Transaction t1 => common + Rlp.LengthOf(t1.ChainId) + Rlp.LengthOf(t1.GasPrice) + Rlp.LengthOfList(AccessListContentLength(t1.AccessList)),
            Eip1559Transaction t2 => common + Rlp.LengthOf(t2.ChainId) + Rlp.LengthOf(t2.MaxPriorityFeePerGas) + Rlp.LengthOf(t2.MaxFeePerGas)
                + Rlp.LengthOfList(AccessListContentLength(t2.AccessList)),
            _ => throw new InvalidTransactionException($"unsupported transaction record {tx.GetType().Name}"),
        };
    }

    private static void WriteContent(ref RlpWriter writer, Transaction tx)
    {
        switch (tx)
        {
            case LegacyTransaction legacy:
                writer.WriteUInt(legacy.Nonce);
                writer.WriteUInt(legacy.GasPrice);
                writer.WriteUInt(legacy.GasLimit);
                break;
            case Eip2930Transaction t1:
                writer.WriteUInt(t1.ChainId);
                writer.WriteUInt(t1.Nonce);
                writer.WriteUInt(t1.GasPrice);
                writer.WriteUInt(t1.GasLimit);
                break;
            case Eip1559Transaction t2:
                writer.WriteUInt(t2.ChainId);
                writer.WriteUInt(t2.Nonce);
                writer.WriteUInt(t2.MaxPriorityFeePerGas);
                writer.WriteUInt(t2.MaxFeePerGas);
                writer.WriteUInt(t2.GasLimit);
                break;
        }
        writer.WriteBytes(ToBytes(tx.To));
        writer.WriteUInt(tx.Value);
        writer.WriteBytes(tx.Data);
        switch (tx)
        {
            case Eip2930Transaction t1: WriteAccessList(ref writer, t1.AccessList); break;
            case Eip1559Transaction t2: WriteAccessList(ref writer, t2.AccessList); break;
        }
    }

    private static int AccessListContentLength(IReadOnlyList<AccessListEntry> accessList)
    {
        var total = 0;
        foreach (var entry in accessList) total += Rlp.LengthOfList(EntryContentLength(entry));
        return total;
    }

    private static int EntryContentLength(AccessListEntry entry) =>
        Rlp.LengthOfBytes(entry.Address.Bytes) + Rlp.LengthOfList(entry.StorageKeys.Count * StorageKeyLength);

    private static void WriteAccessList(ref RlpWriter writer, IReadOnlyList<AccessListEntry> accessList)
    {
        writer.WriteListHeader(AccessListContentLength(accessList));
        foreach (var entry in accessList)
        {
            writer.WriteListHeader(EntryContentLength(entry));
            writer.WriteBytes(entry.Address.Bytes);
            writer.WriteListHeader(entry.StorageKeys.Count * StorageKeyLength);
            foreach (var key in entry.StorageKeys) writer.WriteBytes(key);
        }
    }

    private static void Validate(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        if (tx.Data is null) throw new InvalidTransactionException("data must not be null (use an empty array)");
        CheckUInt256(tx.Value, "value");
        switch (tx)
        {
            case LegacyTransaction legacy:
                CheckUInt256(legacy.GasPrice, "gasPrice");
                if (legacy.ChainId == 0) throw new InvalidTransactionException("EIP-155 chain id must be positive (use null for a pre-EIP-155 transaction)");
                break;
            case Eip2930Transaction t1: CheckUInt256(t1.GasPrice, "gasPrice"); break;
            case Eip1559Transaction t2:
                CheckUInt256(t2.MaxPriorityFeePerGas, "maxPriorityFeePerGas");
                CheckUInt256(t2.MaxFeePerGas, "maxFeePerGas");
                break;
        }
    }

    internal static void CheckUInt256(BigInteger value, string field)
    {
        if (value.Sign < 0) throw new InvalidTransactionException($"{field} must not be negative");
        if (value >= UInt256Limit) throw new InvalidTransactionException($"{field} exceeds 256 bits");
    }
}
