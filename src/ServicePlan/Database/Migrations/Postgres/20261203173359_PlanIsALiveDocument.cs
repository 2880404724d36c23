using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanIsALiveDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Sections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Sections",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Sections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "WrittenByImport",
                table: "Reviews",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAtUtc",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Objectives",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Objectives",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Objectives",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "AuditEntries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Actions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Actions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionListSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    HiddenColumns = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Compact = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionListSettings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ActionListSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSnapshots",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    PreviousLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PreviousDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TakenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSnapshots", x => x.ReviewId);
                    table.ForeignKey(
                        name: "FK_ReviewSnapshots_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewSnapshotActions",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Ref = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DoesWhat = table.Column<string>(type: "text", nullable: false),
                    Previous = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Current = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: false),
                    CommentUpdateId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedHere = table.Column<bool>(type: "boolean", nullable: false),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    IsOverdue = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSnapshotActions", x => new { x.ReviewId, x.ActionId });
                    table.ForeignKey(
                        name: "FK_ReviewSnapshotActions_ReviewSnapshots_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ReviewSnapshots",
                        principalColumn: "ReviewId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSnapshots_PlanId",
                table: "ReviewSnapshots",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionListSettings");

            migrationBuilder.DropTable(
                name: "ReviewSnapshotActions");

            migrationBuilder.DropTable(
                name: "ReviewSnapshots");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "WrittenByImport",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ArchivedAtUtc",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Objectives");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Actions");
        }
    }
}
