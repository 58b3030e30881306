using Trace.Crypto;

namespace Trace.Node.ContentAccess;

/// <summary>Which participant a key belongs to, and whether a participant is registered (from the ParticipantRegistry).</summary>
public interface IParticipantKeys
{
    /// <summary>The participant (directory form) that owns <paramref name="key"/>, or null when the key was never registered.</summary>
    Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct);

    /// <summary>True when <paramref name="participantId"/> (directory form) is registered on chain.</summary>
    Task<bool> IsRegisteredAsync(string participantId, CancellationToken ct);
}
