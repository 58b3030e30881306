namespace Trace.Node.Storage;

/// <summary>The anchoring queue at a glance: how many claims wait for a batch and since when.</summary>
public sealed record QueueInfo(int Count, DateTimeOffset? OldestAcceptedAt);
