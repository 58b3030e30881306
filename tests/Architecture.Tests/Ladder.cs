namespace Trace.Architecture.Tests;

/// <summary>
/// The assembly ladder (issue 10): each src project's rung and what it may use. A project references only projects on
/// lower rungs (and <see cref="Rung.MaxReference"/> when that is lower still); packages named in
/// <see cref="Rung.ForbiddenPackages"/> are refused, and <see cref="Rung.AllowedPackages"/>, when set, is the whole list.
/// </summary>
internal static class Ladder
{
    /// <summary>Storage, hosting and web stacks: what the lower rungs and the client library must never pull in.</summary>
    private static readonly string[] EngineOnly =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Microsoft.Extensions.Hosting",
        "Microsoft.AspNetCore", "Grpc.AspNetCore",
    ];

    /// <summary>Rungs by src folder name; a folder not listed here fails the test until it is placed on the ladder.</summary>
    public static IReadOnlyDictionary<string, Rung> Rungs { get; } = new Dictionary<string, Rung>
    {
        // Crypto: BouncyCastle, and bitcoin-core's libsecp256k1 (Secp256k1.Net) for the recovery every submitted record needs.
        ["TraceCrypto"] = new(1, AllowedPackages: ["BouncyCastle.Cryptography", "Secp256k1.Net"], ForbiddenPackages: [.. EngineOnly, "Grpc", "Google.Protobuf", "Nethereum"]),
        ["TraceDomain"] = new(2, ForbiddenPackages: [.. EngineOnly, "Grpc", "Google.Protobuf", "Nethereum"]),
        ["TraceChain"] = new(3, ForbiddenPackages: [.. EngineOnly, "Grpc", "Google.Protobuf"]),
        ["TraceClient"] = new(4, ForbiddenPackages: EngineOnly),
        ["TraceNode"] = new(5),
        ["TraceApi"] = new(6),
        // The command line runs on a buyer's laptop: the client library and what is under it, never the engine.
        ["TraceCli"] = new(6, MaxReference: 4, ForbiddenPackages: EngineOnly),
    };

    /// <summary>Assembly name → src folder, for the references compiled into built assemblies.</summary>
    public static IReadOnlyDictionary<string, string> FolderOfAssembly { get; } = new Dictionary<string, string>
    {
        ["Trace.Crypto"] = "TraceCrypto",
        ["Trace.Domain"] = "TraceDomain",
        ["Trace.Chain"] = "TraceChain",
        ["Trace.Client"] = "TraceClient",
        ["Trace.Node"] = "TraceNode",
        ["Trace.Api"] = "TraceApi",
        ["trace"] = "TraceCli",
    };

    /// <summary>Whether <paramref name="package"/> (a package id or assembly name) falls under <paramref name="prefix"/>.</summary>
    public static bool Matches(string package, string prefix) =>
        package.Equals(prefix, StringComparison.OrdinalIgnoreCase) || package.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One rung: its height and the packages it may or may not use.</summary>
internal sealed record Rung(int Level, int? MaxReference = null, string[]? AllowedPackages = null, string[]? ForbiddenPackages = null)
{
    /// <summary>The highest rung this project may reference.</summary>
    public int Highest => MaxReference ?? Level - 1;
}
