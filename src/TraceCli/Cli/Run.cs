using System.CommandLine;
using System.Text.Json.Nodes;
using Grpc.Core;
using Spectre.Console;
using Trace.Chain.Keystore;
using Trace.Chain.Rpc;
using Trace.Client;
using Trace.Client.Verification;
using Trace.Domain;

namespace Trace.Cli.Cli;

/// <summary>Runs a command's body in a <see cref="Session"/> and turns every failure into its message and exit code (docs/cli.md).</summary>
internal static class Run
{
    public static void Action(Command command, Func<Session, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, ct) => InvokeAsync(parse, body, ct));

    private static async Task<int> InvokeAsync(ParseResult parse, Func<Session, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        await using var session = new Session(parse);
        try
        {
            return await body(session, ct);
        }
        catch (Exception ex) when (Classify(ex) is { } failure)
        {
            if (session.Json) Session.WriteJson(new JsonObject { ["error"] = failure.Message, ["exitCode"] = failure.Code });
            else session.Console.MarkupLine(Ui.Format($"[red]error:[/] {failure.Message}"));
            return failure.Code;
        }
    }

    private static (int Code, string Message)? Classify(Exception ex) => ex switch
    {
        CliException e => (e.ExitCode, e.Message),
        TraceNodeUnavailableException e => (ExitCodes.Unreachable, $"cannot reach the node: {e.Message}"),
        TraceInvalidInputException e => (ExitCodes.BadInput, $"the node refused the input: {e.Message}"),
        TraceRecordNotFoundException e => (ExitCodes.NotFound, e.Message),
        TraceIssuerNotPermittedException e => (ExitCodes.Refused, e.Message),
        TraceRecordNotReadyException e => (ExitCodes.NotReady, e.Message),
        TraceClientException { StatusCode: StatusCode.Unauthenticated } e => (ExitCodes.Refused, e.Message),
        TraceClientException e => (ExitCodes.NotReady, $"{e.StatusCode}: {e.Message}"),
        Grpc.Core.RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded } e => (ExitCodes.Unreachable, $"cannot reach the node: {e.Status.Detail}"),
        Grpc.Core.RpcException { StatusCode: StatusCode.Unauthenticated or StatusCode.PermissionDenied } e => (ExitCodes.Refused, e.Status.Detail),
        Grpc.Core.RpcException { StatusCode: StatusCode.InvalidArgument } e => (ExitCodes.BadInput, $"the node refused the input: {e.Status.Detail}"),
        Grpc.Core.RpcException { StatusCode: StatusCode.NotFound } e => (ExitCodes.NotFound, e.Status.Detail),
        Grpc.Core.RpcException e => (ExitCodes.NotReady, $"{e.StatusCode}: {e.Status.Detail}"),
        ChainMismatchException e => (ExitCodes.BadInput, e.Message),
        RpcTransportException or HttpRequestException or TimeoutException => (ExitCodes.Unreachable, $"cannot reach the chain: {ex.Message}"),
        Trace.Chain.Rpc.RpcException e => (ExitCodes.Unreachable, $"the chain answered an error: {e.Message}"),
        KeystoreException e => (ExitCodes.BadInput, $"cannot unlock the key: {e.Message}"),
        KeyNotFoundException e => (ExitCodes.BadInput, e.Message),
        InvalidFieldException e => (ExitCodes.BadInput, e.Message),
        ArgumentException e => (ExitCodes.BadInput, e.Message),
        FormatException e => (ExitCodes.BadInput, e.Message),
        IOException or UnauthorizedAccessException => (ExitCodes.BadInput, ex.Message),
        System.Text.Json.JsonException e => (ExitCodes.BadInput, $"not JSON: {e.Message}"),
        _ => null,
    };
}
