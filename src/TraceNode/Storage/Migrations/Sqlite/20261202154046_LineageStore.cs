using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LineageStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LineageBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Producer = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Quantity = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Scope1 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Scope1Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Scope2 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Scope2Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProducedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DeclarationRecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: true),
                    Declared = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    DeclaredPrimary = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Consumed = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Footprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Primary = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Verified = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ComponentsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TransportNotReportedJson = table.Column<string>(type: "TEXT", nullable: true),
                    TransportNotReportedUpstream = table.Column<bool>(type: "INTEGER", nullable: false),
                    FactorVersionsJson = table.Column<string>(type: "TEXT", nullable: true),
                    RestsOnWithdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Standing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageBatches", x => x.BatchId);
                });

            migrationBuilder.CreateTable(
                name: "LineageCitations",
                columns: table => new
                {
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    CitedRecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Primary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageCitations", x => new { x.RecordId, x.CitedRecordId, x.Role });
                });

            migrationBuilder.CreateTable(
                name: "LineageCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LineageInputs",
                columns: table => new
                {
                    TransformationId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Converted = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ShipmentId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageInputs", x => new { x.TransformationId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "LineageOutputs",
                columns: table => new
                {
                    TransformationId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    ValuePerUnit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Weight = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageOutputs", x => new { x.TransformationId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "LineageRecords",
                columns: table => new
                {
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    Current = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupersededBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageRecords", x => x.RecordId);
                });

            migrationBuilder.CreateTable(
                name: "LineageShipments",
                columns: table => new
                {
                    ShipmentId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAmount = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    RecordedUnit = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Quantity = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    FromParticipant = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    FromLocation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    ToParticipant = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    ToLocation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: true),
                    DrawsFrom = table.Column<string>(type: "TEXT", nullable: true),
                    Consumed = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    LegsKg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    LegsPrimaryKg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    LegCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LegsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageShipments", x => x.ShipmentId);
                });

            migrationBuilder.CreateTable(
                name: "LineageTransformations",
                columns: table => new
                {
                    TransformationId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    Allocation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scope1 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Scope1Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Scope2 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Scope2Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageTransformations", x => x.TransformationId);
                });

            migrationBuilder.CreateTable(
                name: "LineageWithdrawnMarks",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SupersededBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: true),
                    ViaBatchId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineageWithdrawnMarks", x => new { x.BatchId, x.RecordId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LineageBatches_ProducedBy",
                table: "LineageBatches",
                column: "ProducedBy");

            migrationBuilder.CreateIndex(
                name: "IX_LineageBatches_RecordId",
                table: "LineageBatches",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageCitations_CitedRecordId",
                table: "LineageCitations",
                column: "CitedRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageInputs_BatchId",
                table: "LineageInputs",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageInputs_ShipmentId",
                table: "LineageInputs",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageOutputs_BatchId",
                table: "LineageOutputs",
                column: "BatchId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LineageRecords_Identifier_Kind",
                table: "LineageRecords",
                columns: new[] { "Identifier", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_LineageShipments_BatchId",
                table: "LineageShipments",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageShipments_DrawsFrom",
                table: "LineageShipments",
                column: "DrawsFrom");

            migrationBuilder.CreateIndex(
                name: "IX_LineageShipments_RecordId",
                table: "LineageShipments",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LineageTransformations_RecordId",
                table: "LineageTransformations",
                column: "RecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LineageBatches");

            migrationBuilder.DropTable(
                name: "LineageCitations");

            migrationBuilder.DropTable(
                name: "LineageCursors");

            migrationBuilder.DropTable(
                name: "LineageInputs");

            migrationBuilder.DropTable(
                name: "LineageOutputs");

            migrationBuilder.DropTable(
                name: "LineageRecords");

            migrationBuilder.DropTable(
                name: "LineageShipments");

            migrationBuilder.DropTable(
                name: "LineageTransformations");

            migrationBuilder.DropTable(
                name: "LineageWithdrawnMarks");
        }
    }
}
