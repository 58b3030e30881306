using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Trace.Client.Access;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Cli.Commands;

/// <summary>
/// <c>trace route --from CNCGO --to DEDUI --mass 10 --deadline 20 [--deadline 40] [--node URL]</c>: the lowest-carbon
/// multimodal route under each deadline and the Pareto front (docs/decisions.md), signed in with the key in the
/// environment variable TRACE_KEY (hex; any registered participant).
/// </summary>
internal static class RouteCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "origin UN/LOCODE", Required = true };
        var to = new Option<string>("--to") { Description = "destination UN/LOCODE", Required = true };
        var mass = new Option<string>("--mass") { Description = "cargo mass (decimal)", Required = true };
        var unit = new Option<string>("--unit") { Description = "mass unit, UN/ECE Rec 20 (KGM, TNE, GRM, LBR)", DefaultValueFactory = _ => "TNE" };
        var deadlines = new Option<string[]>("--deadline") { Description = "a deadline in days (repeat for several)", Required = true, AllowMultipleArgumentsPerToken = true };
        var transfer = new Option<string>("--transfer-days") { Description = "transfer time between modes, days (default: the node's)" };
        var keyVariable = new Option<string>("--key-env") { Description = "environment variable holding the participant's hex key", DefaultValueFactory = _ => "TRACE_KEY" };
        var command = new Command("route", "The lowest-carbon multimodal route under each deadline, from the node's lane catalogue")
        {
            from, to, mass, unit, deadlines, transfer, keyVariable,
        };
        command.SetAction(async (parse, ct) =>
        {
            // --node is the global option every command takes (Cli/GlobalOptions.cs).
            if (!Uri.TryCreate(parse.GetValue(Trace.Cli.Cli.GlobalOptions.Node), UriKind.Absolute, out var nodeUrl) || nodeUrl.Scheme is not ("http" or "https"))
            {
                await Console.Out.WriteLineAsync("--node: not an http(s) URL");
                return 2;
            }
            var hex = Environment.GetEnvironmentVariable(parse.GetValue(keyVariable)!);
            if (string.IsNullOrWhiteSpace(hex))
            {
                await Console.Out.WriteLineAsync($"--key-env: set {parse.GetValue(keyVariable)} to the hex key of a registered participant (route decisions need sign-in)");
                return 2;
            }
            var request = new DecideRouteRequest
            {
                Origin = parse.GetValue(from)!, Destination = parse.GetValue(to)!,
                CargoMass = new CargoMass { Amount = parse.GetValue(mass)!, Unit = parse.GetValue(unit)! },
                TransferDays = parse.GetValue(transfer) ?? "",
            };
            request.DeadlineDays.AddRange(parse.GetValue(deadlines)!);
            EthereumKey key;
            try
            {
                key = EthereumKey.FromHex(hex.Trim());
            }
            catch (ArgumentException)
            {
                await Console.Out.WriteLineAsync($"--key-env: {parse.GetValue(keyVariable)} does not hold a private key (64 hex digits)");
                return 2;
            }
            using (key) return await RunAsync(nodeUrl, key, request, Console.Out, ct);
        });
        return command;
    }

    /// <summary>Exit codes: 0 every deadline met, 1 some deadline not met, 2 unusable input, 3 node unreachable.</summary>
    public static async Task<int> RunAsync(Uri nodeUrl, EthereumKey key, DecideRouteRequest request, TextWriter output, CancellationToken ct)
    {
        using var channel = GrpcChannel.ForAddress(nodeUrl);
        var invoker = channel.Intercept(new AccessTokenInterceptor(new KeyAccessTokenProvider(channel.CreateCallInvoker(), key)));
        try
        {
            var answer = await new RouteDecisionService.RouteDecisionServiceClient(invoker).DecideRouteAsync(request, cancellationToken: ct);
            await output.WriteLineAsync($"factor set {answer.FactorSetVersion} ({(answer.FactorSetRecordId.Length > 0 ? answer.FactorSetRecordId : "not anchored")}); " +
                $"{answer.CargoTonnes} t, transfer {answer.TransferDays} d, at most {answer.MaxLegs} legs, {answer.LanesConsidered} lanes");
            await output.WriteLineAsync("Pareto front (days, kgCO2e, lanes):");
            foreach (var path in answer.ParetoFront)
                await output.WriteLineAsync($"  {path.Days,8} d {path.KgCo2E,14} kg  {string.Join(" > ", path.Legs.Select(l => $"{l.LaneId} ({l.Mode})"))}");
            await output.WriteLineAsync("Decisions:");
            foreach (var d in answer.Decisions)
                await output.WriteLineAsync(d.Path is { } p
                    ? $"  within {d.DeadlineDays} d: {p.KgCo2E} kgCO2e in {p.Days} d via {string.Join(" > ", p.Legs.Select(l => l.LaneId))}; plan {d.PlanId}"
                    : $"  within {d.DeadlineDays} d: none ({d.Detail})");
            return answer.Decisions.All(d => d.Path is not null) ? 0 : 1;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            await output.WriteLineAsync($"{ex.StatusCode}: {ex.Status.Detail}");
            return 2;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await output.WriteLineAsync($"cannot reach the node at {nodeUrl}: {ex.Status.Detail}");
            return 3;
        }
    }
}
