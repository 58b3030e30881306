namespace Trace.Node.Decisions.Hosting;

/// <summary>The operator's lane catalogue or default-value file is missing or malformed; stops the node, naming the file and the entry.</summary>
public sealed class DecisionFileException(string file, string message) : Exception($"{file}: {message}");
