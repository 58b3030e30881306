namespace Trace.Node.Assurance;

/// <summary>The relayed actions on a record: each names the EIP-712 message signed and the role its signer needs.</summary>
public enum AssuranceAction
{
    /// <summary>Flag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline), by a regulator.</summary>
    Flag,

    /// <summary>Unflag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline), by a regulator.</summary>
    Unflag,

    /// <summary>Endorsement(bytes32 claimDigest,uint16 code,uint256 nonce,uint64 deadline), by a verifier.</summary>
    Endorse,
}
