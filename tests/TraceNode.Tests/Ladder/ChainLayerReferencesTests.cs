using Trace.Chain.Contracts;

namespace Trace.Node.Tests.Ladder;

/// <summary>Rung 3 of the assembly ladder: Trace.Chain stands on Trace.Crypto and Nethereum only.</summary>
public sealed class ChainLayerReferencesTests
{
    [Fact]
    public void Trace_Chain_references_no_Trace_assembly_but_Trace_Crypto_and_no_storage_or_hosting()
    {
        var references = typeof(ContractClient).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Trace.Crypto", references);
        Assert.Contains(references, r => r.StartsWith("Nethereum.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Trace.", StringComparison.Ordinal) && r != "Trace.Crypto");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
            || r.StartsWith("Grpc", StringComparison.Ordinal));
    }
}
