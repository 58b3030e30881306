using System.CommandLine;

namespace Trace.Cli.Cli;

/// <summary>Options every command takes: which node, which key, and whether to answer in JSON.</summary>
internal static class GlobalOptions
{
    public const string DefaultNode = "http://127.0.0.1:50051";

    public static readonly Option<string> Node = new("--node")
    {
        Description = "gRPC address of the Trace node (env TRACE_NODE; default " + DefaultNode + ")",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRACE_NODE") is { Length: > 0 } node ? node : DefaultNode,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "Name or address of the key in the keystore folder to sign with (env TRACE_KEY, which may also hold a hex private key; default: the only key). Its password comes from TRACE_KEY_PASSWORD or a prompt",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("TRACE_KEY") is { Length: > 0 } key ? key : null,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Answer in JSON on standard output (for scripts); errors as {\"error\":…,\"exitCode\":…}",
        Recursive = true,
    };
}
