using BenchmarkDotNet.Running;
using Trace.Bench.Decisions;
using Trace.Bench.Gas;
using Trace.Bench.Pipeline;

// Console modes drive a real chain or node; everything else goes to BenchmarkDotNet
// (filter with --filter '*Keccak*', shorten with --job short).
switch (args.FirstOrDefault())
{
    case "gas": // the contracts' gas table on a private Anvil (Gas/GasReport.cs)
        await GasReport.RunAsync(Console.Out);
        break;
    case "e2e": // end-to-end records/s and gas per record through a real node (Pipeline/EndToEndBenchmark.cs)
        await EndToEndBenchmark.RunAsync(args[1..]);
        break;
    case "lineage": // a 10,000-batch upstream DAG through the API: intake, footprint and lineage reads, adding on top (Pipeline/LineageBenchmark.cs)
        await LineageBenchmark.RunAsync(args[1..]);
        break;
    case "watch": // idle WatchRecordStatus streams: delivery to every watcher and the server's idle CPU (Pipeline/WatcherBenchmark.cs)
        await WatcherBenchmark.RunAsync(args[1..]);
        break;
    case "upload": // one large document through SubmitDocument (Pipeline/UploadBenchmark.cs)
        await UploadBenchmark.RunAsync(args[1..]);
        break;
    case "route" when args.Length > 1 && args[1] == "grpc": // the same through DecideRoute on a real node (Decisions/RouteGrpcBenchmark.cs)
        await RouteGrpcBenchmark.RunAsync(args[2..]);
        break;
    case "route": // the route decision engine on 1,000 lanes over 300 locations, five deadlines, p50/p99 (Decisions/RouteBenchmark.cs)
        await RouteBenchmark.RunAsync(args[1..]);
        break;
    case "index" or "audit" or "rebuild": // AuditIndex and RebuildIndex over N confirmed records (Pipeline/IndexBenchmark.cs)
        await IndexBenchmark.RunAsync(args[0], args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
