using System.Security.Cryptography;
using System.Text;
using Trace.Api.Tests.Lineage;

namespace Trace.Api.Tests.Pact;

/// <summary>
/// A node (real process, Anvil, SQLite, HTTP/1.1 on a socket) with the steel scenario submitted and three PACT clients:
/// a buyer with every scope, a reader without footprint:list, and a client whose tokens live one second.
/// </summary>
public sealed class PactNode : IAsyncLifetime
{
    public const string Buyer = "steel-buyer", Reader = "steel-reader", ShortLived = "steel-short";

    /// <summary>The clients' secrets; the node is configured with their SHA-256 only.</summary>
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        [Buyer] = "buyer-secret-7f3c9a1e5b2d4f6081a3c5e7f9b1d3e5",
        [Reader] = "reader-secret-2b4d6f8091a3c5e7f9b1d3e5f7092b4d",
        [ShortLived] = "short-secret-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b",
    };

    public SteelScenarioNode Node { get; } = new(new Dictionary<string, string>
    {
        ["Pact:Clients:0:ClientId"] = Buyer,
        ["Pact:Clients:0:SecretSha256"] = Sha256(Secrets[Buyer]),
        ["Pact:Clients:1:ClientId"] = Reader,
        ["Pact:Clients:1:SecretSha256"] = Sha256(Secrets[Reader]),
        ["Pact:Clients:1:Scopes:0"] = "footprint:read",
        ["Pact:Clients:2:ClientId"] = ShortLived,
        ["Pact:Clients:2:SecretSha256"] = Sha256(Secrets[ShortLived]),
        ["Pact:Clients:2:TokenLifetimeSeconds"] = "1",
    });

    internal SteelScenario Scenario { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Node.InitializeAsync();
        Scenario = new SteelScenario(Node);
        await Scenario.RegisterParticipantsAsync();
        await Scenario.SubmitStepsAsync();
        Http = new HttpClient { BaseAddress = Node.Api.HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        await Node.DisposeAsync();
    }

    internal static string Sha256(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
