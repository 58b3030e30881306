namespace Trace.Api.Access;

/// <summary>
/// THE authorization table: every RPC this node serves, who may call it, and the rule on the data it touches.
/// <c>AuthorizationInterceptor</c> enforces the columns before any service code runs; the services enforce the
/// resource rules (named here) on the request's content. An RPC missing from this table is refused to everyone, and
/// the authorization-matrix test fails. docs/access.md renders this table (a test keeps the two equal).
/// </summary>
/// <remarks>
/// Roles are the participant's CURRENT on-chain roles (KeyStandings), not the ones the token was issued with.
/// Verifiers endorse through AssuranceService.EndorseRecord (their own EIP-712 signature, relayed), regulators flag
/// through FlagRecord / UnflagRecord (docs/assurance.md).
/// </remarks>
public static class AuthorizationTable
{
    private const string OwnIssuer =
        "the claim's issuer must be a key of the caller's participant; lineage records also pass the intake's rules " +
        "(a batch, transformation or footprint only by the batch's producer; a shipment only by its sender or carrier)";

    private const string LineageReach =
        "regulators and verifiers read any batch; suppliers, carriers and buyers only a batch their participant produced, " +
        "sent, carried or received (a shipment's from/to participant or issuer is one of their keys)";

    /// <summary>The rows, by service.</summary>
    public static IReadOnlyList<AuthorizationRule> Rules { get; } =
    [
        // Infrastructure.
        new("/grpc.health.v1.Health/Check", Audience.Everyone),
        new("/grpc.health.v1.Health/Watch", Audience.Everyone),
        new("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", Audience.Everyone),
        new("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", Audience.Everyone),

        // Node and sign-in.
        new("/trace.v1.NodeService/GetNodeInfo", Audience.Everyone),
        new("/trace.v1.SignInService/GetSignInChallenge", Audience.Everyone),
        new("/trace.v1.SignInService/SignIn", Audience.Everyone),

        // Evidence: writes by issuers under their own keys; the public read surface; content by rule.
        new("/trace.v1.EvidenceService/SubmitDocument", Audience.Issuers, OwnIssuer),
        new("/trace.v1.EvidenceService/SubmitRecord", Audience.Issuers, OwnIssuer),
        new("/trace.v1.EvidenceService/SubmitRecords", Audience.Issuers, OwnIssuer + "; checked per record, a refused record is that record's PERMISSION_DENIED"),
        new("/trace.v1.EvidenceService/RevokeRecord", Audience.Issuers, "a signer, when named, must be a key of the caller's participant; the relay accepts only the record issuer's signature"),
        new("/trace.v1.EvidenceService/GetRecord", Audience.Everyone),
        new("/trace.v1.EvidenceService/GetProofBundle", Audience.Everyone),
        new("/trace.v1.EvidenceService/Verify", Audience.Everyone),
        new("/trace.v1.EvidenceService/VerifyContent", Audience.Everyone),
        new("/trace.v1.EvidenceService/ListRecords", Audience.SignedIn),
        new("/trace.v1.EvidenceService/WatchRecordStatus", Audience.SignedIn),
        new("/trace.v1.EvidenceService/DownloadContent", Audience.SignedIn,
            "content bytes only for the issuer's participant, its grantees (per record or batch) and regulators (docs/confidentiality.md)"),

        // Audit of the index against the chain: both are public, so anyone may hold the node to account (trace audit).
        new("/trace.v1.AuditService/AuditIndex", Audience.Everyone),
        // Rebuilding the index writes a database file on the node and reads the whole chain history: the operator's.
        new("/trace.v1.IndexAdminService/RebuildIndex", Audience.Admin, "writes a new database under <data>/rebuilds/; the live index is not touched"),

        // Assurance: flags and endorsements are the signer's own EIP-712 messages, relayed; the audit trail is for oversight.
        new("/trace.v1.AssuranceService/FlagRecord", Audience.Regulator,
            "the signer must be a key of the caller's participant standing as regulator on chain now; the registry accepts only its signature"),
        new("/trace.v1.AssuranceService/UnflagRecord", Audience.Regulator,
            "the signer must be a key of the caller's participant standing as regulator on chain now; only that participant's own flag closes"),
        new("/trace.v1.AssuranceService/EndorseRecord", Audience.Verifier,
            "the signer must be a key of the caller's participant standing as verifier on chain now; not on records its own participant issued"),
        new("/trace.v1.AssuranceService/GetAuditTrail", Audience.Regulator | Audience.Verifier | Audience.Admin),
        new("/trace.v1.AssuranceService/ExportAuditTrail", Audience.Regulator | Audience.Verifier | Audience.Admin),

        // Lineage: footprints are public, graphs by reach.
        new("/trace.v1.LineageService/GetFootprint", Audience.Everyone),
        new("/trace.v1.LineageService/GetUpstreamLineage", Audience.Supplier | Audience.Carrier | Audience.Verifier | Audience.Regulator | Audience.Buyer, LineageReach),
        new("/trace.v1.LineageService/GetDownstreamLineage", Audience.Supplier | Audience.Carrier | Audience.Verifier | Audience.Regulator | Audience.Buyer, LineageReach),

        // Emission factors: public reference data.
        new("/trace.v1.EmissionFactorService/GetTransportFactors", Audience.Everyone),
        new("/trace.v1.EmissionFactorService/ListTransportFactorSets", Audience.Everyone),

        // Standards. EPCIS conversion is a pure function (no key held, nothing written): what it returns is checked when
        // the issuer submits the signed records. CBAM reports: regulators, verifiers and the operator see every good;
        // a supplier (the declarant or the producer) only goods within its lineage reach.
        new("/trace.v1.EpcisService/ConvertEpcisDocument", Audience.Issuers | Audience.Admin, "writes nothing; the records it returns pass the Submit RPCs' rules when signed"),
        new("/trace.v1.EpcisService/ConvertEpcisDocuments", Audience.Issuers | Audience.Admin, "writes nothing; the records it returns pass the Submit RPCs' rules when signed"),
        new("/trace.v1.CbamService/ExportCbamReport", Audience.Regulator | Audience.Verifier | Audience.Admin | Audience.Supplier,
            "regulators, verifiers and admins report every good; a supplier only goods its participant produced, sent, carried or received (lineage reach)"),

        // Carbon decisions (docs/decisions.md). The lane catalogue is the operator's, plus each carrier's own lanes; routes
        // are answered to any signed-in participant (lanes and carriers' intensities are not public). CBAM costs read the
        // same goods as the CBAM report export, so they follow its rule; the default-value table is the operator's.
        new("/trace.v1.LaneCatalogService/PutLanes", Audience.Admin, "operator lanes; all or nothing"),
        new("/trace.v1.LaneCatalogService/SubmitCarrierLanes", Audience.Carrier, "stored under the caller's participant id; a lane id of the operator or another carrier is PERMISSION_DENIED"),
        new("/trace.v1.LaneCatalogService/ListLanes", Audience.SignedIn),
        new("/trace.v1.LaneCatalogService/DeleteLanes", Audience.Admin | Audience.Carrier, "the admin any lane; a carrier only its own"),
        new("/trace.v1.RouteDecisionService/DecideRoute", Audience.SignedIn, "reads the lane catalogue and the active transport factor set; keeps each chosen path as a route plan (content-addressed, in the blob store)"),
        new("/trace.v1.RouteDecisionService/GetRoutePlan", Audience.SignedIn, "reads a kept route plan: lane ids, distances and intensities, no participant's data"),
        new("/trace.v1.CbamCostService/PutCbamDefaultValues", Audience.Admin, "every value cites its source; all or nothing"),
        new("/trace.v1.CbamCostService/ListCbamDefaultValues", Audience.SignedIn),
        new("/trace.v1.CbamCostService/EstimateCbamCost", Audience.Regulator | Audience.Verifier | Audience.Admin | Audience.Supplier,
            "as ExportCbamReport: regulators, verifiers and admins price every good; a supplier only goods within its lineage reach"),

        // Participants: onboarding is admin-only, the directory is public.
        new("/trace.v1.ParticipantService/RegisterParticipant", Audience.Admin),
        new("/trace.v1.ParticipantService/UpdateParticipantIdentity", Audience.Admin),
        new("/trace.v1.ParticipantService/AddParticipantKey", Audience.Admin),
        new("/trace.v1.ParticipantService/RetireParticipantKey", Audience.Admin),
        new("/trace.v1.ParticipantService/GrantParticipantRoles", Audience.Admin),
        new("/trace.v1.ParticipantService/RevokeParticipantRoles", Audience.Admin),
        new("/trace.v1.ParticipantService/SuspendParticipant", Audience.Admin),
        new("/trace.v1.ParticipantService/ReactivateParticipant", Audience.Admin),
        new("/trace.v1.ParticipantService/ListParticipants", Audience.Everyone),
        new("/trace.v1.ParticipantService/GetParticipant", Audience.Everyone),

        // Content access grants: a participant shares its own records' content (docs/confidentiality.md).
        new("/trace.v1.ContentAccessService/GrantContentAccess", Audience.SignedIn, "only on records or batches of the caller's own participant"),
        new("/trace.v1.ContentAccessService/RevokeContentAccess", Audience.SignedIn, "only grants the caller's own participant gave"),
        new("/trace.v1.ContentAccessService/ListContentGrants", Audience.SignedIn, "the grants the caller's participant gave or received; regulators see all"),

        // PACT exchange: the footprint export reads what GetFootprint shows; the conversion is pure and writes nothing.
        new("/trace.v1.PactService/ExportProductFootprint", Audience.Everyone),
        new("/trace.v1.PactService/ConvertProductFootprint", Audience.SignedIn, "pure conversion: reads only the batch's unit, writes nothing"),
    ];

    private static readonly Dictionary<string, AuthorizationRule> ByMethod = Rules.ToDictionary(r => r.Method, StringComparer.Ordinal);

    /// <summary>The table as the Markdown docs/access.md shows (a test keeps the two equal).</summary>
    public static string ToMarkdown()
    {
        var columns = new[] { Audience.Anonymous, Audience.Admin, Audience.Supplier, Audience.Carrier, Audience.Verifier, Audience.Regulator, Audience.Buyer };
        var text = new System.Text.StringBuilder();
        text.Append("| RPC | anonymous | admin | supplier | carrier | verifier | regulator | buyer | and then |\n");
        text.Append("|---|:-:|:-:|:-:|:-:|:-:|:-:|:-:|---|\n");
        foreach (var rule in Rules)
        {
            text.Append("| `").Append(rule.Method).Append("` |");
            foreach (var column in columns) text.Append(rule.IsPublic || rule.Allowed.HasFlag(column) ? " ✓ |" : " – |");
            text.Append(' ').Append(rule.ResourceRule).Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>The row of <paramref name="method"/> ("/package.Service/Method"); null when the table does not list it.</summary>
    public static AuthorizationRule? Find(string method) => ByMethod.GetValueOrDefault(method);
}
