using Microsoft.EntityFrameworkCore;

namespace Trace.Node.Indexing.Storage;

/// <summary>Adds the registry-event tables to the index model: audit trail, flags, endorsements, flag notes, indexed blocks.</summary>
public static class IndexingModel
{
    /// <summary>Configures every registry-event entity.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<IndexedBlockEntity>(b =>
        {
            b.ToTable("IndexedBlocks");
            b.HasKey(x => x.Number);
            b.Property(x => x.Number).ValueGeneratedNever();
            b.Property(x => x.Hash).HasMaxLength(32);
        });
        modelBuilder.Entity<RegistryEventEntity>(b =>
        {
            b.ToTable("RegistryEvents");
            b.HasKey(x => x.Id);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            b.Property(x => x.BlockHash).HasMaxLength(32);
            b.Property(x => x.TxHash).HasMaxLength(32);
            b.Property(x => x.Contract).HasMaxLength(42).IsUnicode(false);
            b.Property(x => x.Actor).HasMaxLength(42).IsUnicode(false);
            b.Property(x => x.ActorParticipantId).HasMaxLength(66);
            b.Property(x => x.ParticipantId).HasMaxLength(66);
            b.Property(x => x.RecordId).HasMaxLength(66).IsUnicode(false);
            b.Property(x => x.MerkleRoot).HasMaxLength(32);
            b.Property(x => x.Related).HasMaxLength(66).IsUnicode(false);
            // One row per log: what makes indexing a block twice change nothing.
            b.HasIndex(x => new { x.BlockNumber, x.LogIndex }).IsUnique();
            b.HasIndex(x => new { x.At, x.BlockNumber, x.LogIndex });
            b.HasIndex(x => x.RecordId);
            b.HasIndex(x => x.ParticipantId);
            b.HasIndex(x => x.ActorParticipantId);
        });
        modelBuilder.Entity<RecordFlagEntity>(b =>
        {
            b.ToTable("RecordFlags");
            b.HasKey(x => x.Id);
            b.Property(x => x.RecordId).HasMaxLength(66).IsUnicode(false);
            b.Property(x => x.RegulatorId).HasMaxLength(66);
            b.Property(x => x.FlaggedBy).HasMaxLength(42).IsUnicode(false);
            b.Property(x => x.UnflaggedBy).HasMaxLength(42).IsUnicode(false);
            b.Property(x => x.TxHash).HasMaxLength(32);
            b.Property(x => x.UnflagTxHash).HasMaxLength(32);
            b.HasIndex(x => new { x.BlockNumber, x.LogIndex }).IsUnique();
            b.HasIndex(x => new { x.RecordId, x.UnflagBlockNumber });
            b.HasIndex(x => x.UnflagBlockNumber);
        });
        modelBuilder.Entity<RecordEndorsementEntity>(b =>
        {
            b.ToTable("RecordEndorsements");
            b.HasKey(x => x.Id);
            b.Property(x => x.RecordId).HasMaxLength(66).IsUnicode(false);
            b.Property(x => x.VerifierId).HasMaxLength(66);
            b.Property(x => x.EndorsedBy).HasMaxLength(42).IsUnicode(false);
            b.Property(x => x.TxHash).HasMaxLength(32);
            b.HasIndex(x => new { x.BlockNumber, x.LogIndex }).IsUnique();
            b.HasIndex(x => x.RecordId);
        });
        modelBuilder.Entity<FlagNoteEntity>(b =>
        {
            b.ToTable("FlagNotes");
            b.HasKey(x => x.TxHash);
            b.Property(x => x.TxHash).HasMaxLength(32);
            b.Property(x => x.RecordId).HasMaxLength(66).IsUnicode(false);
            b.Property(x => x.Note).HasMaxLength(2000);
            b.Property(x => x.Uri).HasMaxLength(2048);
        });
    }
}
