using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Database.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Sections",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Sections",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "WrittenByImport",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAtUtc",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Objectives",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Objectives",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Objectives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Actions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ActionListSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    HiddenColumns = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Compact = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreviousLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreviousDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Ref = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DoesWhat = table.Column<string>(type: "TEXT", nullable: false),
                    Previous = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Current = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: false),
                    CommentUpdateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedHere = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsNew = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOverdue = table.Column<bool>(type: "INTEGER", nullable: false)
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
