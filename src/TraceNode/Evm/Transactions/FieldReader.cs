using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Evm.Transactions;

/// <summary>Reads transaction fields in order with messages that name the field that is wrong.</summary>
internal ref struct FieldReader(RlpReader list, string what, int expectedCount)
{
    private RlpReader _list = list;
    private int _index;

    public ulong UInt64(string field)
    {
        var bytes = Next(field);
        Rlp.EnsureNoLeadingZero(bytes);
        if (bytes.Length > sizeof(ulong)) throw new InvalidTransactionException($"{what} {field} exceeds 64 bits");
        return Rlp.DecodeUInt64(bytes);
    }

    public BigInteger UInt256(string field)
    {
        var bytes = Next(field);
        Rlp.EnsureNoLeadingZero(bytes);
        if (bytes.Length > 32) throw new InvalidTransactionException($"{what} {field} exceeds 256 bits");
        return Rlp.DecodeBigInteger(bytes);
    }

    /// <summary>An integer of any width (legacy v carries the chain id), still without leading zeros.</summary>
    public BigInteger Integer(string field)
    {
        var bytes = Next(field);
        Rlp.EnsureNoLeadingZero(bytes);
        if (bytes.Length > 32) throw new InvalidTransactionException($"{what} {field} exceeds 256 bits");
        return Rlp.DecodeBigInteger(bytes);
    }

    public ReadOnlySpan<byte> SignatureScalar(string field)
    {
        var bytes = Next(field);
        Rlp.EnsureNoLeadingZero(bytes);
        if (bytes.Length > 32) throw new InvalidSignatureException($"signature {field} is {bytes.Length} bytes, more than 32");
        return bytes;
    }

    public byte[] Bytes(string field) => Next(field).ToArray();

    public EthereumAddress? To()
    {
        var bytes = Next("to");
        return bytes.Length switch
        {
            0 => null,
            EthereumAddress.Size => EthereumAddress.FromBytes(bytes),
            _ => throw new InvalidTransactionException($"{what} to must be 20 bytes (or empty for contract creation), got {bytes.Length}"),
        };
    }

    public IReadOnlyList<AccessListEntry> AccessList()
    {
        Advance("accessList");
        if (!_list.NextIsList) throw new InvalidTransactionException($"{what} accessList must be a list");
        var entries = new List<AccessListEntry>();
        var items = _list.ReadList();
        while (!items.IsAtEnd)
        {
            if (!items.NextIsList) throw new InvalidTransactionException("access-list entry must be a list [address, storageKeys]");
            var entry = items.ReadList();
            if (entry.IsAtEnd || entry.NextIsList) throw new InvalidTransactionException("access-list entry must start with an address");
            var address = entry.ReadBytes();
            if (address.Length != EthereumAddress.Size) throw new InvalidTransactionException($"access-list address must be 20 bytes, got {address.Length}");
            if (entry.IsAtEnd || !entry.NextIsList) throw new InvalidTransactionException("access-list entry must have a storage-key list");
            var keysReader = entry.ReadList();
            if (!entry.IsAtEnd) throw new InvalidTransactionException("access-list entry has more than two items");
            var keys = new List<byte[]>();
            while (!keysReader.IsAtEnd)
            {
                if (keysReader.NextIsList) throw new InvalidTransactionException("access-list storage key must be a byte string");
                var key = keysReader.ReadBytes();
                if (key.Length != 32) throw new InvalidTransactionException($"access-list storage key must be 32 bytes, got {key.Length}");
                keys.Add(key.ToArray());
            }
            entries.Add(new AccessListEntry(EthereumAddress.FromBytes(address), keys));
        }
        return entries;
    }

    public readonly void EnsureEnd()
    {
        if (!_list.IsAtEnd) throw new InvalidTransactionException($"{what} has more than {expectedCount} fields");
    }

    private ReadOnlySpan<byte> Next(string field)
    {
        Advance(field);
        if (_list.NextIsList) throw new InvalidTransactionException($"{what} {field} must be a byte string, not a list");
        return _list.ReadBytes();
    }

    private void Advance(string field)
    {
        if (_list.IsAtEnd) throw new InvalidTransactionException($"{what} has only {_index} fields, expected {expectedCount} (missing {field})");
        _index++;
    }
}
