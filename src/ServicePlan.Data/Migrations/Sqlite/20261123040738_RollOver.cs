using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RollOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PreviousPlanId",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RolledOverAtUtc",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PredecessorId",
                table: "Actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PreviousPlanId",
                table: "Plans",
                column: "PreviousPlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PredecessorId",
                table: "Actions",
                column: "PredecessorId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Actions_PredecessorId",
                table: "Actions",
                column: "PredecessorId",
                principalTable: "Actions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Plans_PreviousPlanId",
                table: "Plans",
                column: "PreviousPlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Actions_Actions_PredecessorId",
                table: "Actions");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Plans_PreviousPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_PreviousPlanId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Actions_PredecessorId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "PreviousPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "RolledOverAtUtc",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PredecessorId",
                table: "Actions");
        }
    }
}
