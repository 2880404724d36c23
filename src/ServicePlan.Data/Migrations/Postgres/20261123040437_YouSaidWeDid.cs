using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Data.Migrations.Postgres
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            // Existing sources have no "You said, we did" words yet: the status must still read as a WeDidStatus.
            migrationBuilder.AddColumn<string>(
                name: "WeDidStatus",
                table: "Sources",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Planned");

            migrationBuilder.AddColumn<string>(
                name: "YouSaid",
                table: "Sources",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "YouSaidWeDidPages",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedContent = table.Column<string>(type: "text", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
