namespace Trace.Node.Participants;

/// <summary>Whether the identity document a participant's metadataURI points to was found and matches its metadataHash.</summary>
public enum IdentityDocumentState
{
    /// <summary>Found in the content store; its SHA-256 equals the metadataHash on chain.</summary>
    Verified = 1,

    /// <summary>A trace:blob URI whose content this node does not hold.</summary>
    Missing = 2,

    /// <summary>Not a trace:blob URI (registered outside Trace).</summary>
    External = 3,

    /// <summary>The content does not hash to metadataHash or is not an identity document.</summary>
    Invalid = 4,
}
