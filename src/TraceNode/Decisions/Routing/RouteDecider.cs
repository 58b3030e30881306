using System.Globalization;
using Microsoft.Extensions.Options;
using Trace.Domain;
using Trace.Domain.Identifiers;
using Trace.Node.Carbon.Factors;
using Trace.Node.Decisions.Lanes;

namespace Trace.Node.Decisions.Routing;

/// <summary>
/// Answers route questions from the lane catalogue with the transport factor set footprints use: each lane emits
/// (distance km × cargo t) × intensity, the intensity being the lane's measured one or the active set's row for its mode.
/// </summary>
public sealed class RouteDecider(LaneCatalog catalog, ITransportFactorProvider factors, IOptions<DecisionOptions> options)
{
    /// <summary>Most deadlines in one question.</summary>
    public const int MaxDeadlines = 16;

    /// <summary>The Pareto front and the decision matrix for <paramref name="query"/>.</summary>
    /// <exception cref="InvalidFieldException">a field of the query is out of range (named as the gRPC request names it).</exception>
    public async Task<RouteDecision> DecideAsync(RouteQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!UnLocode.IsValid(query.Origin)) throw new InvalidFieldException("origin", $"\"{query.Origin}\" is not a UN/LOCODE (e.g. \"CNSHA\")");
        if (!UnLocode.IsValid(query.Destination)) throw new InvalidFieldException("destination", $"\"{query.Destination}\" is not a UN/LOCODE (e.g. \"DEDUI\")");
        if (query.Origin == query.Destination) throw new InvalidFieldException("destination", "must differ from origin");
        if (query.DeadlinesDays.Count is 0 or > MaxDeadlines) throw new InvalidFieldException("deadline_days", $"give 1 to {MaxDeadlines} deadlines");
        var settings = options.Value;
        var maxLegs = query.MaxLegs ?? settings.DefaultMaxLegs;
        if (maxLegs < 1 || maxLegs > settings.MaxLegsLimit) throw new InvalidFieldException("max_legs", $"must be 1 to {settings.MaxLegsLimit} (0 = the node's default, {settings.DefaultMaxLegs})");
        var transfer = query.TransferDays ?? decimal.Parse(settings.DefaultTransferDays, CultureInfo.InvariantCulture);

        var set = factors.Active;
        var lanes = await catalog.AllAsync(ct).ConfigureAwait(false);
        var edges = Price(lanes, set, query.CargoTonnes);
        var front = RouteSearch.ParetoFront(edges, query.Origin, query.Destination, transfer, maxLegs);
        var decisions = RouteSearch.Decide(front, query.DeadlinesDays);
        var used = front.SelectMany(p => p.Legs).Where(l => !l.Measured).Select(l => l.Lane.Mode).Distinct().Order().Select(set.For).ToList();
        return new RouteDecision(set, used, query.CargoTonnes, transfer, maxLegs, lanes.Count, front, decisions);
    }

    /// <summary>Each lane's emissions for <paramref name="tonnes"/> of cargo: (distance × tonnes) × intensity.</summary>
    public static IReadOnlyList<RouteEdge> Price(IReadOnlyList<Lane> lanes, TransportFactorSet set, decimal tonnes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        ArgumentNullException.ThrowIfNull(set);
        var edges = new RouteEdge[lanes.Count];
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            var measured = lane.MeasuredKgCo2ePerTonneKm is not null;
            var intensity = lane.MeasuredKgCo2ePerTonneKm ?? set.For(lane.Mode).KgCo2ePerTonneKm;
            edges[i] = new RouteEdge(lane, intensity, measured, lane.DistanceKm * tonnes * intensity);
        }
        return edges;
    }
}
