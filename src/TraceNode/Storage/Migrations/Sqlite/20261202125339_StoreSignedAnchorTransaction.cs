using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoreSignedAnchorTransaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "TxRaw",
                table: "AnchorBatches",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TxRaw",
                table: "AnchorBatches");
        }
    }
}
