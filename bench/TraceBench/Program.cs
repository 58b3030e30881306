using BenchmarkDotNet.Running;
using Trace.Bench.Gas;

// `gas`: the contracts' gas table on a private Anvil (see Gas/GasReport.cs).
if (args is ["gas", ..])
{
    await GasReport.RunAsync(Console.Out);
    return;
}

// Every benchmark class in this assembly is picked up; filter with --filter '*Keccak*', shorten with --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
