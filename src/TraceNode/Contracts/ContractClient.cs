using System.Text.Json;
using Trace.Crypto;
using Trace.Node.Evm.Abi;
using Trace.Node.Evm.Accounts;
using Trace.Node.Evm.Rpc;

namespace Trace.Node.Contracts;

/// <summary>
/// Calls and transacts with one deployed contract through its ABI: views via eth_call, state changes
/// through a <see cref="TransactionSender"/>, reverts decoded into <see cref="ContractCallException"/>.
/// </summary>
public class ContractClient(string name, ContractAbi abi, EthereumAddress address, EthRpc eth, TransactionSender? sender = null)
{
    public string Name { get; } = name;
    public ContractAbi Abi { get; } = abi;
    public EthereumAddress Address { get; } = address;
    public EthRpc Eth { get; } = eth;

    /// <summary>The sender used for transactions; null for a read-only client.</summary>
    public TransactionSender? Sender { get; } = sender;

    /// <summary>Runs a view (or simulates any function) and returns its decoded outputs.</summary>
    public async Task<object?[]> CallAsync(string function, object?[] args, EthereumAddress? from = null, BlockTag? block = null, CancellationToken ct = default)
    {
        var abiFunction = Abi.Function(function);
        var data = abiFunction.EncodeCall(args);
        try
        {
            var output = await Eth.CallAsync(new CallRequest(Address, data, from ?? Sender?.Address), block, ct).ConfigureAwait(false);
            return abiFunction.DecodeOutput(output);
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, abiFunction.Name, Abi.DecodeRevert(revert));
        }
    }

    /// <summary>Returns the single output of a view, cast to <typeparamref name="T"/>.</summary>
    public async Task<T> CallAsync<T>(string function, params object?[] args) => (T)(await CallAsync(function, args).ConfigureAwait(false))[0]!;

    /// <summary>Sends a state-changing call and waits for its receipt; a revert (at estimation or mining) throws with the decoded error.</summary>
    public async Task<ContractReceipt> SendAsync(string function, object?[] args, int confirmations = 1, ulong? gasLimit = null, CancellationToken ct = default)
    {
        var sender = Sender ?? throw new InvalidOperationException($"{Name} client is read-only: it has no transaction sender");
        var abiFunction = Abi.Function(function);
        var data = abiFunction.EncodeCall(args);
        try
        {
            var receipt = await sender.SendAndWaitAsync(new TransactionRequest(Address, data, GasLimit: gasLimit), confirmations, ct).ConfigureAwait(false);
            return new ContractReceipt(receipt, DecodeEvents(receipt.Logs));
        }
        catch (RpcException ex) when (RevertData(ex) is { } revert)
        {
            throw new ContractCallException(Name, abiFunction.Name, Abi.DecodeRevert(revert));
        }
        catch (TransactionFailedException failed)
        {
            // Mined and reverted (gas limit given, so no estimation caught it): replay at that block for the reason.
            if (await ReplayRevertAsync(abiFunction, data, sender, gasLimit, failed.Receipt, ct).ConfigureAwait(false) is { } reverted) throw reverted;
            throw;
        }
    }

    /// <summary>
    /// The decoded revert of a mined failure, replayed with eth_call on the parent block's state (exactly what the
    /// transaction ran on when it was first in its block) and the same gas limit, so an out-of-gas failure replays
    /// as one. Null when the replay gives no revert data (out of gas, a node that cannot serve old state): the caller
    /// keeps the original failure.
    /// </summary>
    private async Task<ContractCallException?> ReplayRevertAsync(AbiFunction function, byte[] data, TransactionSender sender, ulong? gasLimit,
        TransactionReceipt receipt, CancellationToken ct)
    {
        try
        {
            await Eth.CallAsync(new CallRequest(Address, data, sender.Address, Gas: gasLimit), BlockTag.Number(receipt.BlockNumber - 1), ct).ConfigureAwait(false);
            return null;
        }
        catch (RpcException ex)
        {
            return RevertData(ex) is { } revert ? new ContractCallException(Name, function.Name, Abi.DecodeRevert(revert), receipt) : null;
        }
    }

    /// <summary>Decodes the logs this contract emitted; logs of other contracts or unknown events are skipped.</summary>
    public IReadOnlyList<ContractEvent> DecodeEvents(IEnumerable<LogEntry> logs)
    {
        var events = new List<ContractEvent>();
        foreach (var log in logs)
        {
            if (log.Address != Address || log.Topics.Count == 0) continue;
            if (Abi.EventByTopic(log.Topics[0]) is not { } abiEvent) continue;
            events.Add(new ContractEvent(abiEvent.Name, abiEvent.DecodeLog(log.Topics, log.Data), log));
        }
        return events;
    }

    /// <summary>
    /// The revert bytes a node puts in an error's data (code 3 "execution reverted"), if any: a 0x string
    /// (geth, anvil, Besu, Nethermind) or an object whose "data" member is one (Hardhat, some providers).
    /// </summary>
    internal static byte[]? RevertData(RpcException ex)
    {
        if (ex.IsTransient || ex.Data is not { Length: >= 2 } data) return null;
        var text = data.Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                if (!json.RootElement.TryGetProperty("data", out var inner) || inner.ValueKind != JsonValueKind.String) return null;
                text = inner.GetString()!;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        text = text.Trim('"');
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(text, out var bytes) ? bytes : null;
    }
}
