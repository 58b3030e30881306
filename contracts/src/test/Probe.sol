// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Probe
/// @notice A small contract that exercises what Trace's EVM client must handle:
///         views, state changes, indexed and non-indexed event fields, custom errors,
///         `Error(string)` and `Panic(uint256)` reverts. Used only by tests.
contract Probe {
    /// @notice Raised when a stored value would exceed the limit.
    error ValueTooLarge(uint256 value, uint256 limit, address caller);

    /// @notice Emitted on every successful store.
    event Stored(address indexed by, uint256 indexed value, string note, bytes32 tag);

    uint256 public constant LIMIT = 1_000_000;

    uint256 public value;
    mapping(address => uint256) public storesBy;

    /// @notice Stores a value below LIMIT and emits Stored.
    /// @param newValue the value to store
    /// @param note free text echoed in the event
    /// @param tag a 32-byte tag echoed in the event
    function store(uint256 newValue, string calldata note, bytes32 tag) external {
        if (newValue > LIMIT) revert ValueTooLarge(newValue, LIMIT, msg.sender);
        value = newValue;
        storesBy[msg.sender] += 1;
        emit Stored(msg.sender, newValue, note, tag);
    }

    /// @notice Always reverts with a reason string.
    function failWithReason(string calldata reason) external pure {
        revert(reason);
    }

    /// @notice Divides, so a zero divisor raises Panic(0x12).
    function divide(uint256 a, uint256 b) external pure returns (uint256) {
        return a / b;
    }

    /// @notice Echoes a tuple of the ABI types Trace uses, to check decoding.
    function echo(address who, bool flag, bytes calldata data, uint64[] calldata numbers)
        external
        pure
        returns (address, bool, bytes memory, uint64[] memory)
    {
        return (who, flag, data, numbers);
    }
}
