using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trace.Node.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnchorBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Root = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    LeafCount = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TxNonce = table.Column<long>(type: "bigint", nullable: true),
                    TxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    SendAttempts = table.Column<int>(type: "integer", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    BlockHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnchorBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChainCheckpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    BlockHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainCheckpoints", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    ContentHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Nonce = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Signature = table.Column<byte[]>(type: "bytea", maxLength: 65, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    FileName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ContentLength = table.Column<long>(type: "bigint", nullable: false),
                    MetadataJson = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    LeafIndex = table.Column<int>(type: "integer", nullable: true),
                    MerkleProof = table.Column<byte[]>(type: "bytea", nullable: true),
                    AnchoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedInBlock = table.Column<long>(type: "bigint", nullable: true),
                    RevokedTxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    SupersededBy = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceRecords_AnchorBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "AnchorBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordStatusChanges",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordStatusChanges", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_RecordStatusChanges_EvidenceRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "EvidenceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnchorBatches_Root",
                table: "AnchorBatches",
                column: "Root",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnchorBatches_State",
                table: "AnchorBatches",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_AcceptedAt_Id",
                table: "EvidenceRecords",
                columns: new[] { "AcceptedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_BatchId_LeafIndex",
                table: "EvidenceRecords",
                columns: new[] { "BatchId", "LeafIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_ContentHash",
                table: "EvidenceRecords",
                column: "ContentHash");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_Issuer_AcceptedAt_Id",
                table: "EvidenceRecords",
                columns: new[] { "Issuer", "AcceptedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_Kind_AcceptedAt_Id",
                table: "EvidenceRecords",
                columns: new[] { "Kind", "AcceptedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_Queue",
                table: "EvidenceRecords",
                columns: new[] { "AcceptedAt", "Id" },
                filter: "\"BatchId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_Status_AcceptedAt_Id",
                table: "EvidenceRecords",
                columns: new[] { "Status", "AcceptedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_SubjectHash_AcceptedAt_Id",
                table: "EvidenceRecords",
                columns: new[] { "SubjectHash", "AcceptedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordStatusChanges_RecordId_Sequence",
                table: "RecordStatusChanges",
                columns: new[] { "RecordId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainCheckpoints");

            migrationBuilder.DropTable(
                name: "RecordStatusChanges");

            migrationBuilder.DropTable(
                name: "EvidenceRecords");

            migrationBuilder.DropTable(
                name: "AnchorBatches");
        }
    }
}
