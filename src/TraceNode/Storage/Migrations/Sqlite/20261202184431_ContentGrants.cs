using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentGrants",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Grantee = table.Column<string>(type: "TEXT", unicode: false, maxLength: 66, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedBy = table.Column<string>(type: "TEXT", unicode: false, maxLength: 42, nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentGrants", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentGrants_Grantee_Target",
                table: "ContentGrants",
                columns: new[] { "Grantee", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentGrants_Issuer",
                table: "ContentGrants",
                column: "Issuer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentGrants");
        }
    }
}
