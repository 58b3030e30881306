using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransportFactorSetsAndSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "EvidenceRecords",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048);

            migrationBuilder.CreateTable(
                name: "TransportFactorSets",
                columns: table => new
                {
                    Version = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    BodyJson = table.Column<string>(type: "text", nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Nonce = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    RecordId = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: true),
                    FirstActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransportFactorSets", x => x.Version);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceRecords_Subject",
                table: "EvidenceRecords",
                column: "Subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TransportFactorSets");

            migrationBuilder.DropIndex(
                name: "IX_EvidenceRecords_Subject",
                table: "EvidenceRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Subject",
                table: "EvidenceRecords",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2048)",
                oldMaxLength: 2048,
                oldCollation: "C");
        }
    }
}
