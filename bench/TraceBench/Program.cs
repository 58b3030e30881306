using BenchmarkDotNet.Running;
using Trace.Bench.Pipeline;

// Console modes drive a real node; everything else goes to BenchmarkDotNet
// (filter with --filter '*Keccak*', shorten with --job short).
switch (args.FirstOrDefault())
{
    case "e2e":
        await EndToEndBenchmark.RunAsync(args[1..]);
        break;
    case "upload":
        await UploadBenchmark.RunAsync(args[1..]);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
