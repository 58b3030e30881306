using System.Text.Json.Nodes;
using Trace.Client.Standards.Pact;
using Trace.Domain;
using Trace.Node.Standards.Pact;

namespace Trace.Api.Pact;

/// <summary>
/// The footprints the PACT API serves: every batch of the lineage (computed by Trace or declared by its supplier) that
/// PACT v2 can express (its unit has a PACT declared unit) and the client may see (<see cref="PactClient.Producers"/>),
/// in the order of their footprint ids.
/// </summary>
public sealed class PactCatalog(PactFootprints footprints)
{
    /// <summary>A page: footprints after <paramref name="after"/> matching <paramref name="filter"/>, and whether more follow.</summary>
    public async Task<(List<JsonObject> Page, Guid? Next)> ListAsync(PactClient client, PactFilter filter, Guid? after, int limit, CancellationToken ct)
    {
        var page = new List<JsonObject>();
        foreach (var (id, batchId) in await footprints.ListAsync(ct).ConfigureAwait(false))
        {
            if (after is { } cursor && id.CompareTo(cursor) <= 0) continue;
            var pf = await BuildAsync(client, batchId, ct).ConfigureAwait(false);
            if (pf is null || !filter.Matches(pf)) continue;
            if (page.Count == limit) return (page, Guid.Parse(page[^1]["id"]!.GetValue<string>()));
            page.Add(pf);
        }
        return (page, null);
    }

    /// <summary>The footprint with this id, or null (unknown, not expressible, or not visible to the client).</summary>
    public async Task<JsonObject?> GetAsync(PactClient client, Guid id, CancellationToken ct)
    {
        var batchId = await footprints.FindAsync(id, ct).ConfigureAwait(false);
        return batchId is null ? null : await BuildAsync(client, batchId, ct).ConfigureAwait(false);
    }

    /// <summary>Every footprint visible to the client (for matching a footprint request).</summary>
    public async Task<List<JsonObject>> AllAsync(PactClient client, CancellationToken ct)
    {
        var all = new List<JsonObject>();
        foreach (var (_, batchId) in await footprints.ListAsync(ct).ConfigureAwait(false))
            if (await BuildAsync(client, batchId, ct).ConfigureAwait(false) is { } pf) all.Add(pf);
        return all;
    }

    private async Task<JsonObject?> BuildAsync(PactClient client, string batchId, CancellationToken ct)
    {
        var source = await footprints.GetAsync(batchId, ct).ConfigureAwait(false);
        if (source is null) return null;
        if (client.Producers.Count > 0 && !client.Producers.Contains(source.Producer, StringComparer.OrdinalIgnoreCase)) return null;
        try
        {
            return PactProductFootprintWriter.ToV2(source);
        }
        catch (InvalidFieldException)
        {
            return null; // a batch counted in a unit PACT v2 has no declared unit for (metre, piece)
        }
    }
}
