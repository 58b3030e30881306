using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trace.Node.Storage.Entities;

namespace Trace.Node.Storage.Configurations;

/// <summary>Table and keys of anchoring batches; the root is unique so one root is never batched twice.</summary>
internal sealed class AnchorBatchConfiguration : IEntityTypeConfiguration<AnchorBatchEntity>
{
    public void Configure(EntityTypeBuilder<AnchorBatchEntity> builder)
    {
        builder.ToTable("AnchorBatches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedOnAdd();
        builder.Property(b => b.Root).HasMaxLength(32);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.TxHash).HasMaxLength(32);
        builder.Property(b => b.BlockHash).HasMaxLength(32);
        builder.HasIndex(b => b.Root).IsUnique();
        builder.HasIndex(b => b.State);
    }
}
