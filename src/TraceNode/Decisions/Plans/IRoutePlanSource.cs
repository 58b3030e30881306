namespace Trace.Node.Decisions.Plans;

/// <summary>Finds the route plans this node made, by plan id (what a shipment's <c>routePlanId</c> cites).</summary>
public interface IRoutePlanSource
{
    /// <summary>The plan and its stored document, or null when this node made no plan with this id.</summary>
    (RoutePlan Plan, byte[] Document)? Find(string planId);
}
