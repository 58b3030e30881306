// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Participant roles
/// @notice Role bits of a participant's role mask. A mask may hold several roles; masks passed to
///         the registry must not set bits outside `ALL`.
library Roles {
    /// @notice The service key that anchors Merkle roots.
    uint16 internal constant OPERATOR = 1 << 0;
    /// @notice Issues evidence and lineage records about its own batches.
    uint16 internal constant SUPPLIER = 1 << 1;
    /// @notice Issues transport records and shipments.
    uint16 internal constant CARRIER = 1 << 2;
    /// @notice Accredited third party: issues records and endorses others' records.
    uint16 internal constant VERIFIER = 1 << 3;
    /// @notice Authority: flags and unflags records.
    uint16 internal constant REGULATOR = 1 << 4;
    /// @notice Reads and verifies; holds no write power in the evidence registry.
    uint16 internal constant BUYER = 1 << 5;
    /// @notice Every defined role bit.
    uint16 internal constant ALL = OPERATOR | SUPPLIER | CARRIER | VERIFIER | REGULATOR | BUYER;
}

/// @title IParticipantRegistry
/// @notice The part of the participant registry that other contracts (the evidence registry, a
///         buyer's contract) rely on: time-indexed answers about keys, participants and roles.
interface IParticipantRegistry {
    /// @notice How a key stood at a given time, for a required set of roles. The first failing
    ///         condition, in declaration order, is reported.
    enum Standing {
        /// The key was active, its participant active and holding at least one required role.
        Authorised,
        /// The key was not registered at that time (never, or only later).
        UnknownKey,
        /// The key had been retired (or reported compromised) at or before that time.
        KeyRetired,
        /// The key's participant was suspended at that time.
        ParticipantSuspended,
        /// The participant held none of the required roles at that time (or none were required).
        RoleMissing
    }

    /// @notice How a key stood at timestamp `at` with respect to `anyOfRoles`.
    /// @param key the signing key (an address)
    /// @param anyOfRoles role mask; the participant must hold at least one of these roles. An
    ///        empty mask is never satisfied (RoleMissing).
    /// @param timestamp a unix timestamp (seconds); changes made in a block take effect at that block's
    ///        timestamp, inclusively
    /// @return standing the first failing condition, or Authorised
    /// @return participantId the participant the key belongs to (zero when the key was never registered)
    function standingAt(address key, uint16 anyOfRoles, uint48 timestamp)
        external
        view
        returns (Standing standing, bytes32 participantId);

    /// @notice The permanent record of a key.
    /// @param key the signing key
    /// @return participantId the owner (zero when the key was never registered)
    /// @return addedAt timestamp from which the key is active (inclusive)
    /// @return retiredAt timestamp from which it is not (zero while active)
    /// @return retirementReason 0 while active, 1 retired, 2 compromised
    function keyInfo(address key)
        external
        view
        returns (bytes32 participantId, uint48 addedAt, uint48 retiredAt, uint8 retirementReason);
}
