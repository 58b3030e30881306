using System.Numerics;
using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>The transaction-like object of eth_call and eth_estimateGas.</summary>
public sealed record CallRequest(EthereumAddress? To, byte[] Data, EthereumAddress? From = null, BigInteger? Value = null, ulong? Gas = null)
{
    /// <summary>The JSON shape nodes expect (hex strings, absent members omitted).</summary>
    internal Dictionary<string, string> ToJson()
    {
        var json = new Dictionary<string, string> { ["input"] = Hex.Encode(Data) };
        if (To is { } to) json["to"] = to.ToLowerHex();
        if (From is { } from) json["from"] = from.ToLowerHex();
        if (Value is { } value) json["value"] = HexQuantity.Format(value);
        if (Gas is { } gas) json["gas"] = HexQuantity.Format(gas);
        return json;
    }
}
