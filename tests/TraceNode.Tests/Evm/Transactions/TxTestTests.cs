using System.Numerics;
using Trace.Crypto;
using Trace.Node.Evm.Encoding;
using Trace.Node.Evm.Transactions;
using Trace.Node.Tests.Support;

namespace Trace.Node.Tests.Evm.Transactions;

/// <summary>ethereum/tests BasicTests/txtest.json: pre-EIP-155 transactions (v = 27/28), one a Frontier-era contract creation with high s.</summary>
public class TxTestTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("ethereum-tests/BasicTests/txtest.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pre_EIP155_transaction_decodes_to_its_fields_and_signer(int index)
    {
        using var doc = VectorFiles.Load("ethereum-tests/BasicTests/txtest.json");
        var c = doc.RootElement[index];
        using var key = EthereumKey.FromHex(c.GetProperty("key").GetString()!);
        var toHex = c.GetProperty("to").GetString()!;
        var tx = new LegacyTransaction
        {
            Nonce = c.GetProperty("nonce").GetUInt64(),
            GasPrice = new BigInteger(c.GetProperty("gasprice").GetUInt64()),
            GasLimit = c.GetProperty("startgas").GetUInt64(),
            To = toHex.Length == 0 ? null : EthereumAddress.Parse("0x" + toHex),
            Value = new BigInteger(c.GetProperty("value").GetUInt64()),
            Data = Hex.Decode(c.GetProperty("data").GetString()!),
        };
        var signedBytes = Hex.Decode(c.GetProperty("signed").GetString()!);

        var items = Rlp.Decode(signedBytes).Items;
        var signature = EcdsaSignature.FromComponents(items[7].Bytes, items[8].Bytes, (byte)(items[6].Bytes.Single() - 27));

        Assert.Equal(Hex.Encode(signedBytes), Hex.Encode(TransactionEncoder.EncodeSigned(tx, signature)));
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(TransactionEncoder.SigningHash(tx), signature, allowHighS: true));
        if (signature.IsLowS)
        {
            var decoded = TransactionDecoder.Decode(signedBytes);
            Assert.Equal(tx, decoded.Transaction with { Data = tx.Data });
            Assert.Equal(tx.Data, decoded.Transaction.Data);
            Assert.Equal(key.Address, decoded.From);
        }
        else
        {
            // Frontier-era signature: Homestead (EIP-2) made high s invalid in transactions.
            var error = Assert.Throws<InvalidSignatureException>(() => TransactionDecoder.Decode(signedBytes));
            Assert.Contains("above n/2", error.Message);
        }
        // The file's "unsigned" form is the 9-field list with empty v, r, s; the signing payload is its first six fields.
        var unsigned = Rlp.Decode(Hex.Decode(c.GetProperty("unsigned").GetString()!));
        Assert.Equal(Rlp.Encode(RlpItem.List([.. unsigned.Items.Take(6)])), TransactionEncoder.EncodeUnsigned(tx));
    }
}
