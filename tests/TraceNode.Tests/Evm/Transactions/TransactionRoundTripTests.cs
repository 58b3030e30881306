using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Evm.Transactions;

namespace Trace.Node.Tests.Evm.Transactions;

public class TransactionRoundTripTests
{
    private static readonly EthereumKey Key = EthereumKey.FromHex("0xac9f3e997eb6898dd38c0959799e0ccf27f998f5ffe6bef260740ac7f8d2c936");

    public static TheoryData<string> Kinds() => ["legacy", "legacy-pre155", "eip2930", "eip1559", "eip1559-access-list", "eip1559-create"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Signed_transaction_decodes_back_to_the_same_fields_hash_and_sender(string kind)
    {
        Transaction tx = Build(kind);

        var signed = TransactionSigner.Sign(tx, Key);
        var decoded = TransactionDecoder.Decode(signed.Raw);

        Assert.Equal(signed.HashHex, decoded.HashHex);
        Assert.Equal(Key.Address, decoded.From);
        Assert.Equal(signed.Signature, decoded.Signature);
        Assert.Equal(Hex.Encode(TransactionEncoder.EncodeUnsigned(tx)), Hex.Encode(TransactionEncoder.EncodeUnsigned(decoded.Transaction)));
        Assert.Equal(tx.Type, decoded.Transaction.Type);
        Assert.Equal(tx.To, decoded.Transaction.To);
    }

    [Fact]
    public void Access_list_entries_survive_the_round_trip()
    {
        var signed = TransactionSigner.Sign(TransactionBuilder.Eip1559(TransactionBuilder.SampleAccessList), Key);
        var decoded = (Eip1559Transaction)TransactionDecoder.Decode(signed.Raw).Transaction;
        Assert.Equal(2, decoded.AccessList.Count);
        Assert.Equal(TransactionBuilder.Recipient, decoded.AccessList[0].Address);
        Assert.Equal(Keccak256.HashUtf8("slot-1"), decoded.AccessList[0].StorageKeys[1]);
        Assert.Empty(decoded.AccessList[1].StorageKeys);
    }

    [Fact]
    public void Decode_with_an_expected_chain_rejects_another_chain()
    {
        var signed = TransactionSigner.Sign(TransactionBuilder.Eip1559(), Key);
        var error = Assert.Throws<InvalidTransactionException>(() => TransactionDecoder.Decode(signed.Raw, 1));
        Assert.Contains("chain 31337, expected chain 1", error.Message);
        Assert.Equal(Key.Address, TransactionDecoder.Decode(signed.Raw, 31337).From);
    }

    [Fact]
    public void Tampered_bytes_recover_a_different_sender()
    {
        var raw = TransactionSigner.Sign(TransactionBuilder.Legacy(), Key).Raw;
        raw[^40] ^= 0x01; // inside r
        Assert.NotEqual(Key.Address, TryFrom(raw));
    }

    [Fact]
    public void Typed_yParity_above_one_is_rejected()
    {
        var signed = TransactionSigner.Sign(TransactionBuilder.Eip1559(), Key);
        var items = Rlp.Decode(signed.Raw.AsSpan(1)).Items.ToArray();
        items[^3] = RlpItem.String([0x02]);
        var raw = (byte[])[0x02, .. Rlp.Encode(RlpItem.List(items))];
        var error = Assert.Throws<InvalidSignatureException>(() => TransactionDecoder.Decode(raw));
        Assert.Contains("yParity", error.Message);
    }

    [Fact]
    public void Encoder_rejects_values_beyond_uint256_and_negative_values()
    {
        Assert.Throws<InvalidTransactionException>(() => TransactionEncoder.EncodeUnsigned(TransactionBuilder.Legacy() with { Value = BigInteger.One << 256 }));
        Assert.Throws<InvalidTransactionException>(() => TransactionEncoder.EncodeUnsigned(TransactionBuilder.Legacy() with { GasPrice = -1 }));
    }

    [Fact]
    public void Storage_keys_must_be_32_bytes() =>
        Assert.Throws<InvalidTransactionException>(() => new AccessListEntry(TransactionBuilder.Recipient, [new byte[31]]));

    [Fact]
    public void ToString_of_a_signed_transaction_leaves_out_the_raw_bytes()
    {
        var signed = TransactionSigner.Sign(TransactionBuilder.Legacy(), Key);
        Assert.DoesNotContain(Hex.Encode(signed.Raw, prefix: false), signed.ToString());
        Assert.Contains(signed.HashHex, signed.ToString());
    }

    [Fact]
    public void Unknown_type_byte_and_empty_input_are_rejected()
    {
        Assert.Contains("0x03", Assert.Throws<InvalidTransactionException>(() => TransactionDecoder.Decode([0x03, 0xc0])).Message);
        Assert.Throws<InvalidTransactionException>(() => TransactionDecoder.Decode([]));
        Assert.Throws<InvalidTransactionException>(() => TransactionDecoder.Decode([0x02]));
    }

    private static EthereumAddress? TryFrom(byte[] raw)
    {
        try
        {
            return TransactionDecoder.Decode(raw).From;
        }
        catch (InvalidSignatureException)
        {
            return null;
        }
    }

    private static Transaction Build(string kind) => kind switch
    {
        "legacy" => TransactionBuilder.Legacy(),
        "legacy-pre155" => TransactionBuilder.Legacy(chainId: null),
        "eip2930" => TransactionBuilder.Eip2930(),
        "eip1559" => TransactionBuilder.Eip1559(),
        "eip1559-access-list" => TransactionBuilder.Eip1559(TransactionBuilder.SampleAccessList),
        "eip1559-create" => TransactionBuilder.Eip1559() with { To = null, Data = Hex.Decode("0x6080604052") },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
