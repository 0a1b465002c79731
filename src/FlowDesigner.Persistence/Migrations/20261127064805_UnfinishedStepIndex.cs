using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnfinishedStepIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StepRuns_Status",
                table: "StepRuns");

            migrationBuilder.CreateIndex(
                name: "IX_StepRuns_Status",
                table: "StepRuns",
                column: "Status",
                filter: "\"Status\" IN ('Pending', 'Running', 'Waiting')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StepRuns_Status",
                table: "StepRuns");

            migrationBuilder.CreateIndex(
                name: "IX_StepRuns_Status",
                table: "StepRuns",
                column: "Status");
        }
    }
}
