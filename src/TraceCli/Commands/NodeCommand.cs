using System.CommandLine;
using Spectre.Console;
using Trace.Cli.Cli;

namespace Trace.Cli.Commands;

/// <summary><c>trace node info</c>: the node's chain, contracts, RPC URL, operator and health.</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var info = new Command("info", "The node's chain, contracts, RPC URL (what `trace verify --rpc` takes), operator and health");
        Run.Action(info, async (s, ct) =>
        {
            var client = await s.ClientAsync(ct);
            var node = client.Info;
            if (s.Json)
            {
                var json = Session.ToJson(node).AsObject();
                json["node"] = s.NodeUrl.ToString();
                json["health"] = "answering";
                Session.WriteJson(json);
                return ExitCodes.Ok;
            }
            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("node", Ui.Safe(s.NodeUrl.ToString()) + " [green](answering)[/]");
            table.AddRow("version", Ui.Safe(node.Version));
            table.AddRow("chain", $"{node.ChainId} ({Ui.Safe(node.ChainMode)}), block {node.BlockNumber}");
            table.AddRow("RPC URL", Ui.Safe(node.RpcUrl));
            table.AddRow("operator", Ui.Safe(node.Operator));
            table.AddRow("pending records", node.PendingRecords.ToString());
            foreach (var (name, address) in node.Contracts.OrderBy(c => c.Key, StringComparer.Ordinal)) table.AddRow(Ui.Safe(name), Ui.Safe(address));
            s.Console.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("node", "The Trace node you talk to") { info };
    }
}
