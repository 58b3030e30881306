using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Trace.Node.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegistryEventsFlagsEndorsements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FlagNotes",
                columns: table => new
                {
                    TxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Uri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagNotes", x => x.TxHash);
                });

            migrationBuilder.CreateTable(
                name: "IndexedBlocks",
                columns: table => new
                {
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexedBlocks", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "RecordEndorsements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    VerifierId = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    EndorsedBy = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false),
                    EndorsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    TxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordEndorsements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    RegulatorId = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: false),
                    FlaggedBy = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    TxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    UnflaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnflagBlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    UnflagLogIndex = table.Column<int>(type: "integer", nullable: true),
                    UnflagTxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    UnflagReason = table.Column<int>(type: "integer", nullable: true),
                    UnflaggedBy = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordFlags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: false),
                    BlockHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    TxHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    LogIndex = table.Column<int>(type: "integer", nullable: false),
                    Contract = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    Actor = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    ActorParticipantId = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    ParticipantId = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: true),
                    MerkleRoot = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    Code = table.Column<int>(type: "integer", nullable: false),
                    Related = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: true),
                    DetailJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecordEndorsements_BlockNumber_LogIndex",
                table: "RecordEndorsements",
                columns: new[] { "BlockNumber", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordEndorsements_RecordId",
                table: "RecordEndorsements",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordFlags_BlockNumber_LogIndex",
                table: "RecordFlags",
                columns: new[] { "BlockNumber", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordFlags_RecordId_UnflagBlockNumber",
                table: "RecordFlags",
                columns: new[] { "RecordId", "UnflagBlockNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordFlags_UnflagBlockNumber",
                table: "RecordFlags",
                column: "UnflagBlockNumber");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEvents_ActorParticipantId",
                table: "RegistryEvents",
                column: "ActorParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEvents_At_BlockNumber_LogIndex",
                table: "RegistryEvents",
                columns: new[] { "At", "BlockNumber", "LogIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEvents_BlockNumber_LogIndex",
                table: "RegistryEvents",
                columns: new[] { "BlockNumber", "LogIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEvents_ParticipantId",
                table: "RegistryEvents",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEvents_RecordId",
                table: "RegistryEvents",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlagNotes");

            migrationBuilder.DropTable(
                name: "IndexedBlocks");

            migrationBuilder.DropTable(
                name: "RecordEndorsements");

            migrationBuilder.DropTable(
                name: "RecordFlags");

            migrationBuilder.DropTable(
                name: "RegistryEvents");
        }
    }
}
