using System.Collections.Concurrent;
using Trace.Chain.Contracts;
using Trace.Crypto;
using Trace.Node.Chain;

namespace Trace.Node.ContentAccess;

/// <summary>
/// <see cref="IParticipantKeys"/> read from the ParticipantRegistry. A key's owner never changes once registered
/// (retiring a key keeps its participant), so owners are cached for the process's life; unknown keys are asked again.
/// </summary>
public sealed class RegistryParticipantKeys(TraceContracts contracts) : IParticipantKeys
{
    private readonly ConcurrentDictionary<EthereumAddress, string> _owners = new();

    /// <inheritdoc />
    public async Task<string?> ParticipantOfAsync(EthereumAddress key, CancellationToken ct)
    {
        if (_owners.TryGetValue(key, out var known)) return known;
        var info = await contracts.Participants.KeyInfoAsync(key, ct).ConfigureAwait(false);
        if (info.AddedAt == 0 || info.ParticipantId.AsSpan().IndexOfAnyExcept((byte)0) < 0) return null;
        return _owners[key] = ParticipantIdText.Format(info.ParticipantId);
    }

    /// <inheritdoc />
    public async Task<bool> IsRegisteredAsync(string participantId, CancellationToken ct)
    {
        try
        {
            var info = await contracts.Participants.ParticipantAsync(ParticipantIdText.Parse(participantId, "participant_id"), ct).ConfigureAwait(false);
            return info.RegisteredAt != 0;
        }
        catch (ContractCallException e) when (e.ErrorName == "UnknownParticipant")
        {
            return false;
        }
        catch (ContractRevertException e) when (e.ErrorName == "UnknownParticipant")
        {
            return false;
        }
    }
}
