using Grpc.Core;
using Trace.Api.Tests.Support;
using Trace.Chain.Contracts.Registries;
using Trace.Protos.V1;

namespace Trace.Api.Tests.Evidence;

/// <summary>Bulk submission over one SubmitRecords stream: one answer per record, in order, refusals do not end the stream.</summary>
[Collection(EvidenceNodeCollection.Name)]
public sealed class SubmitRecordsStreamTests(EvidenceNodeFixture node)
{
    [Fact]
    public async Task A_stream_answers_every_record_in_order_and_refuses_bad_ones_without_ending()
    {
        var supplier = node.NewSigner();
        var stranger = node.NewSigner(); // never registered
        await node.RegisterAsync(supplier.Address, ParticipantRoles.Supplier);

        var requests = new List<SubmitRecordRequest>();
        for (var i = 0; i < 300; i++)
            requests.Add(supplier.StructuredRecord($"urn:trace:meter:M-{i}", RecordKind.EnergyReading, $"{{\"meter\":\"M-{i}\",\"kWh\":\"{i}.25\"}}"));
        var tampered = supplier.StructuredRecord("urn:trace:meter:T", RecordKind.EnergyReading, "{\"meter\":\"T\",\"kWh\":\"1\"}");
        tampered.RecordJson = tampered.RecordJson.Replace("\"1\"", "\"2\"", StringComparison.Ordinal); // signed one figure, sends another
        requests.Insert(10, tampered);
        requests.Insert(20, stranger.StructuredRecord("urn:trace:meter:S", RecordKind.EnergyReading, "{\"meter\":\"S\"}"));
        requests.Insert(30, requests[5]); // a resubmission inside the same stream

        var answers = await SubmitAllAsync(requests);

        Assert.Equal(Enumerable.Range(0, requests.Count).Select(i => (ulong)i), answers.Select(a => a.Index));
        Assert.Equal((int)StatusCode.InvalidArgument, answers[10].Refused.Code);
        Assert.StartsWith("signed_claim.claim.content_hash", answers[10].Refused.Message);
        Assert.Equal((int)StatusCode.PermissionDenied, answers[20].Refused.Code);
        Assert.Contains("unknown issuer", answers[20].Refused.Message);
        Assert.Equal(answers[5].Accepted.Record.Id, answers[30].Accepted.Record.Id);
        var accepted = answers.Where(a => a.ResultCase == SubmitRecordsResponse.ResultOneofCase.Accepted).ToList();
        Assert.Equal(301, accepted.Count);
        Assert.Equal(300, accepted.Count(a => a.Accepted.Created));
        Assert.Equal(300, accepted.Select(a => a.Accepted.Record.Id).Distinct().Count());

        // The same records as unary calls: nothing new, the ids match.
        var again = await node.Evidence.SubmitRecordAsync(requests[0]);
        Assert.False(again.Created);
        Assert.Equal(answers[0].Accepted.Record.Id, again.Record.Id);

        foreach (var answer in accepted.Where(a => a.Accepted.Created).Take(300).Where((_, i) => i % 50 == 0))
            await node.Evidence.WaitForStatusAsync(answer.Accepted.Record.Id, RecordStatus.Confirmed, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task An_empty_stream_ends_with_no_answers()
    {
        Assert.Empty(await SubmitAllAsync([]));
    }

    private async Task<List<SubmitRecordsResponse>> SubmitAllAsync(IReadOnlyList<SubmitRecordRequest> requests)
    {
        using var call = node.Evidence.SubmitRecords();
        var answers = new List<SubmitRecordsResponse>();
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) answers.Add(call.ResponseStream.Current);
        });
        foreach (var request in requests) await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        await reading;
        return answers;
    }
}
