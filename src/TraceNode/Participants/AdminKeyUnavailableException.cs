namespace Trace.Node.Participants;

/// <summary>The node has no registry admin key (Chain:AdminKey / Chain:AdminKeystore unset on an external chain), so it cannot send admin transactions.</summary>
public sealed class AdminKeyUnavailableException() : Exception(
    "this node has no registry admin key: set Chain:AdminKey (environment Chain__AdminKey) or Chain:AdminKeystore; see docs/participants.md");
