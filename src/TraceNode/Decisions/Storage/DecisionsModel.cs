using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Decisions.Storage;

/// <summary>Adds the lane catalogue and the CBAM default-value table to the index model.</summary>
public static class DecisionsModel
{
    /// <summary>Configures <see cref="LaneEntity"/> (table Lanes) and <see cref="CbamDefaultValueEntity"/> (table CbamDefaultValues).</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<LaneEntity>(lane =>
        {
            lane.ToTable("Lanes");
            lane.HasKey(l => l.LaneId);
            lane.Property(l => l.LaneId).HasMaxLength(64).IsUnicode(false);
            lane.Property(l => l.Mode).HasMaxLength(16).IsUnicode(false);
            lane.Property(l => l.Origin).HasMaxLength(5).IsUnicode(false);
            lane.Property(l => l.Destination).HasMaxLength(5).IsUnicode(false);
            // Text, so a figure comes back exactly as written (SQLite has no decimal type).
            lane.Property(l => l.DistanceKm).HasConversion<string>().HasMaxLength(40);
            lane.Property(l => l.TransitDays).HasConversion<string>().HasMaxLength(40);
            lane.Property(l => l.HandlingDays).HasConversion<string>().HasMaxLength(40);
            lane.Property(l => l.MeasuredKgCo2ePerTonneKm).HasConversion<string>().HasMaxLength(40);
            lane.Property(l => l.IntensitySource).HasMaxLength(512);
            lane.Property(l => l.Owner).HasMaxLength(80).IsUnicode(false);
            lane.HasIndex(l => l.Owner);
        });
        modelBuilder.Entity<CbamDefaultValueEntity>(row =>
        {
            row.ToTable("CbamDefaultValues");
            row.HasKey(r => r.CnCode);
            row.Property(r => r.CnCode).HasMaxLength(8).IsUnicode(false);
            row.Property(r => r.DirectTonnesPerTonne).HasConversion<string>().HasMaxLength(40);
            row.Property(r => r.IndirectTonnesPerTonne).HasConversion<string>().HasMaxLength(40);
            row.Property(r => r.Source).HasMaxLength(512);
        });
    }
}
