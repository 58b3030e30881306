using Trace.Crypto;

namespace Trace.Chain.Rpc;

/// <summary>An eth_getLogs filter over an inclusive block range; a null topic position matches anything.</summary>
public sealed record LogFilter(ulong FromBlock, ulong ToBlock, IReadOnlyList<EthereumAddress> Addresses, IReadOnlyList<byte[]?>? Topics = null)
{
    internal Dictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object>
        {
            ["fromBlock"] = HexQuantity.Format(FromBlock),
            ["toBlock"] = HexQuantity.Format(ToBlock),
        };
        if (Addresses.Count > 0) json["address"] = Addresses.Select(a => a.ToLowerHex()).ToArray();
        if (Topics is { Count: > 0 }) json["topics"] = Topics.Select(t => t is null ? null : Hex.Encode(t)).ToArray();
        return json;
    }
}
