using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Standards;

/// <summary>A node started without the EPCIS schema (Trace:Epcis:SchemaPath unset, as in a clean deployment) says so instead of converting unchecked.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class EpcisUnconfiguredTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task Without_the_EPCIS_schema_the_import_fails_its_precondition_naming_the_setting()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new EpcisService.EpcisServiceClient(node.Api.Channel)
            .ConvertEpcisDocumentAsync(new ConvertEpcisDocumentRequest { DocumentJson = "{}", Issuer = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" }));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Trace:Epcis:SchemaPath", ex.Status.Detail, StringComparison.Ordinal);
    }
}
