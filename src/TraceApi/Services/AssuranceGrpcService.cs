using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.AssuranceService: relays regulator flags and verifier endorsements, streams and exports the audit trail.</summary>
public sealed class AssuranceGrpcService : AssuranceService.AssuranceServiceBase
{
}
