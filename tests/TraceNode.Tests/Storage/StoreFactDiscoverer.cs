using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Trace.Node.Tests.Storage;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, turning them into skipped tests when their class needs PostgreSQL and none is installed.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.ToRuntimeType().GetCustomAttribute<RequiresPostgresAttribute>() is not null;
        if (needsPostgres && PostgresBinaries.SkipReason is { } reason)
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
