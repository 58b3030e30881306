using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Lineage.Storage.Configurations;

/// <summary>Adds the lineage tables to the index model (same database, so lineage rows commit with their claim).</summary>
public static class LineageModel
{
    /// <summary>Applies every lineage entity configuration.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new LineageBatchConfiguration());
        modelBuilder.ApplyConfiguration(new LineageTransformationConfiguration());
        modelBuilder.ApplyConfiguration(new LineageInputConfiguration());
        modelBuilder.ApplyConfiguration(new LineageOutputConfiguration());
        modelBuilder.ApplyConfiguration(new LineageShipmentConfiguration());
        modelBuilder.ApplyConfiguration(new LineageRecordConfiguration());
        modelBuilder.ApplyConfiguration(new LineageCitationConfiguration());
        modelBuilder.ApplyConfiguration(new LineageWithdrawnMarkConfiguration());
        modelBuilder.ApplyConfiguration(new LineageCursorConfiguration());
    }
}
