using Trace.Crypto;

namespace Trace.Client.Keys;

/// <summary>One keystore v3 file of a <see cref="KeyStoreDirectory"/>: its name (the file name without .json), address and path.</summary>
public sealed record KeyStoreEntry(string Name, EthereumAddress Address, string Path);
