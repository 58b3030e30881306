namespace Trace.Api.Access;

/// <summary>The columns of <see cref="AuthorizationTable"/>: who may call an RPC.</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>No token: a public RPC (every signed-in caller may call it too).</summary>
    Anonymous = 1,
    /// <summary>A key holding the ParticipantRegistry's DEFAULT_ADMIN_ROLE.</summary>
    Admin = 2,
    Supplier = 4,
    Carrier = 8,
    Verifier = 16,
    Regulator = 32,
    Buyer = 64,
    /// <summary>Any valid token, whatever the key's roles (a participant with only the operator role included).</summary>
    AnySignedIn = 128,

    /// <summary>The roles that issue evidence under their own keys.</summary>
    Issuers = Supplier | Carrier | Verifier,
    /// <summary>Everyone, with or without a token.</summary>
    Everyone = Anonymous | Admin | Supplier | Carrier | Verifier | Regulator | Buyer | AnySignedIn,
    /// <summary>Every valid token.</summary>
    SignedIn = Admin | Supplier | Carrier | Verifier | Regulator | Buyer | AnySignedIn,
}
