using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class YouSaidWeDid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WeDid",
                table: "Sources",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            // Existing sources have no "You said, we did" words yet: the status must still read as a WeDidStatus.
            migrationBuilder.AddColumn<string>(
                name: "WeDidStatus",
                table: "Sources",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Planned");

            migrationBuilder.AddColumn<string>(
                name: "YouSaid",
                table: "Sources",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "YouSaidWeDidPages",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedContent = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YouSaidWeDidPages", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_YouSaidWeDidPages_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_YouSaidWeDidPages_Slug",
                table: "YouSaidWeDidPages",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "YouSaidWeDidPages");

            migrationBuilder.DropColumn(
                name: "WeDid",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "WeDidStatus",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "YouSaid",
                table: "Sources");
        }
    }
}
