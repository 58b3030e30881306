using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is picked up; filter with --filter '*Keccak*', shorten with --job short.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
