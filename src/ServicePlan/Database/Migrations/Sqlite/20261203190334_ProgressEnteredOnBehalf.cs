using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgressEnteredOnBehalf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EnteredByName",
                table: "ProgressUpdates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredByUserId",
                table: "ProgressUpdates",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EnteredByName",
                table: "ProgressUpdates");

            migrationBuilder.DropColumn(
                name: "EnteredByUserId",
                table: "ProgressUpdates");
        }
    }
}
