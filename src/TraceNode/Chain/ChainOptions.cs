using System.ComponentModel.DataAnnotations;

namespace Trace.Node.Chain;

/// <summary>Which EVM chain Trace anchors to (section "Chain"). No RPC URL means embedded mode: a managed local Anvil.</summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    /// <summary>JSON-RPC URL of an external chain; null or empty (default) starts a managed Anvil under the data directory.</summary>
    public string? RpcUrl { get; set; }

    /// <summary>Expected EIP-155 chain id; start-up fails if the node reports another. Default 31337.</summary>
    [Range(1, ulong.MaxValue)]
    public ulong ChainId { get; set; } = 31337;

    /// <summary>
    /// The operator's private key (hex) that anchors batches. Required with an external chain (pass it
    /// through the environment, TRACE_Chain__OperatorKey, or use <see cref="OperatorKeystore"/>);
    /// embedded mode uses Anvil's first development account. Never logged.
    /// </summary>
    public string? OperatorKey { get; set; }

    /// <summary>Path of a Web3 Secret Storage (v3) keystore holding the operator key; its password comes from <see cref="OperatorKeystorePassword"/>.</summary>
    public string? OperatorKeystore { get; set; }

    /// <summary>Password of <see cref="OperatorKeystore"/> (environment variable recommended). Never logged.</summary>
    public string? OperatorKeystorePassword { get; set; }

    /// <summary>
    /// The registry administrator's private key (hex): the key ParticipantService's admin RPCs (register, suspend, keys,
    /// roles) send their ParticipantRegistry transactions with; it must hold the registry's DEFAULT_ADMIN_ROLE. Separate
    /// from the operator key. Embedded mode defaults to Anvil's development account #1
    /// (0x70997970C51812dc3A010C7d01b50e0d17dc79C8), which the embedded deployment makes admin. Without it on an external
    /// chain the admin RPCs answer FAILED_PRECONDITION. Never logged.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>Path of a Web3 Secret Storage (v3) keystore holding the admin key; its password comes from <see cref="AdminKeystorePassword"/>.</summary>
    public string? AdminKeystore { get; set; }

    /// <summary>Password of <see cref="AdminKeystore"/> (environment variable recommended). Never logged.</summary>
    public string? AdminKeystorePassword { get; set; }

    /// <summary>
    /// Blocks, the mined one included, before a record is CONFIRMED: with 2 the anchoring block needs one block on top.
    /// The withdrawal follower reads only blocks this deep as well. Default 2 (as documented); set higher on real networks.
    /// </summary>
    [Range(1, 1000)]
    public int Confirmations { get; set; } = 2;

    /// <summary>Embedded mode only: mine an empty block every this many seconds as well (0 = only on transactions). Default 1.</summary>
    [Range(0, 3600)]
    public int EmbeddedBlockTimeSeconds { get; set; } = 1;

    /// <summary>The default <see cref="EmbeddedPort"/>: Anvil's own default, so docs and proof bundles can name http://127.0.0.1:8545.</summary>
    public const int DefaultEmbeddedPort = 8545;

    /// <summary>
    /// Embedded mode only: the loopback port the managed Anvil listens on. Default 8545, fixed so the RPC URL a buyer
    /// verifies against does not change between starts; 0 lets the OS pick a free port at each start (tests, several
    /// nodes on one machine). A port already taken stops the node at start with an error naming this setting.
    /// </summary>
    [Range(0, 65535)]
    public int EmbeddedPort { get; set; } = DefaultEmbeddedPort;

    /// <summary>True when no RPC URL is configured.</summary>
    public bool IsEmbedded => string.IsNullOrWhiteSpace(RpcUrl);
}
