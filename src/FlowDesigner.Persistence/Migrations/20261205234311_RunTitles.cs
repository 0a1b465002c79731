using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>A run's title as its trigger named it, and lower-cased for a search by its beginning (only titled runs are in its index).</summary>
    public partial class RunTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "Runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TitleKey_Id",
                table: "Runs",
                columns: new[] { "TitleKey", "Id" },
                filter: "\"TitleKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_TitleKey_Id",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "Runs");
        }
    }
}
