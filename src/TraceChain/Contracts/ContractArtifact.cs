using System.Text.Json;
using Trace.Crypto;

namespace Trace.Chain.Contracts;

/// <summary>A compiled contract (creation bytecode) from contracts/artifacts, embedded in this assembly; its ABI is read as typed DTOs.</summary>
public sealed class ContractArtifact
{
    private ContractArtifact(string name, byte[] bytecode, string compilerVersion)
    {
        Name = name;
        Bytecode = bytecode;
        CompilerVersion = compilerVersion;
    }

    public string Name { get; }

    /// <summary>Creation bytecode (constructor + runtime).</summary>
    public byte[] Bytecode { get; }

    public string CompilerVersion { get; }

    /// <summary>Loads the embedded artifact of <paramref name="contractName"/> (e.g. "EvidenceRegistry").</summary>
    /// <exception cref="InvalidOperationException">no such artifact; run `npm --prefix contracts run compile`.</exception>
    public static ContractArtifact Load(string contractName)
    {
        var resource = $"Trace.Contracts.{contractName}.json";
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"no compiled artifact for contract '{contractName}' (run `npm --prefix contracts run compile` and rebuild)");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new ContractArtifact(
            contractName,
            Hex.Decode(root.GetProperty("bytecode").GetString()!),
            root.GetProperty("compiler").GetProperty("version").GetString() ?? "");
    }
}
