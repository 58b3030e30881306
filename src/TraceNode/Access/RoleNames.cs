using Trace.Chain.Contracts.Registries;

namespace Trace.Node.Access;

/// <summary>Lower-case role names ("supplier", "carrier", ...) as tokens, docs and the authorization table write them.</summary>
public static class RoleNames
{
    private static readonly (ParticipantRoles Role, string Name)[] Names =
    [
        (ParticipantRoles.Operator, "operator"), (ParticipantRoles.Supplier, "supplier"), (ParticipantRoles.Carrier, "carrier"),
        (ParticipantRoles.Verifier, "verifier"), (ParticipantRoles.Regulator, "regulator"), (ParticipantRoles.Buyer, "buyer"),
    ];

    /// <summary>The names of the bits set in <paramref name="roles"/>, in bit order.</summary>
    public static IEnumerable<string> Of(ParticipantRoles roles) => Names.Where(n => (roles & n.Role) != 0).Select(n => n.Name);

    /// <summary>Space-separated names back to bits; unknown names are ignored.</summary>
    public static ParticipantRoles Parse(string names)
    {
        var roles = ParticipantRoles.None;
        foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            foreach (var (role, text) in Names)
                if (text == name) roles |= role;
        return roles;
    }
}
