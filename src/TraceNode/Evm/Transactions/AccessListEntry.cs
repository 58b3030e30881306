using Trace.Crypto;

namespace Trace.Node.Evm.Transactions;

/// <summary>One EIP-2930 access-list entry: an address and the 32-byte storage keys the transaction pre-declares.</summary>
public sealed record AccessListEntry
{
    public AccessListEntry(EthereumAddress address, IReadOnlyList<byte[]> storageKeys)
    {
        foreach (var key in storageKeys)
        {
            if (key.Length != 32) throw new InvalidTransactionException($"access-list storage key must be 32 bytes, got {key.Length}");
        }
        Address = address;
        StorageKeys = storageKeys;
    }

    /// <summary>The contract whose storage is accessed.</summary>
    public EthereumAddress Address { get; }

    /// <summary>32-byte storage slots.</summary>
    public IReadOnlyList<byte[]> StorageKeys { get; }
}
