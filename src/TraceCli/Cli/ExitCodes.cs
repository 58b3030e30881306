namespace Trace.Cli.Cli;

/// <summary>The exit codes of every <c>trace</c> command (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done; for verify: VERIFIED; for audit: no findings.</summary>
    public const int Ok = 0;

    /// <summary>A negative answer: verify gave another verdict than VERIFIED, audit found problems, some files or records were refused.</summary>
    public const int Negative = 1;

    /// <summary>Unusable input: arguments, files, keys, passwords; or the node refused the input (INVALID_ARGUMENT); an RPC URL of another chain.</summary>
    public const int BadInput = 2;

    /// <summary>The node or the chain cannot be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>Not allowed: not signed in, key not registered, retired or suspended, role or resource refused (UNAUTHENTICATED, PERMISSION_DENIED).</summary>
    public const int Refused = 4;

    /// <summary>No such record, batch, participant or grant (NOT_FOUND).</summary>
    public const int NotFound = 5;

    /// <summary>Not possible yet or in this state (FAILED_PRECONDITION), e.g. a proof bundle of a record not anchored yet; another status the node answered.</summary>
    public const int NotReady = 6;
}
