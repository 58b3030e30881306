namespace Trace.Node.Tests.Contracts.Support;

/// <summary>A participant registered in the test world, with its first key.</summary>
internal sealed record RegisteredParticipant(byte[] Id, ChainActor Key);
