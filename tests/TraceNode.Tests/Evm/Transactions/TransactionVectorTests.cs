using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Model;
using Nethereum.Signer;
using Trace.Chain.Transactions;
using Trace.Crypto;
using Trace.Tests.Support;

namespace Trace.Node.Tests.Evm.Transactions;

/// <summary>
/// transactions.json (ethers v6): legacy EIP-155 and EIP-1559, plus the worked example in the EIP-155 text, signed through
/// <see cref="TransactionSigner"/> (Nethereum's signers) and decoded with Nethereum, byte for byte.
/// </summary>
public class TransactionVectorTests
{
    public static TheoryData<int> Cases()
    {
        using var doc = VectorFiles.Load("transactions.json");
        var data = new TheoryData<int>();
        for (var i = 0; i < doc.RootElement.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signer_reproduces_ethers_byte_for_byte(int index)
    {
        using var doc = VectorFiles.Load("transactions.json");
        var c = doc.RootElement.GetProperty("cases")[index];
        var tx = ToTransaction(c);
        using var key = EthereumKey.FromHex(c.GetProperty("privateKey").GetString()!);

        var signed = TransactionSigner.Sign(tx, key);

        Assert.Equal(c.GetProperty("signedSerialized").GetString(), signed.RawHex);
        Assert.Equal(c.GetProperty("txHash").GetString(), signed.HashHex);
        Assert.Equal(c.GetProperty("from").GetString(), signed.From.ToString());
        Assert.True(signed.Signature.IsLowS);
        var decoded = TransactionFactory.CreateTransaction(signed.Raw);
        Assert.Equal(c.GetProperty("unsignedSerialized").GetString(), Hex.Encode(decoded.GetRLPEncodedRaw()));
        Assert.Equal(c.GetProperty("signingHash").GetString(), Hex.Encode(decoded.RawHash));
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(decoded.RawHash, signed.Signature));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Nethereum_decodes_the_transaction_and_recovers_the_sender(int index)
    {
        using var doc = VectorFiles.Load("transactions.json");
        var c = doc.RootElement.GetProperty("cases")[index];
        var raw = c.GetProperty("signedSerialized").GetString()!;

        var decoded = TransactionFactory.CreateTransaction(Hex.Decode(raw));

        Assert.Equal(c.GetProperty("txHash").GetString(), Hex.Encode(decoded.Hash));
        Assert.Equal(c.GetProperty("from").GetString()!.ToLowerInvariant(), TransactionVerificationAndRecovery.GetSenderAddress(decoded).ToLowerInvariant());
        Assert.Equal(c.GetProperty("signingHash").GetString(), Hex.Encode(decoded.RawHash));
        Assert.Equal(raw, Hex.Encode(decoded.GetRLPEncoded()));
    }

    [Fact]
    public void EIP155_worked_example_is_reproduced()
    {
        using var doc = VectorFiles.Load("transactions.json");
        var c = doc.RootElement.GetProperty("eip155");
        var tx = new Trace.Chain.Transactions.LegacyTransaction
        {
            ChainId = ulong.Parse(c.GetProperty("chainId").GetString()!, CultureInfo.InvariantCulture),
            Nonce = c.GetProperty("nonce").GetUInt64(),
            GasPrice = Big(c.GetProperty("gasPrice")),
            GasLimit = (ulong)Big(c.GetProperty("gasLimit")),
            To = EthereumAddress.Parse(c.GetProperty("to").GetString()!),
            Value = Big(c.GetProperty("value")),
            Data = Hex.Decode(c.GetProperty("data").GetString()!),
        };
        using var key = EthereumKey.FromHex(c.GetProperty("privateKey").GetString()!);

        var signed = TransactionSigner.Sign(tx, key);

        Assert.Equal(c.GetProperty("signedSerialized").GetString(), signed.RawHex);
        var decoded = TransactionFactory.CreateTransaction(signed.Raw);
        Assert.Equal(c.GetProperty("signingData").GetString(), Hex.Encode(decoded.GetRLPEncodedRaw()));
        Assert.Equal(c.GetProperty("signingHash").GetString(), Hex.Encode(decoded.RawHash));
        Assert.Equal(key.Address.ToString().ToLowerInvariant(), TransactionVerificationAndRecovery.GetSenderAddress(decoded).ToLowerInvariant());
    }

    internal static Trace.Chain.Transactions.Transaction ToTransaction(JsonElement c)
    {
        var chainId = ulong.Parse(c.GetProperty("chainId").GetString()!, CultureInfo.InvariantCulture);
        var to = c.GetProperty("to").GetString() is { } t ? EthereumAddress.Parse(t) : (EthereumAddress?)null;
        var nonce = c.GetProperty("nonce").GetUInt64();
        var gasLimit = (ulong)Big(c.GetProperty("gasLimit"));
        var value = Big(c.GetProperty("value"));
        var data = Hex.Decode(c.GetProperty("data").GetString()!);
        return c.GetProperty("type").GetInt32() switch
        {
            0 => new Trace.Chain.Transactions.LegacyTransaction { ChainId = chainId, Nonce = nonce, GasPrice = Big(c.GetProperty("gasPrice")), GasLimit = gasLimit, To = to, Value = value, Data = data },
            2 => new Eip1559Transaction
            {
                ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = Big(c.GetProperty("maxPriorityFeePerGas")),
                MaxFeePerGas = Big(c.GetProperty("maxFeePerGas")), GasLimit = gasLimit, To = to, Value = value, Data = data,
            },
            var type => throw new NotSupportedException($"vector type {type}"),
        };
    }

    private static BigInteger Big(JsonElement value) => BigInteger.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
