using System.CommandLine;
using Trace.Cli.Commands;

// trace: the command line for buyers, regulators and the engineer who runs Trace.
var root = new RootCommand("Trace: verify supply-chain carbon evidence against the chain, audit a node's index")
{
    VerifyCommand.Create(),
    AuditCommand.Create(),
    RouteCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
