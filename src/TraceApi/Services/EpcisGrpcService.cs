using Grpc.Core;
using Trace.Client.Standards.Epcis;
using Trace.Domain;
using Trace.Node.Standards.Epcis;
using Trace.Protos.V1;

namespace Trace.Api.Services;

/// <summary>trace.v1.EpcisService: EPCIS 2.0 documents converted into unsigned lineage records for the supplier to sign.</summary>
public sealed class EpcisGrpcService(EpcisImporter importer) : EpcisService.EpcisServiceBase
{
    public override Task<ConvertEpcisDocumentResponse> ConvertEpcisDocument(ConvertEpcisDocumentRequest request, ServerCallContext context) =>
        Task.FromResult(Convert(request, "document_json"));

    public override async Task ConvertEpcisDocuments(IAsyncStreamReader<ConvertEpcisDocumentRequest> requestStream,
        IServerStreamWriter<ConvertEpcisDocumentResponse> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(Convert(request, $"document[{index}].document_json"), context.CancellationToken);
            index++;
        }
    }

    private ConvertEpcisDocumentResponse Convert(ConvertEpcisDocumentRequest request, string field)
    {
        if (!importer.IsAvailable)
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "EPCIS import is not configured on this node: set Trace:Epcis:SchemaPath to the GS1 EPCIS 2.0 JSON Schema (EPCIS-JSON-Schema.json)"));
        if (string.IsNullOrEmpty(request.Issuer)) throw new InvalidFieldException(Prefixed(field, "issuer"), "is required (the participant address that will sign the records)");
        var options = new EpcisConversionOptions
        {
            Issuer = request.Issuer,
            Parties = request.Parties,
            Counterparty = request.Counterparty,
            ProductNames = request.ProductNames,
            RecordOverrides = request.RecordOverrides,
            KnownEventRecords = request.KnownEventRecords,
        };
        EpcisConversion conversion;
        try
        {
            conversion = importer.Convert(request.DocumentJson, options, field);
        }
        catch (EpcisConversionException ex)
        {
            throw new InvalidFieldException(Prefixed(field, ex.Path), ex.Reason);
        }
        var response = new ConvertEpcisDocumentResponse { EventHashAlgorithm = EpcisConversion.EventHashAlgorithm };
        response.Records.AddRange(conversion.Records.Select(r => new EpcisLineageRecord
        {
            EventIndex = (uint)r.EventIndex, EventId = r.EventId ?? "", EventHash = r.EventHash, Kind = r.Kind, SubjectId = r.SubjectId, RecordJson = r.BodyJson,
        }));
        response.Events.AddRange(conversion.Events.Select(e =>
        {
            var outcome = new EpcisEventOutcome
            {
                EventIndex = (uint)e.EventIndex, EventId = e.EventId ?? "", EventType = e.EventType, EventHash = e.EventHash,
                Disposition = e.Disposition,
            };
            outcome.SubjectIds.AddRange(e.SubjectIds);
            outcome.Notes.AddRange(e.Notes);
            return outcome;
        }));
        return response;
    }

    private static string Prefixed(string field, string member) => field.Contains('[', StringComparison.Ordinal) ? $"{field[..field.IndexOf('.', StringComparison.Ordinal)]}.{member}" : member;
}
