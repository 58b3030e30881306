using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransportFactorSetsAndSubjectIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TransportFactorSets",
                columns: table => new
                {
                    Version = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    BodyJson = table.Column<string>(type: "TEXT", nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Nonce = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: true),
                    FirstActivatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
        }
    }
}
