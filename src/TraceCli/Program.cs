using System.CommandLine;
using Trace.Cli.Cli;
using Trace.Cli.Commands;

// trace: the command line for suppliers, carriers, buyers, regulators, the registry admin and the engineer who runs Trace.
var root = new RootCommand("Trace: sign, submit and verify supply-chain carbon evidence. New here? Start a node (bash scripts/start.sh), then run `trace demo`.")
{
    GlobalOptions.Node,
    GlobalOptions.Key,
    GlobalOptions.Json,
    NodeCommand.Create(),
    KeysCommand.Create(),
    LoginCommand.Create(),
    ParticipantsCommand.Create(),
    SubmitCommand.Create(),
    RecordsCommand.Create(),
    SubmitCommand.Lineage("batch", "trace.batch/v1", "Submit a batch record (a product lot: quantity, facility, own emissions)"),
    SubmitCommand.Lineage("transform", "trace.transformation/v1", "Submit a transformation record (inputs consumed, outputs made, process emissions, allocation)"),
    SubmitCommand.Lineage("ship", "trace.shipment/v1", "Submit a shipment record (custody moved, transport legs and their emissions)"),
    LineageCommand.Create(),
    FootprintCommand.Create(),
    ProofCommand.Create(),
    VerifyCommand.Create(),
    GrantCommand.Create(),
    RevokeCommand.Create(),
    AssuranceCommands.Flag(),
    AssuranceCommands.Endorse(),
    AuditCommand.Create(),
    RouteCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
