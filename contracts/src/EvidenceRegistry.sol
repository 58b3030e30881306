// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IParticipantRegistry, Roles} from "./interfaces/IParticipantRegistry.sol";
import {IEvidenceRegistry} from "./interfaces/IEvidenceRegistry.sol";

/// @title EvidenceRegistry
/// @notice Anchors Merkle roots of signed evidence claims and records what happens to each claim
///         afterwards (revocation, supersession, endorsement, flags), so that anyone can verify a
///         record against the chain alone.
/// @dev Leaves follow OpenZeppelin's StandardMerkleTree with leafEncoding ["bytes32"]:
///      leaf = keccak256(bytes.concat(keccak256(abi.encode(claimDigest)))), sorted-pair nodes.
///      Claim state is keyed by the claim digest, not by root: a claim anchored in two roots has
///      one lifecycle. Acting on a claim (revoke, supersede, endorse, flag) requires proving it is
///      in an anchored root. Every action has a relayed form (`...BySig`) that takes the actor's
///      EIP-712 signature, a per-signer nonce (OZ Nonces, shared by all message types) and a
///      deadline, so actors need no gas.
contract EvidenceRegistry is EIP712, Nonces, IEvidenceRegistry {
    /// @notice keccak256("EvidenceClaim(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)")
    bytes32 public constant CLAIM_TYPEHASH = keccak256(
        "EvidenceClaim(bytes32 contentHash,uint8 kind,bytes32 subject,address issuer,uint64 issuedAt,bytes32 nonce)"
    );
    /// @notice keccak256("Revocation(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)")
    bytes32 public constant REVOCATION_TYPEHASH =
        keccak256("Revocation(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)");
    /// @notice keccak256("Supersession(bytes32 claimDigest,bytes32 newClaimDigest,uint256 nonce,uint64 deadline)")
    bytes32 public constant SUPERSESSION_TYPEHASH =
        keccak256("Supersession(bytes32 claimDigest,bytes32 newClaimDigest,uint256 nonce,uint64 deadline)");
    /// @notice keccak256("Endorsement(bytes32 claimDigest,uint16 code,uint256 nonce,uint64 deadline)")
    bytes32 public constant ENDORSEMENT_TYPEHASH =
        keccak256("Endorsement(bytes32 claimDigest,uint16 code,uint256 nonce,uint64 deadline)");
    /// @notice keccak256("Flag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)")
    bytes32 public constant FLAG_TYPEHASH = keccak256("Flag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)");
    /// @notice keccak256("Unflag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)")
    bytes32 public constant UNFLAG_TYPEHASH =
        keccak256("Unflag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline)");

    /// @notice The participant registry consulted for roles, keys and their history.
    IParticipantRegistry public immutable participants;

    struct Mark {
        uint48 markedAt;
        uint16 code;
        address by;
    }

    mapping(bytes32 root => RootInfo) private _roots;
    mapping(bytes32 claimDigest => ClaimState) private _claims;
    mapping(bytes32 claimDigest => mapping(bytes32 verifierId => Mark)) private _endorsements;
    mapping(bytes32 claimDigest => mapping(bytes32 regulatorId => Mark)) private _flags;

    /// @notice The constructor's registry is the zero address.
    error InvalidParticipantRegistry();
    /// @notice `account` does not stand as Authorised for `requiredRoles` now; `standing` says why
    ///         (IParticipantRegistry.Standing: 1 unknown key, 2 key retired, 3 suspended, 4 role missing).
    error Unauthorised(address account, uint16 requiredRoles, IParticipantRegistry.Standing standing);
    /// @notice The root is zero.
    error InvalidRoot();
    /// @notice The leaf count is zero.
    error EmptyBatch();
    /// @notice The root was already anchored at `anchoredAt`.
    error RootAlreadyAnchored(bytes32 root, uint48 anchoredAt);
    /// @notice The root was never anchored here.
    error UnknownRoot(bytes32 root);
    /// @notice The proof does not lead from the claim's leaf to the root.
    error InvalidProof(bytes32 claimDigest, bytes32 root);
    /// @notice `actor` is not an active key of the participant owning the claim's issuer key.
    error NotIssuer(address actor, address issuer);
    /// @notice The claim is already revoked.
    error ClaimAlreadyRevoked(bytes32 claimDigest);
    /// @notice The claim is already superseded by `supersededBy`.
    error ClaimAlreadySuperseded(bytes32 claimDigest, bytes32 supersededBy);
    /// @notice The successor digest is zero or equal to the claim's own digest.
    error InvalidSuccessor(bytes32 newClaimDigest);
    /// @notice The verifier's participant already endorsed this claim.
    error AlreadyEndorsed(bytes32 claimDigest, bytes32 verifierId);
    /// @notice A verifier may not endorse a claim issued by its own participant.
    error SelfEndorsement(bytes32 claimDigest, bytes32 participantId);
    /// @notice The regulator's participant already has an open flag on this claim.
    error AlreadyFlagged(bytes32 claimDigest, bytes32 regulatorId);
    /// @notice The regulator's participant has no open flag on this claim.
    error NotFlagged(bytes32 claimDigest, bytes32 regulatorId);
    /// @notice The relayed message's deadline has passed.
    error SignatureExpired(uint64 deadline, uint256 nowTimestamp);
    /// @notice The relayed signature is malformed or was not made by `signer` over the message.
    error InvalidRelayedSignature(address signer);

    /// @notice A root was anchored. Same cost for any `count`: only the root is stored.
    event BatchAnchored(bytes32 indexed root, address indexed operator, uint32 count, uint48 anchoredAt, string uri);
    /// @notice A claim was revoked by `by` (the issuer or another active key of its participant).
    event ClaimRevoked(bytes32 indexed claimDigest, address indexed issuer, address indexed by, bytes32 root, uint16 reason);
    /// @notice A claim was superseded by `newClaimDigest`.
    event ClaimSuperseded(
        bytes32 indexed claimDigest, bytes32 indexed newClaimDigest, address indexed by, address issuer, bytes32 root
    );
    /// @notice A verifier participant endorsed a claim.
    event ClaimEndorsed(bytes32 indexed claimDigest, bytes32 indexed verifierId, address indexed by, bytes32 root, uint16 code);
    /// @notice A regulator participant opened a flag on a claim.
    event ClaimFlagged(bytes32 indexed claimDigest, bytes32 indexed regulatorId, address indexed by, bytes32 root, uint16 reason);
    /// @notice A regulator participant closed its flag on a claim.
    event ClaimUnflagged(bytes32 indexed claimDigest, bytes32 indexed regulatorId, address indexed by, uint16 reason);

    /// @notice Deploys the registry bound to a participant registry.
    /// @param participantRegistry the ParticipantRegistry (immutable)
    constructor(IParticipantRegistry participantRegistry) EIP712("Trace", "1") {
        if (address(participantRegistry) == address(0)) revert InvalidParticipantRegistry();
        participants = participantRegistry;
    }

    /// @notice The contract's interface version.
    /// @return "1.0.0"
    function version() external pure returns (string memory) {
        return "1.0.0";
    }

    // ------------------------------------------------------------------ anchoring

    /// @notice Anchors a Merkle root of claim digests. Stores operator, block timestamp, block
    ///         number and leaf count; the URI only goes to the event. Gas does not depend on `count`.
    /// @dev Caller: a key standing Authorised for ROLE_OPERATOR now (else Unauthorised). Errors:
    ///      InvalidRoot (zero), EmptyBatch (count 0), RootAlreadyAnchored. Emits BatchAnchored.
    /// @param root the Merkle root (StandardMerkleTree, leafEncoding ["bytes32"], values = claim digests)
    /// @param count number of leaves, as declared by the operator
    /// @param uri where the batch manifest (claims and proofs) can be fetched; may be empty
    function anchorBatch(bytes32 root, uint32 count, string calldata uri) external {
        _requireStanding(msg.sender, Roles.OPERATOR);
        if (root == bytes32(0)) revert InvalidRoot();
        if (count == 0) revert EmptyBatch();
        RootInfo storage r = _roots[root];
        if (r.anchoredAt != 0) revert RootAlreadyAnchored(root, r.anchoredAt);
        uint48 now_ = Time.timestamp();
        _roots[root] = RootInfo({operator: msg.sender, anchoredAt: now_, blockNumber: Time.blockNumber(), count: count});
        emit BatchAnchored(root, msg.sender, count, now_, uri);
    }

    // ------------------------------------------------------------------ revocation

    /// @notice Revokes an anchored claim for good; verify() then reports REVOKED for it in any root.
    /// @dev Caller: the claim's issuer key or another active (unretired) key of the same
    ///      participant; suspension does not prevent it (else NotIssuer). Errors: UnknownRoot,
    ///      InvalidProof, NotIssuer, ClaimAlreadyRevoked. Emits ClaimRevoked.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof to `root`
    /// @param reason an off-chain reason code (see docs/contracts.md)
    function revoke(EvidenceClaim calldata claim, bytes32 root, bytes32[] calldata proof, uint16 reason) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _revoke(msg.sender, claim.issuer, digest, root, reason);
    }

    /// @notice Relayed revoke: anyone submits the issuer's signed Revocation message.
    /// @dev Signed message: Revocation(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline).
    ///      Errors: those of revoke (with `signer` as the actor), SignatureExpired,
    ///      InvalidAccountNonce (nonce is not nonces(signer): replay or out of order),
    ///      InvalidRelayedSignature. Emits ClaimRevoked.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param reason reason code, as signed
    /// @param signer the acting key
    /// @param nonce must equal nonces(signer); consumed
    /// @param deadline last valid unix timestamp, as signed
    /// @param signature 65-byte signature by `signer` over the Revocation message
    function revokeBySig(
        EvidenceClaim calldata claim,
        bytes32 root,
        bytes32[] calldata proof,
        uint16 reason,
        address signer,
        uint256 nonce,
        uint64 deadline,
        bytes calldata signature
    ) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _useRelayed(signer, nonce, deadline, signature, keccak256(abi.encode(REVOCATION_TYPEHASH, digest, reason, nonce, deadline)));
        _revoke(signer, claim.issuer, digest, root, reason);
    }

    /// @notice Marks an anchored claim as superseded by a newer claim; verify() then reports
    ///         SUPERSEDED for it. The successor is referenced by digest and verified on its own.
    /// @dev Caller: as for revoke (else NotIssuer). Errors: UnknownRoot, InvalidProof, NotIssuer,
    ///      InvalidSuccessor (zero or self), ClaimAlreadyRevoked, ClaimAlreadySuperseded.
    ///      Emits ClaimSuperseded.
    /// @param claim the claim being superseded
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param newClaimDigest the successor claim's EIP-712 digest
    function supersede(EvidenceClaim calldata claim, bytes32 root, bytes32[] calldata proof, bytes32 newClaimDigest)
        external
    {
        bytes32 digest = _provenDigest(claim, root, proof);
        _supersede(msg.sender, claim.issuer, digest, root, newClaimDigest);
    }

    /// @notice Relayed supersede.
    /// @dev Signed message: Supersession(bytes32 claimDigest,bytes32 newClaimDigest,uint256 nonce,uint64 deadline).
    ///      Errors: those of supersede (with `signer` as the actor), SignatureExpired,
    ///      InvalidAccountNonce, InvalidRelayedSignature. Emits ClaimSuperseded.
    /// @param claim the claim being superseded
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param newClaimDigest the successor's digest, as signed
    /// @param signer the acting key
    /// @param nonce must equal nonces(signer); consumed
    /// @param deadline last valid unix timestamp, as signed
    /// @param signature 65-byte signature by `signer` over the Supersession message
    function supersedeBySig(
        EvidenceClaim calldata claim,
        bytes32 root,
        bytes32[] calldata proof,
        bytes32 newClaimDigest,
        address signer,
        uint256 nonce,
        uint64 deadline,
        bytes calldata signature
    ) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _useRelayed(
            signer,
            nonce,
            deadline,
            signature,
            keccak256(abi.encode(SUPERSESSION_TYPEHASH, digest, newClaimDigest, nonce, deadline))
        );
        _supersede(signer, claim.issuer, digest, root, newClaimDigest);
    }

    // ------------------------------------------------------------------ endorsement and flags

    /// @notice Endorses an anchored claim on behalf of the caller's verifier participant (one
    ///         endorsement per verifier participant and claim).
    /// @dev Caller: a key standing Authorised for ROLE_VERIFIER now (else Unauthorised). Errors:
    ///      UnknownRoot, InvalidProof, SelfEndorsement (issuer key belongs to the same participant),
    ///      ClaimAlreadyRevoked, ClaimAlreadySuperseded, AlreadyEndorsed. Emits ClaimEndorsed.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param code endorsement code (see docs/contracts.md)
    function endorse(EvidenceClaim calldata claim, bytes32 root, bytes32[] calldata proof, uint16 code) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _endorse(msg.sender, claim.issuer, digest, root, code);
    }

    /// @notice Relayed endorse.
    /// @dev Signed message: Endorsement(bytes32 claimDigest,uint16 code,uint256 nonce,uint64 deadline).
    ///      Errors: those of endorse (with `signer` as the actor), SignatureExpired,
    ///      InvalidAccountNonce, InvalidRelayedSignature. Emits ClaimEndorsed.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param code endorsement code, as signed
    /// @param signer the verifier's key
    /// @param nonce must equal nonces(signer); consumed
    /// @param deadline last valid unix timestamp, as signed
    /// @param signature 65-byte signature by `signer` over the Endorsement message
    function endorseBySig(
        EvidenceClaim calldata claim,
        bytes32 root,
        bytes32[] calldata proof,
        uint16 code,
        address signer,
        uint256 nonce,
        uint64 deadline,
        bytes calldata signature
    ) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _useRelayed(signer, nonce, deadline, signature, keccak256(abi.encode(ENDORSEMENT_TYPEHASH, digest, code, nonce, deadline)));
        _endorse(signer, claim.issuer, digest, root, code);
    }

    /// @notice Opens a flag on an anchored claim on behalf of the caller's regulator participant.
    ///         Flags are informational: verify() does not fail on them; claimState counts them.
    /// @dev Caller: a key standing Authorised for ROLE_REGULATOR now (else Unauthorised). Errors:
    ///      UnknownRoot, InvalidProof, AlreadyFlagged. Emits ClaimFlagged.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param reason flag reason code (see docs/contracts.md)
    function flag(EvidenceClaim calldata claim, bytes32 root, bytes32[] calldata proof, uint16 reason) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _flag(msg.sender, digest, root, reason);
    }

    /// @notice Relayed flag.
    /// @dev Signed message: Flag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline).
    ///      Errors: those of flag (with `signer` as the actor), SignatureExpired,
    ///      InvalidAccountNonce, InvalidRelayedSignature. Emits ClaimFlagged.
    /// @param claim the claim as signed
    /// @param root an anchored root containing it
    /// @param proof its Merkle proof
    /// @param reason reason code, as signed
    /// @param signer the regulator's key
    /// @param nonce must equal nonces(signer); consumed
    /// @param deadline last valid unix timestamp, as signed
    /// @param signature 65-byte signature by `signer` over the Flag message
    function flagBySig(
        EvidenceClaim calldata claim,
        bytes32 root,
        bytes32[] calldata proof,
        uint16 reason,
        address signer,
        uint256 nonce,
        uint64 deadline,
        bytes calldata signature
    ) external {
        bytes32 digest = _provenDigest(claim, root, proof);
        _useRelayed(signer, nonce, deadline, signature, keccak256(abi.encode(FLAG_TYPEHASH, digest, reason, nonce, deadline)));
        _flag(signer, digest, root, reason);
    }

    /// @notice Closes the caller's regulator participant's open flag on a claim.
    /// @dev Caller: a key standing Authorised for ROLE_REGULATOR now, of the participant that
    ///      opened the flag (else Unauthorised / NotFlagged). Errors: NotFlagged. Emits ClaimUnflagged.
    /// @param digest the flagged claim's digest
    /// @param reason reason code for closing
    function unflag(bytes32 digest, uint16 reason) external {
        _unflag(msg.sender, digest, reason);
    }

    /// @notice Relayed unflag.
    /// @dev Signed message: Unflag(bytes32 claimDigest,uint16 reason,uint256 nonce,uint64 deadline).
    ///      Errors: those of unflag (with `signer` as the actor), SignatureExpired,
    ///      InvalidAccountNonce, InvalidRelayedSignature. Emits ClaimUnflagged.
    /// @param digest the flagged claim's digest
    /// @param reason reason code, as signed
    /// @param signer the regulator's key
    /// @param nonce must equal nonces(signer); consumed
    /// @param deadline last valid unix timestamp, as signed
    /// @param signature 65-byte signature by `signer` over the Unflag message
    function unflagBySig(
        bytes32 digest,
        uint16 reason,
        address signer,
        uint256 nonce,
        uint64 deadline,
        bytes calldata signature
    ) external {
        _useRelayed(
            signer, nonce, deadline, signature, keccak256(abi.encode(UNFLAG_TYPEHASH, digest, reason, nonce, deadline))
        );
        _unflag(signer, digest, reason);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IEvidenceRegistry
    function verify(EvidenceClaim calldata claim, bytes calldata signature, bytes32 root, bytes32[] calldata proof)
        external
        view
        returns (Status status)
    {
        uint48 anchoredAt = _roots[root].anchoredAt;
        if (anchoredAt == 0) return Status.UNKNOWN_ROOT;
        bytes32 digest = claimDigest(claim);
        if (!MerkleProof.verifyCalldata(proof, root, leafOf(digest))) return Status.BAD_PROOF;
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err != ECDSA.RecoverError.NoError || recovered != claim.issuer) return Status.BAD_SIGNATURE;
        (IParticipantRegistry.Standing standing,) =
            participants.standingAt(claim.issuer, allowedIssuerRoles(claim.kind), anchoredAt);
        if (standing == IParticipantRegistry.Standing.UnknownKey) return Status.UNKNOWN_ISSUER;
        if (standing == IParticipantRegistry.Standing.KeyRetired) return Status.KEY_RETIRED;
        if (standing == IParticipantRegistry.Standing.ParticipantSuspended) return Status.ISSUER_SUSPENDED;
        if (standing == IParticipantRegistry.Standing.RoleMissing) return Status.ISSUER_NOT_AUTHORISED;
        ClaimState storage c = _claims[digest];
        if (c.revokedAt != 0) return Status.REVOKED;
        if (c.supersededBy != bytes32(0)) return Status.SUPERSEDED;
        return Status.VALID;
    }

    /// @inheritdoc IEvidenceRegistry
    function claimDigest(EvidenceClaim calldata claim) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    CLAIM_TYPEHASH, claim.contentHash, claim.kind, claim.subject, claim.issuer, claim.issuedAt, claim.nonce
                )
            )
        );
    }

    /// @notice The Merkle leaf of a claim digest (StandardMerkleTree, leafEncoding ["bytes32"]).
    /// @param digest the claim's EIP-712 digest
    /// @return keccak256(bytes.concat(keccak256(abi.encode(digest))))
    function leafOf(bytes32 digest) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(digest))));
    }

    /// @notice Roles allowed to issue a claim of `kind`: SUPPLIER | CARRIER | VERIFIER for every
    ///         defined kind (1-8 documents, 16-18 lineage records), none for undefined kinds.
    /// @param kind the claim kind code
    /// @return role mask (bits of ParticipantRegistry roles)
    function allowedIssuerRoles(uint8 kind) public pure returns (uint16) {
        bool defined = (kind >= 1 && kind <= 8) || (kind >= 16 && kind <= 18);
        return defined ? Roles.SUPPLIER | Roles.CARRIER | Roles.VERIFIER : 0;
    }

    /// @inheritdoc IEvidenceRegistry
    function rootInfo(bytes32 root) external view returns (RootInfo memory info) {
        return _roots[root];
    }

    /// @inheritdoc IEvidenceRegistry
    function claimState(bytes32 digest) external view returns (ClaimState memory state) {
        return _claims[digest];
    }

    /// @notice A verifier participant's endorsement of a claim (all zero when none).
    /// @param digest the claim's digest
    /// @param verifierId the verifier's participant id
    /// @return markedAt timestamp of the endorsement
    /// @return code endorsement code
    /// @return by the key that endorsed
    function endorsementOf(bytes32 digest, bytes32 verifierId)
        external
        view
        returns (uint48 markedAt, uint16 code, address by)
    {
        Mark storage m = _endorsements[digest][verifierId];
        return (m.markedAt, m.code, m.by);
    }

    /// @notice A regulator participant's open flag on a claim (all zero when none is open).
    /// @param digest the claim's digest
    /// @param regulatorId the regulator's participant id
    /// @return markedAt timestamp the flag was opened
    /// @return reason flag reason code
    /// @return by the key that flagged
    function flagOf(bytes32 digest, bytes32 regulatorId)
        external
        view
        returns (uint48 markedAt, uint16 reason, address by)
    {
        Mark storage m = _flags[digest][regulatorId];
        return (m.markedAt, m.code, m.by);
    }

    /// @notice The EIP-712 domain separator (name "Trace", version "1", this chain, this contract).
    /// @return the separator
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    // ------------------------------------------------------------------ internals

    function _provenDigest(EvidenceClaim calldata claim, bytes32 root, bytes32[] calldata proof)
        private
        view
        returns (bytes32 digest)
    {
        digest = claimDigest(claim);
        if (_roots[root].anchoredAt == 0) revert UnknownRoot(root);
        if (!MerkleProof.verifyCalldata(proof, root, leafOf(digest))) revert InvalidProof(digest, root);
    }

    function _useRelayed(address signer, uint256 nonce, uint64 deadline, bytes calldata signature, bytes32 structHash)
        private
    {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        _useCheckedNonce(signer, nonce);
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(_hashTypedDataV4(structHash), signature);
        if (err != ECDSA.RecoverError.NoError || recovered != signer) revert InvalidRelayedSignature(signer);
    }

    function _requireStanding(address actor, uint16 roles) private view returns (bytes32 participantId) {
        IParticipantRegistry.Standing standing;
        (standing, participantId) = participants.standingAt(actor, roles, Time.timestamp());
        if (standing != IParticipantRegistry.Standing.Authorised) revert Unauthorised(actor, roles, standing);
    }

    /// @dev The actor must be an unretired key of the participant owning the issuer key.
    function _requireIssuer(address actor, address issuer) private view {
        (bytes32 issuerId,, uint48 retiredAt,) = participants.keyInfo(issuer);
        if (actor != issuer) {
            bytes32 actorId;
            (actorId,, retiredAt,) = participants.keyInfo(actor);
            if (actorId != issuerId) revert NotIssuer(actor, issuer);
        }
        if (issuerId == bytes32(0) || retiredAt != 0) revert NotIssuer(actor, issuer);
    }

    function _revoke(address actor, address issuer, bytes32 digest, bytes32 root, uint16 reason) private {
        _requireIssuer(actor, issuer);
        ClaimState storage c = _claims[digest];
        if (c.revokedAt != 0) revert ClaimAlreadyRevoked(digest);
        c.revokedAt = Time.timestamp();
        c.revokedBy = actor;
        c.revocationReason = reason;
        emit ClaimRevoked(digest, issuer, actor, root, reason);
    }

    function _supersede(address actor, address issuer, bytes32 digest, bytes32 root, bytes32 newClaimDigest) private {
        _requireIssuer(actor, issuer);
        if (newClaimDigest == bytes32(0) || newClaimDigest == digest) revert InvalidSuccessor(newClaimDigest);
        ClaimState storage c = _claims[digest];
        if (c.revokedAt != 0) revert ClaimAlreadyRevoked(digest);
        if (c.supersededBy != bytes32(0)) revert ClaimAlreadySuperseded(digest, c.supersededBy);
        c.supersededBy = newClaimDigest;
        c.supersededAt = Time.timestamp();
        c.supersededByActor = actor;
        emit ClaimSuperseded(digest, newClaimDigest, actor, issuer, root);
    }

    function _endorse(address actor, address issuer, bytes32 digest, bytes32 root, uint16 code) private {
        bytes32 verifierId = _requireStanding(actor, Roles.VERIFIER);
        (bytes32 issuerId,,,) = participants.keyInfo(issuer);
        if (issuerId == verifierId) revert SelfEndorsement(digest, verifierId);
        ClaimState storage c = _claims[digest];
        if (c.revokedAt != 0) revert ClaimAlreadyRevoked(digest);
        if (c.supersededBy != bytes32(0)) revert ClaimAlreadySuperseded(digest, c.supersededBy);
        Mark storage m = _endorsements[digest][verifierId];
        if (m.markedAt != 0) revert AlreadyEndorsed(digest, verifierId);
        _endorsements[digest][verifierId] = Mark({markedAt: Time.timestamp(), code: code, by: actor});
        c.endorsements += 1;
        emit ClaimEndorsed(digest, verifierId, actor, root, code);
    }

    function _flag(address actor, bytes32 digest, bytes32 root, uint16 reason) private {
        bytes32 regulatorId = _requireStanding(actor, Roles.REGULATOR);
        Mark storage m = _flags[digest][regulatorId];
        if (m.markedAt != 0) revert AlreadyFlagged(digest, regulatorId);
        _flags[digest][regulatorId] = Mark({markedAt: Time.timestamp(), code: reason, by: actor});
        _claims[digest].openFlags += 1;
        emit ClaimFlagged(digest, regulatorId, actor, root, reason);
    }

    function _unflag(address actor, bytes32 digest, uint16 reason) private {
        bytes32 regulatorId = _requireStanding(actor, Roles.REGULATOR);
        if (_flags[digest][regulatorId].markedAt == 0) revert NotFlagged(digest, regulatorId);
        delete _flags[digest][regulatorId];
        _claims[digest].openFlags -= 1;
        emit ClaimUnflagged(digest, regulatorId, actor, reason);
    }
}
