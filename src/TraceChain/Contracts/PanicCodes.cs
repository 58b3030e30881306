using System.Numerics;

namespace Trace.Chain.Contracts;

/// <summary>Meanings of the Solidity Panic(uint256) codes (Solidity docs, "Panic via assert and Error via require").</summary>
public static class PanicCodes
{
    /// <summary>What the code means, e.g. 0x12 → "division or modulo by zero".</summary>
    public static string Describe(BigInteger code) => (int)BigInteger.Min(code, int.MaxValue) switch
    {
        0x00 => "generic compiler-inserted panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "conversion to an invalid enum value",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };
}
