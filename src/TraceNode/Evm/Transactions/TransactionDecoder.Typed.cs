using Trace.Crypto;
using Trace.Node.Evm.Encoding;

namespace Trace.Node.Evm.Transactions;

public static partial class TransactionDecoder
{
    private static (Transaction, EcdsaSignature) DecodeTyped(TransactionType type, ReadOnlySpan<byte> payload)
    {
        var outer = new RlpReader(payload);
        if (outer.IsAtEnd) throw new InvalidTransactionException($"type {(byte)type} transaction has no payload");
        if (!outer.NextIsList) throw new InvalidTransactionException($"type {(byte)type} transaction payload must be an RLP list");
        var fields = outer.ReadList();
        outer.EnsureEnd();
        var name = type == TransactionType.AccessList ? "EIP-2930 transaction" : "EIP-1559 transaction";
        var reader = new FieldReader(fields, name, type == TransactionType.AccessList ? 11 : 12);
        var chainId = reader.UInt64("chainId");
        var nonce = reader.UInt64("nonce");
        Transaction tx;
        if (type == TransactionType.AccessList)
        {
            var gasPrice = reader.UInt256("gasPrice");
            var gasLimit = reader.UInt64("gasLimit");
            var to = reader.To();
            var value = reader.UInt256("value");
            var data = reader.Bytes("data");
            var accessList = reader.AccessList();
            CheckGasCost(gasLimit, gasPrice, "gasPrice");
            tx = new Eip2930Transaction { ChainId = chainId, Nonce = nonce, GasPrice = gasPrice, GasLimit = gasLimit, To = to, Value = value, Data = data, AccessList = accessList };
        }
        else
        {
            var tip = reader.UInt256("maxPriorityFeePerGas");
            var feeCap = reader.UInt256("maxFeePerGas");
            var gasLimit = reader.UInt64("gasLimit");
            var to = reader.To();
            var value = reader.UInt256("value");
            var data = reader.Bytes("data");
            var accessList = reader.AccessList();
            if (tip > feeCap) throw new InvalidTransactionException("maxPriorityFeePerGas exceeds maxFeePerGas");
            CheckGasCost(gasLimit, feeCap, "maxFeePerGas");
            tx = new Eip1559Transaction
            {
                ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = tip, MaxFeePerGas = feeCap,
                GasLimit = gasLimit, To = to, Value = value, Data = data, AccessList = accessList,
            };
        }
        var yParity = reader.Integer("yParity");
        if (yParity > 1) throw new InvalidSignatureException($"yParity must be 0 or 1, got {yParity}");
        var r = reader.SignatureScalar("r");
        var s = reader.SignatureScalar("s");
        reader.EnsureEnd();
        return (tx, EcdsaSignature.FromComponents(r, s, (byte)yParity));
    }
}
