// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {Time} from "@openzeppelin/contracts/utils/types/Time.sol";
import {IParticipantRegistry, Roles} from "./interfaces/IParticipantRegistry.sol";

/// @title ParticipantRegistry
/// @notice Organisations taking part in Trace, their signing keys and roles, with the full
///         history, so that "was key K an active supplier at time T?" has an on-chain answer.
/// @dev Three histories make that answer:
///      - a key is active on [addedAt, retiredAt); a key belongs to one participant forever and
///        retirement is final, so a key address can never be reused;
///      - a participant's status (active flag + role mask) is a checkpoint trace keyed by block
///        timestamp (OZ Checkpoints.Trace208), appended on every change;
///      - lookups take a timestamp and binary-search the trace.
///      Changes made in a block take effect at that block's timestamp, inclusively: a root
///      anchored at the same timestamp sees the changed state.
///      Contract administrators hold OpenZeppelin's DEFAULT_ADMIN_ROLE (the only AccessControl
///      role this contract accepts); participant roles are the bits of `Roles`.
contract ParticipantRegistry is AccessControl, IParticipantRegistry {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Role bit of the anchoring service key.
    uint16 public constant ROLE_OPERATOR = Roles.OPERATOR;
    /// @notice Role bit of suppliers.
    uint16 public constant ROLE_SUPPLIER = Roles.SUPPLIER;
    /// @notice Role bit of carriers.
    uint16 public constant ROLE_CARRIER = Roles.CARRIER;
    /// @notice Role bit of verifiers.
    uint16 public constant ROLE_VERIFIER = Roles.VERIFIER;
    /// @notice Role bit of regulators.
    uint16 public constant ROLE_REGULATOR = Roles.REGULATOR;
    /// @notice Role bit of buyers.
    uint16 public constant ROLE_BUYER = Roles.BUYER;

    /// @notice Key retirement reason: ordinary rotation.
    uint8 public constant RETIRED = 1;
    /// @notice Key retirement reason: the key is (suspected) compromised.
    uint8 public constant COMPROMISED = 2;

    /// @dev Bit of a status checkpoint value set while the participant is active (not suspended);
    ///      the low 16 bits hold the role mask. A lookup before registration yields 0.
    uint208 private constant ACTIVE_FLAG = 1 << 16;

    struct Participant {
        bytes32 metadataHash;
        string metadataURI;
        uint48 registeredAt;
        address[] keys;
        Checkpoints.Trace208 status;
    }

    struct KeyRecord {
        bytes32 participantId;
        uint48 addedAt;
        uint48 retiredAt;
        uint8 retirementReason;
    }

    mapping(bytes32 id => Participant) private _participants;
    mapping(address key => KeyRecord) private _keys;

    /// @notice The constructor's admin is the zero address.
    error InvalidAdmin();
    /// @notice AccessControl roles other than DEFAULT_ADMIN_ROLE are not used here; participant
    ///         roles go through grantRoles / revokeRoles.
    error UnsupportedAccessControlRole(bytes32 role);
    /// @notice Participant ids must be non-zero.
    error InvalidParticipantId();
    /// @notice A participant with this id already exists.
    error ParticipantAlreadyRegistered(bytes32 id);
    /// @notice No participant has this id.
    error UnknownParticipant(bytes32 id);
    /// @notice The mask sets bits that are not defined roles.
    error UnknownRoles(uint16 roles);
    /// @notice The grant or revocation would leave the role mask as it is.
    error RolesUnchanged(bytes32 id, uint16 roles);
    /// @notice A participant needs at least one key at registration.
    error NoKeys();
    /// @notice The key is the zero address.
    error InvalidKey();
    /// @notice The key is (or was) already registered, to this or another participant.
    error KeyAlreadyRegistered(address key, bytes32 participantId);
    /// @notice The key was never registered.
    error UnknownKey(address key);
    /// @notice The key is already retired.
    error KeyAlreadyRetired(address key, uint48 retiredAt);
    /// @notice The retirement reason is neither RETIRED (1) nor COMPROMISED (2).
    error InvalidRetirementReason(uint8 reason);
    /// @notice The caller is neither an admin nor an active key of an active participant `id`.
    error NotParticipantKeyOrAdmin(address caller, bytes32 id);
    /// @notice The participant is already suspended.
    error ParticipantAlreadySuspended(bytes32 id);
    /// @notice The participant is not suspended.
    error ParticipantNotSuspended(bytes32 id);

    /// @notice A participant was registered (it is active, with `roles` and the keys announced by KeyAdded).
    event ParticipantRegistered(bytes32 indexed id, string metadataURI, bytes32 metadataHash, uint16 roles);
    /// @notice A participant's metadata changed.
    event ParticipantMetadataUpdated(bytes32 indexed id, string metadataURI, bytes32 metadataHash);
    /// @notice A participant was suspended; from `effectiveAt` its keys stand as ParticipantSuspended.
    event ParticipantSuspended(bytes32 indexed id, uint16 reason, address indexed by, uint48 effectiveAt);
    /// @notice A suspended participant was reactivated at `effectiveAt`.
    event ParticipantReactivated(bytes32 indexed id, address indexed by, uint48 effectiveAt);
    /// @notice `roles` were granted; `newRoles` is the resulting mask from `effectiveAt`.
    event RolesGranted(bytes32 indexed id, uint16 roles, uint16 newRoles, address indexed by, uint48 effectiveAt);
    /// @notice `roles` were revoked; `newRoles` is the resulting mask from `effectiveAt`.
    event RolesRevoked(bytes32 indexed id, uint16 roles, uint16 newRoles, address indexed by, uint48 effectiveAt);
    /// @notice A key was added to a participant; it is active from `effectiveAt`.
    event KeyAdded(bytes32 indexed id, address indexed key, address indexed by, uint48 effectiveAt);
    /// @notice A key was retired for `reason` (1 retired, 2 compromised); inactive from `effectiveAt`.
    event KeyRetired(bytes32 indexed id, address indexed key, address indexed by, uint8 reason, uint48 effectiveAt);

    /// @notice Deploys the registry with one administrator.
    /// @param admin receives DEFAULT_ADMIN_ROLE (registers, suspends, grants roles; manages admins)
    constructor(address admin) {
        if (admin == address(0)) revert InvalidAdmin();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice The contract's interface version.
    /// @return "1.0.0"
    function version() external pure returns (string memory) {
        return "1.0.0";
    }

    // ------------------------------------------------------------------ admin: participants

    /// @notice Registers a participant, active from now, with a role mask and its first keys.
    /// @dev Caller: DEFAULT_ADMIN_ROLE (else AccessControlUnauthorizedAccount). Errors:
    ///      InvalidParticipantId, ParticipantAlreadyRegistered, UnknownRoles, NoKeys, InvalidKey,
    ///      KeyAlreadyRegistered. Emits ParticipantRegistered then KeyAdded per key.
    /// @param id non-zero participant id chosen off-chain (e.g. keccak256 of the LEI or GLN)
    /// @param metadataURI where the metadata document (name, country, LEI / GLN) lives
    /// @param metadataHash hash of that document (e.g. its SHA-256)
    /// @param roles initial role mask (bits of Roles; may be 0)
    /// @param keys one or more signing keys, active from now
    function registerParticipant(
        bytes32 id,
        string calldata metadataURI,
        bytes32 metadataHash,
        uint16 roles,
        address[] calldata keys
    ) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (id == bytes32(0)) revert InvalidParticipantId();
        Participant storage p = _participants[id];
        if (p.registeredAt != 0) revert ParticipantAlreadyRegistered(id);
        _checkRoles(roles);
        if (keys.length == 0) revert NoKeys();

        uint48 now_ = Time.timestamp();
        p.registeredAt = now_;
        p.metadataURI = metadataURI;
        p.metadataHash = metadataHash;
        p.status.push(now_, ACTIVE_FLAG | roles);
        emit ParticipantRegistered(id, metadataURI, metadataHash, roles);
        for (uint256 i = 0; i < keys.length; ++i) {
            _addKey(id, p, keys[i], now_);
        }
    }

    /// @notice Replaces a participant's metadata URI and hash.
    /// @dev Caller: DEFAULT_ADMIN_ROLE. Errors: UnknownParticipant. Emits ParticipantMetadataUpdated.
    /// @param id the participant
    /// @param metadataURI new metadata location
    /// @param metadataHash new metadata hash
    function updateMetadata(bytes32 id, string calldata metadataURI, bytes32 metadataHash)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        Participant storage p = _existing(id);
        p.metadataURI = metadataURI;
        p.metadataHash = metadataHash;
        emit ParticipantMetadataUpdated(id, metadataURI, metadataHash);
    }

    /// @notice Suspends a participant from now: its keys stand as ParticipantSuspended until
    ///         reactivation. Records anchored earlier are unaffected.
    /// @dev Caller: DEFAULT_ADMIN_ROLE. Errors: UnknownParticipant, ParticipantAlreadySuspended.
    ///      Emits ParticipantSuspended.
    /// @param id the participant
    /// @param reason an off-chain reason code, recorded in the event
    function suspendParticipant(bytes32 id, uint16 reason) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Participant storage p = _existing(id);
        uint208 current = p.status.latest();
        if (current & ACTIVE_FLAG == 0) revert ParticipantAlreadySuspended(id);
        uint48 now_ = Time.timestamp();
        p.status.push(now_, current & ~ACTIVE_FLAG);
        emit ParticipantSuspended(id, reason, _msgSender(), now_);
    }

    /// @notice Reactivates a suspended participant from now.
    /// @dev Caller: DEFAULT_ADMIN_ROLE. Errors: UnknownParticipant, ParticipantNotSuspended.
    ///      Emits ParticipantReactivated.
    /// @param id the participant
    function reactivateParticipant(bytes32 id) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Participant storage p = _existing(id);
        uint208 current = p.status.latest();
        if (current & ACTIVE_FLAG != 0) revert ParticipantNotSuspended(id);
        uint48 now_ = Time.timestamp();
        p.status.push(now_, current | ACTIVE_FLAG);
        emit ParticipantReactivated(id, _msgSender(), now_);
    }

    /// @notice Grants roles to a participant from now.
    /// @dev Caller: DEFAULT_ADMIN_ROLE. Errors: UnknownParticipant, UnknownRoles, RolesUnchanged
    ///      (every role in `roles` already held, or `roles` is 0). Emits RolesGranted.
    /// @param id the participant
    /// @param roles mask of roles to add
    function grantRoles(bytes32 id, uint16 roles) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRoles(roles);
        Participant storage p = _existing(id);
        uint208 current = p.status.latest();
        uint16 newRoles = uint16(current) | roles;
        if (newRoles == uint16(current)) revert RolesUnchanged(id, roles);
        uint48 now_ = Time.timestamp();
        p.status.push(now_, (current & ACTIVE_FLAG) | newRoles);
        emit RolesGranted(id, roles, newRoles, _msgSender(), now_);
    }

    /// @notice Revokes roles from a participant from now.
    /// @dev Caller: DEFAULT_ADMIN_ROLE. Errors: UnknownParticipant, UnknownRoles, RolesUnchanged
    ///      (no role in `roles` held). Emits RolesRevoked.
    /// @param id the participant
    /// @param roles mask of roles to remove
    function revokeRoles(bytes32 id, uint16 roles) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRoles(roles);
        Participant storage p = _existing(id);
        uint208 current = p.status.latest();
        uint16 newRoles = uint16(current) & ~roles;
        if (newRoles == uint16(current)) revert RolesUnchanged(id, roles);
        uint48 now_ = Time.timestamp();
        p.status.push(now_, (current & ACTIVE_FLAG) | newRoles);
        emit RolesRevoked(id, roles, newRoles, _msgSender(), now_);
    }

    // ------------------------------------------------------------------ keys

    /// @notice Adds a signing key to a participant, active from now.
    /// @dev Caller: DEFAULT_ADMIN_ROLE, or an active (unretired) key of participant `id` while
    ///      the participant is active (else NotParticipantKeyOrAdmin). Errors: UnknownParticipant,
    ///      InvalidKey, KeyAlreadyRegistered (a key address is never reused). Emits KeyAdded.
    /// @param id the participant
    /// @param key the new key
    function addKey(bytes32 id, address key) external {
        Participant storage p = _existing(id);
        if (!hasRole(DEFAULT_ADMIN_ROLE, _msgSender())) {
            KeyRecord storage caller = _keys[_msgSender()];
            bool ok = caller.participantId == id && caller.retiredAt == 0 && p.status.latest() & ACTIVE_FLAG != 0;
            if (!ok) revert NotParticipantKeyOrAdmin(_msgSender(), id);
        }
        _addKey(id, p, key, Time.timestamp());
    }

    /// @notice Retires a key from now, for good. What it signed into roots anchored before now
    ///         stays valid; roots anchored from now on report KEY_RETIRED for its claims.
    /// @dev Caller: DEFAULT_ADMIN_ROLE, or any active key of the same participant, including the
    ///      key itself, even while the participant is suspended (else NotParticipantKeyOrAdmin).
    ///      Errors: UnknownKey, KeyAlreadyRetired, InvalidRetirementReason. Emits KeyRetired.
    /// @param key the key to retire
    /// @param reason RETIRED (1, rotation) or COMPROMISED (2)
    function retireKey(address key, uint8 reason) external {
        KeyRecord storage k = _keys[key];
        bytes32 id = k.participantId;
        if (id == bytes32(0)) revert UnknownKey(key);
        if (k.retiredAt != 0) revert KeyAlreadyRetired(key, k.retiredAt);
        if (reason != RETIRED && reason != COMPROMISED) revert InvalidRetirementReason(reason);
        if (!hasRole(DEFAULT_ADMIN_ROLE, _msgSender())) {
            KeyRecord storage caller = _keys[_msgSender()];
            if (caller.participantId != id || caller.retiredAt != 0) revert NotParticipantKeyOrAdmin(_msgSender(), id);
        }
        uint48 now_ = Time.timestamp();
        k.retiredAt = now_;
        k.retirementReason = reason;
        emit KeyRetired(id, key, _msgSender(), reason, now_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IParticipantRegistry
    function standingAt(address key, uint16 anyOfRoles, uint48 timestamp)
        public
        view
        returns (Standing standing, bytes32 participantId)
    {
        KeyRecord storage k = _keys[key];
        participantId = k.participantId;
        if (participantId == bytes32(0) || k.addedAt > timestamp) return (Standing.UnknownKey, participantId);
        uint48 retiredAt = k.retiredAt;
        if (retiredAt != 0 && retiredAt <= timestamp) return (Standing.KeyRetired, participantId);
        uint208 status = _participants[participantId].status.upperLookupRecent(timestamp);
        if (status & ACTIVE_FLAG == 0) return (Standing.ParticipantSuspended, participantId);
        if (uint16(status) & anyOfRoles == 0) return (Standing.RoleMissing, participantId);
        return (Standing.Authorised, participantId);
    }

    /// @notice True when `key` was active, its participant active and holding at least one of
    ///         `anyOfRoles` at timestamp `timestamp` ("was key K an active supplier at time T?").
    /// @param key the signing key
    /// @param anyOfRoles role mask (e.g. ROLE_SUPPLIER); an empty mask yields false
    /// @param timestamp unix timestamp (seconds)
    /// @return true when standingAt(key, anyOfRoles, timestamp) is Authorised
    function isAuthorisedAt(address key, uint16 anyOfRoles, uint48 timestamp) external view returns (bool) {
        (Standing standing,) = standingAt(key, anyOfRoles, timestamp);
        return standing == Standing.Authorised;
    }

    /// @notice True when `key` was registered and not retired at timestamp `timestamp` (participant
    ///         status and roles not considered).
    /// @param key the signing key
    /// @param timestamp unix timestamp (seconds)
    /// @return whether addedAt <= timestamp < retiredAt (retiredAt 0 meaning never)
    function isKeyActiveAt(address key, uint48 timestamp) external view returns (bool) {
        KeyRecord storage k = _keys[key];
        return k.participantId != bytes32(0) && k.addedAt <= timestamp && (k.retiredAt == 0 || timestamp < k.retiredAt);
    }

    /// @inheritdoc IParticipantRegistry
    function keyInfo(address key)
        external
        view
        returns (bytes32 participantId, uint48 addedAt, uint48 retiredAt, uint8 retirementReason)
    {
        KeyRecord storage k = _keys[key];
        return (k.participantId, k.addedAt, k.retiredAt, k.retirementReason);
    }

    /// @notice A participant's current record.
    /// @dev Errors: UnknownParticipant.
    /// @param id the participant
    /// @return metadataURI metadata location
    /// @return metadataHash metadata hash
    /// @return registeredAt registration timestamp
    /// @return active false while suspended
    /// @return roles current role mask
    /// @return keyCount number of keys ever added (retired ones included)
    function participant(bytes32 id)
        external
        view
        returns (
            string memory metadataURI,
            bytes32 metadataHash,
            uint48 registeredAt,
            bool active,
            uint16 roles,
            uint256 keyCount
        )
    {
        Participant storage p = _existing(id);
        uint208 status = p.status.latest();
        return (p.metadataURI, p.metadataHash, p.registeredAt, status & ACTIVE_FLAG != 0, uint16(status), p.keys.length);
    }

    /// @notice Every key ever added to a participant, in order (retired ones included; see keyInfo).
    /// @param id the participant (an unknown id yields an empty list)
    /// @return the keys
    function participantKeys(bytes32 id) external view returns (address[] memory) {
        return _participants[id].keys;
    }

    /// @notice A participant's status at timestamp `timestamp`.
    /// @param id the participant
    /// @param timestamp unix timestamp (seconds)
    /// @return active false before registration and while suspended
    /// @return roles the role mask in force (0 before registration)
    function statusAt(bytes32 id, uint48 timestamp) external view returns (bool active, uint16 roles) {
        uint208 status = _participants[id].status.upperLookupRecent(timestamp);
        return (status & ACTIVE_FLAG != 0, uint16(status));
    }

    /// @notice Number of status checkpoints of a participant (one per block with a change).
    /// @param id the participant
    /// @return the length of its status history
    function statusHistoryLength(bytes32 id) external view returns (uint256) {
        return _participants[id].status.length();
    }

    /// @notice One status checkpoint: from `since` the participant had this status.
    /// @param id the participant
    /// @param index 0-based, < statusHistoryLength(id) (else Panic 0x32)
    /// @return since timestamp the status took effect
    /// @return active false while suspended
    /// @return roles the role mask
    function statusHistoryAt(bytes32 id, uint32 index) external view returns (uint48 since, bool active, uint16 roles) {
        Checkpoints.Checkpoint208 memory c = _participants[id].status.pos(index);
        return (c._key, c._value & ACTIVE_FLAG != 0, uint16(c._value));
    }

    // ------------------------------------------------------------------ internals

    /// @dev Only DEFAULT_ADMIN_ROLE may exist here; participant roles are not AccessControl roles.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (role != DEFAULT_ADMIN_ROLE) revert UnsupportedAccessControlRole(role);
        return super._grantRole(role, account);
    }

    function _addKey(bytes32 id, Participant storage p, address key, uint48 now_) private {
        if (key == address(0)) revert InvalidKey();
        KeyRecord storage k = _keys[key];
        if (k.participantId != bytes32(0)) revert KeyAlreadyRegistered(key, k.participantId);
        k.participantId = id;
        k.addedAt = now_;
        p.keys.push(key);
        emit KeyAdded(id, key, _msgSender(), now_);
    }

    function _existing(bytes32 id) private view returns (Participant storage p) {
        p = _participants[id];
        if (p.registeredAt == 0) revert UnknownParticipant(id);
    }

    function _checkRoles(uint16 roles) private pure {
        if (roles & ~Roles.ALL != 0) revert UnknownRoles(roles);
    }
}
