namespace Trace.Node.Access;

/// <summary>Claim names inside a Trace access token (a JWT issued by SignInService).</summary>
public static class TraceClaimTypes
{
    /// <summary>The participant id (directory form, e.g. "lei:..." / "gln:..." / "0x" + 64 hex); absent for an admin key that is no participant.</summary>
    public const string Participant = "sub";

    /// <summary>The signed-in key, EIP-55.</summary>
    public const string Key = "trace_key";

    /// <summary>Space-separated role names at sign-in ("supplier carrier ..."), informative: calls use the registry's current roles.</summary>
    public const string Roles = "trace_roles";

    /// <summary>"true" when the key held the registry's admin role at sign-in.</summary>
    public const string Admin = "trace_admin";
}
