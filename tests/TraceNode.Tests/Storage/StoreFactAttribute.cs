using Xunit.Sdk;

namespace Trace.Node.Tests.Storage;

/// <summary>
/// A fact run once per storage provider: in a test class marked <see cref="RequiresPostgresAttribute"/> it is skipped,
/// with the reason, when no PostgreSQL server binaries are installed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Trace.Node.Tests.Storage.StoreFactDiscoverer", "TraceNode.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
