using System.Numerics;
using System.Text.Json;
using Trace.Chain.Contracts;
using Trace.Chain.Rpc;
using Trace.Crypto;
using Trace.Domain.Assurance;
using Trace.Node.Chain;
using EvidenceDtos = Trace.Chain.Contracts.Dtos.Evidence;
using ParticipantDtos = Trace.Chain.Contracts.Dtos.Participants;

namespace Trace.Node.Indexing;

/// <summary>
/// Reads the EvidenceRegistry's and ParticipantRegistry's logs as audit-trail events (kind, actor, participant, record,
/// root, code, related party and every argument as JSON). Logs of other events (e.g. EIP712DomainChanged) give null.
/// </summary>
public sealed class RegistryLogDecoder(TraceContracts contracts)
{
    /// <summary>The event of <paramref name="log"/>, or null when it is none the audit trail follows.</summary>
    public DecodedRegistryLog? Decode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var deployment = contracts.Deployment;
        ContractEvent? decoded;
        if (log.Address == deployment.EvidenceRegistry) decoded = contracts.Evidence.Contract.Definition.DecodeEvent(log);
        else if (log.Address == deployment.ParticipantRegistry) decoded = contracts.Participants.Contract.Definition.DecodeEvent(log);
        else return null;
        if (decoded is null) return null;
        var detail = DetailJson(decoded.Arguments);
        return decoded.Dto switch
        {
            EvidenceDtos.BatchAnchoredEvent e => new(log, RegistryEventKind.BatchAnchored, e.Operator, null, null, null, e.Root, (int)e.Count, null, detail),
            EvidenceDtos.ClaimRevokedEvent e => new(log, RegistryEventKind.RecordRevoked, e.By, null, e.Issuer, Hex.Encode(e.ClaimDigest), e.Root, e.Reason, null, detail),
            EvidenceDtos.ClaimSupersededEvent e => new(log, RegistryEventKind.RecordSuperseded, e.By, null, e.Issuer, Hex.Encode(e.ClaimDigest), e.Root, 0,
                Hex.Encode(e.NewClaimDigest), detail),
            EvidenceDtos.ClaimEndorsedEvent e => new(log, RegistryEventKind.RecordEndorsed, e.By, e.VerifierId, null, Hex.Encode(e.ClaimDigest), e.Root, e.Code, null, detail),
            EvidenceDtos.ClaimFlaggedEvent e => new(log, RegistryEventKind.RecordFlagged, e.By, e.RegulatorId, null, Hex.Encode(e.ClaimDigest), e.Root, e.Reason, null, detail),
            EvidenceDtos.ClaimUnflaggedEvent e => new(log, RegistryEventKind.RecordUnflagged, e.By, e.RegulatorId, null, Hex.Encode(e.ClaimDigest), null, e.Reason, null, detail),
            ParticipantDtos.ParticipantRegisteredEvent e => new(log, RegistryEventKind.ParticipantRegistered, null, e.Id, null, null, null, e.Roles, null, detail),
            ParticipantDtos.ParticipantMetadataUpdatedEvent e => new(log, RegistryEventKind.ParticipantMetadataUpdated, null, e.Id, null, null, null, 0, null, detail),
            ParticipantDtos.ParticipantSuspendedEvent e => new(log, RegistryEventKind.ParticipantSuspended, e.By, e.Id, null, null, null, e.Reason, null, detail),
            ParticipantDtos.ParticipantReactivatedEvent e => new(log, RegistryEventKind.ParticipantReactivated, e.By, e.Id, null, null, null, 0, null, detail),
            ParticipantDtos.RolesGrantedEvent e => new(log, RegistryEventKind.RolesGranted, e.By, e.Id, null, null, null, e.Roles, null, detail),
            ParticipantDtos.RolesRevokedEvent e => new(log, RegistryEventKind.RolesRevoked, e.By, e.Id, null, null, null, e.Roles, null, detail),
            ParticipantDtos.KeyAddedEvent e => new(log, RegistryEventKind.KeyAdded, e.By, e.Id, null, null, null, 0, Normalise(e.Key), detail),
            ParticipantDtos.KeyRetiredEvent e => new(log, RegistryEventKind.KeyRetired, e.By, e.Id, null, null, null, e.Reason, Normalise(e.Key), detail),
            ParticipantDtos.RoleGrantedEvent e => new(log, RegistryEventKind.AdminGranted, e.Sender, null, null, null, null, 0, Normalise(e.Account), detail),
            ParticipantDtos.RoleRevokedEvent e => new(log, RegistryEventKind.AdminRevoked, e.Sender, null, null, null, null, 0, Normalise(e.Account), detail),
            _ => null,
        };
    }

    private static string Normalise(string address) => EthereumAddress.Parse(address).ToString();

    /// <summary>The event's arguments as a JSON object: bytes as 0x-hex, integers as decimal strings when beyond 2^53.</summary>
    internal static string DetailJson(IReadOnlyDictionary<string, object?> arguments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                json.WritePropertyName(name);
                WriteValue(json, value);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case byte[] bytes: json.WriteStringValue(Hex.Encode(bytes)); break;
            case EthereumAddress address: json.WriteStringValue(address.ToString()); break;
            case BigInteger big when big >= -((BigInteger)1 << 53) && big <= (BigInteger)1 << 53: json.WriteNumberValue((long)big); break;
            case BigInteger big: json.WriteStringValue(big.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case bool b: json.WriteBooleanValue(b); break;
            case object?[] items:
                json.WriteStartArray();
                foreach (var item in items) WriteValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(value.ToString()); break;
        }
    }
}
