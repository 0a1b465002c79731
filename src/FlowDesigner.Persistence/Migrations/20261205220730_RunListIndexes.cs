using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Runs_Failed",
                table: "Runs",
                column: "Id",
                filter: "\"Status\" = 4");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowId_Id",
                table: "Runs",
                columns: new[] { "WorkflowId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_Failed",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_WorkflowId_Id",
                table: "Runs");
        }
    }
}
