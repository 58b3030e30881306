namespace Trace.Chain.Keystore;

/// <summary>scrypt cost parameters for new keystores (N a power of two; memory ≈ 128·N·r bytes).</summary>
public sealed record ScryptParameters(int N, int R, int P)
{
    /// <summary>geth's standard: N=262144, r=8, p=1 (256 MiB, about a second).</summary>
    public static ScryptParameters Standard { get; } = new(1 << 18, 8, 1);

    /// <summary>geth's light setting: N=4096, r=8, p=6 (4 MiB), for tests and development keys.</summary>
    public static ScryptParameters Light { get; } = new(1 << 12, 8, 6);
}
