using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>A run that retries or replays another names it; only such runs are in its index.</summary>
    public partial class RunMending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "MendsRunId",
                table: "Runs",
                type: "BLOB",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Runs_MendsRunId",
                table: "Runs",
                column: "MendsRunId",
                filter: "\"MendsRunId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_MendsRunId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "MendsRunId",
                table: "Runs");
        }
    }
}
