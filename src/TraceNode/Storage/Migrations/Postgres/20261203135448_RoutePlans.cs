using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RoutePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlannedRouteJson",
                table: "LineageShipments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlannedTransportJson",
                table: "LineageBatches",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlannedRouteJson",
                table: "LineageShipments");

            migrationBuilder.DropColumn(
                name: "PlannedTransportJson",
                table: "LineageBatches");
        }
    }
}
