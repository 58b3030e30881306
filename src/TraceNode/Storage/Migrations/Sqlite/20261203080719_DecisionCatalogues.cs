using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionCatalogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CbamDefaultValues",
                columns: table => new
                {
                    CnCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    DirectTonnesPerTonne = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IndirectTonnesPerTonne = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PricesIndirect = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CbamDefaultValues", x => x.CnCode);
                });

            migrationBuilder.CreateTable(
                name: "Lanes",
                columns: table => new
                {
                    LaneId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", unicode: false, maxLength: 5, nullable: false),
                    DistanceKm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TransitDays = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HandlingDays = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeasuredKgCo2ePerTonneKm = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IntensitySource = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lanes", x => x.LaneId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Lanes_Owner",
                table: "Lanes",
                column: "Owner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CbamDefaultValues");

            migrationBuilder.DropTable(
                name: "Lanes");
        }
    }
}
