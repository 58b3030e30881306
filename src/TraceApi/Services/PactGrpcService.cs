using System.Text;
using Grpc.Core;
using Trace.Client.Standards.Pact;
using Trace.Domain;
using Trace.Node.Standards.Pact;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.PactService: PACT ProductFootprint export of a batch, and conversion of a supplier's ProductFootprint into an unsigned declaration.</summary>
public sealed class PactGrpcService(PactFootprints footprints) : PactService.PactServiceBase
{
    private const int MaxBatchIdLength = 2048;
    private const int MaxDocumentBytes = 1024 * 1024;

    public override async Task<ExportProductFootprintResponse> ExportProductFootprint(ExportProductFootprintRequest request, ServerCallContext context)
    {
        var batchId = RequireBatchId(request.BatchId);
        var major = request.SpecVersion switch
        {
            "" or "2" => 2,
            "3" => 3,
            _ => throw new InvalidFieldException("spec_version", $"\"{request.SpecVersion}\" is not \"2\" or \"3\""),
        };
        var source = await footprints.GetAsync(batchId, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"batch_id: no batch record declares {batchId}"));
        System.Text.Json.Nodes.JsonObject pf;
        try
        {
            pf = major == 2 ? PactProductFootprintWriter.ToV2(source) : PactProductFootprintWriter.ToV3(source);
        }
        catch (InvalidFieldException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"batch_id: {ex.Reason}"));
        }
        return new ExportProductFootprintResponse { ProductFootprintJson = pf.ToJsonString(), FootprintId = source.Id.ToString("D") };
    }

    public override async Task<ConvertProductFootprintResponse> ConvertProductFootprint(ConvertProductFootprintRequest request, ServerCallContext context)
    {
        var batchId = RequireBatchId(request.BatchId);
        if (Encoding.UTF8.GetByteCount(request.ProductFootprintJson) > MaxDocumentBytes)
            throw new InvalidFieldException("product_footprint_json.$", $"is larger than {MaxDocumentBytes} bytes");
        if (request.BatchUnit.Length > 0 && !Domain.Lineage.MeasureUnit.TryParse(request.BatchUnit, out _))
            throw new InvalidFieldException("batch_unit", $"\"{request.BatchUnit}\" is not a unit code Trace supports (KGM, TNE, LTR, H87, ...)");
        var unit = await footprints.BatchUnitAsync(batchId, context.CancellationToken) ?? (request.BatchUnit.Length > 0 ? request.BatchUnit : null);
        Client.Claims.RecordDraft draft;
        try
        {
            draft = PactDeclarationConverter.Convert(request.ProductFootprintJson, batchId, unit);
        }
        catch (InvalidFieldException ex) when (ex.Field is not ("batch_id" or "batch_unit"))
        {
            throw new InvalidFieldException("product_footprint_json." + ex.Field, ex.Reason);
        }
        return new ConvertProductFootprintResponse { RecordJson = draft.BodyJson, SubjectId = draft.SubjectId, Kind = draft.Kind };
    }

    private static string RequireBatchId(string batchId)
    {
        if (string.IsNullOrWhiteSpace(batchId)) throw new InvalidFieldException("batch_id", "is required");
        if (batchId.Length > MaxBatchIdLength) throw new InvalidFieldException("batch_id", $"longer than {MaxBatchIdLength} characters");
        return batchId;
    }
}
