using Trace.Crypto;

namespace Trace.Node.Evidence;

/// <summary>The claimed issuer may not issue evidence now (unknown key, suspended, retired, no fitting role) or did not sign it.</summary>
public sealed class IssuerNotPermittedException(EthereumAddress issuer, string reason) : Exception($"issuer {issuer}: {reason}")
{
    public EthereumAddress Issuer { get; } = issuer;
}
