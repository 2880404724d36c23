using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanStructureEditing : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
