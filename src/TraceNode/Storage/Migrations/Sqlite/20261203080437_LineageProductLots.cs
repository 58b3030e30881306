using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LineageProductLots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Gtin",
                table: "LineageBatches",
                type: "TEXT",
                unicode: false,
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lot",
                table: "LineageBatches",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LineageBatches_Gtin_Lot",
                table: "LineageBatches",
                columns: new[] { "Gtin", "Lot" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LineageBatches_Gtin_Lot",
                table: "LineageBatches");

            migrationBuilder.DropColumn(
                name: "Gtin",
                table: "LineageBatches");

            migrationBuilder.DropColumn(
                name: "Lot",
                table: "LineageBatches");
        }
    }
}
