using System.Diagnostics;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Crypto;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Decisions;

/// <summary><c>trace route</c> as a shipper runs it: a real process signing in with its own key against the real node.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class RouteCliTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task Route_prints_the_front_and_each_deadline_s_choice_and_exits_1_when_one_is_not_met()
    {
        var put = new PutLanesRequest();
        put.Lanes.Add(new Lane { LaneId = "CLI-road-BCN-GOA", Mode = TransportMode.Road, Origin = "ESBCN", Destination = "ITGOA", DistanceKm = "870", TransitDays = "1.5" });
        put.Lanes.Add(new Lane { LaneId = "CLI-sea-BCN-GOA", Mode = TransportMode.Sea, Origin = "ESBCN", Destination = "ITGOA", DistanceKm = "650", TransitDays = "2", HandlingDays = "1" });
        await new LaneCatalogService.LaneCatalogServiceClient(node.Api.Channel).PutLanesAsync(put);
        using var shipper = EthereumKey.Generate();
        await node.RegisterAsync(shipper.Address, ParticipantRoles.Buyer);

        // Road: 870 × 5 × 0.090 = 391.5 kg in 1.5 d; sea: 650 × 5 × 0.098 = 318.5 kg in 3 d.
        var (exit, output) = await RunAsync(Convert.ToHexString(shipper.ExportPrivateKey()),
            "route", "--node", node.Api.GrpcAddress.ToString(), "--from", "ESBCN", "--to", "ITGOA", "--mass", "5", "--deadline", "1", "--deadline", "2", "--deadline", "3");

        Assert.Equal(1, exit);
        Assert.Contains("factor set trace-transport-factors-2026.1", output, StringComparison.Ordinal);
        Assert.Contains("within 1 d: none (the fastest path takes 1.5 days", output, StringComparison.Ordinal);
        Assert.Contains("within 2 d: 391.5 kgCO2e in 1.5 d via CLI-road-BCN-GOA", output, StringComparison.Ordinal);
        Assert.Contains("within 3 d: 318.5 kgCO2e in 3 d via CLI-sea-BCN-GOA; plan 0x", output, StringComparison.Ordinal);

        var (noKey, message) = await RunAsync("", "route", "--node", node.Api.GrpcAddress.ToString(), "--from", "ESBCN", "--to", "ITGOA", "--mass", "5", "--deadline", "3");
        Assert.Equal(2, noKey);
        Assert.Contains("TRACE_KEY", message, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string key, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["TRACE_KEY"] = key;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
