using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Trace.Node.Storage.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    Grantee = table.Column<string>(type: "character varying(66)", unicode: false, maxLength: 66, nullable: false),
                    Scope = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedBy = table.Column<string>(type: "character varying(42)", unicode: false, maxLength: 42, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
