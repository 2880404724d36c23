using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePlan.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeopleHaveVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "People",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "People");
        }
    }
}
