namespace Trace.Node.Tests.Storage;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need a local PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
