// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title IEvidenceRegistry
/// @notice What a buyer's contract (or anyone with an RPC endpoint) needs to verify a Trace record
///         in one call, plus the types that go with it.
interface IEvidenceRegistry {
    /// @notice The signed claim, an EIP-712 struct:
    ///         EvidenceClaim(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)
    ///         under the domain {name "Trace", version "1", chainId, verifyingContract = the registry}.
    struct EvidenceClaim {
        bytes32 contentHash;
        uint8 kind;
        bytes32 subject;
        address issuer;
        uint64 issuedAt;
        bytes32 nonce;
    }

    /// @notice Outcome of verify(): VALID or the first failing check, in this order.
    enum Status {
        /// Every check passed.
        VALID,
        /// The root was never anchored here.
        UNKNOWN_ROOT,
        /// The Merkle proof does not lead from the claim's leaf to the root.
        BAD_PROOF,
        /// The signature is malformed, not low-s, or does not recover claim.issuer.
        BAD_SIGNATURE,
        /// The issuer key was not registered when the root was anchored (never, or only later).
        UNKNOWN_ISSUER,
        /// The issuer key had been retired (or reported compromised) when the root was anchored.
        KEY_RETIRED,
        /// The issuer's participant was suspended when the root was anchored.
        ISSUER_SUSPENDED,
        /// The issuer's participant held no role allowed to issue this kind (or the kind is undefined).
        ISSUER_NOT_AUTHORISED,
        /// The issuer revoked the claim.
        REVOKED,
        /// The issuer superseded the claim by another.
        SUPERSEDED
    }

    /// @notice What the registry recorded for an anchored root.
    struct RootInfo {
        address operator;
        uint48 anchoredAt;
        uint48 blockNumber;
        uint32 count;
    }

    /// @notice The on-chain lifecycle of one claim (keyed by its EIP-712 digest).
    struct ClaimState {
        uint48 revokedAt;
        uint16 revocationReason;
        address revokedBy;
        uint32 endorsements;
        bytes32 supersededBy;
        uint48 supersededAt;
        address supersededByActor;
        uint32 openFlags;
    }

    /// @notice Verifies a record with one call: root, proof, signature, the issuer's standing at
    ///         anchoring time, revocation and supersession.
    /// @param claim the signed claim
    /// @param signature 65-byte r || s || v (v 27 or 28, low s) by claim.issuer over claimDigest(claim)
    /// @param root the anchored Merkle root
    /// @param proof the sibling hashes from the claim's leaf to the root
    /// @return status VALID or the first failing check
    function verify(EvidenceClaim calldata claim, bytes calldata signature, bytes32 root, bytes32[] calldata proof)
        external
        view
        returns (Status status);

    /// @notice The EIP-712 digest of a claim under this registry's domain.
    /// @param claim the claim
    /// @return the digest keccak256(0x1901 || domainSeparator || structHash(claim))
    function claimDigest(EvidenceClaim calldata claim) external view returns (bytes32);

    /// @notice What was recorded for a root (all zero when never anchored).
    /// @param root the Merkle root
    /// @return info operator, anchoring timestamp and block, leaf count
    function rootInfo(bytes32 root) external view returns (RootInfo memory info);

    /// @notice A claim's lifecycle state (all zero when nothing happened to it).
    /// @param digest the claim's EIP-712 digest
    /// @return state revocation, supersession, endorsement and open-flag counts
    function claimState(bytes32 digest) external view returns (ClaimState memory state);
}
