using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>Indexes that read a page of runs in id order: a workflow's runs, and the failed runs only.</summary>
    public partial class RunListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A database converted by CompactHistory since these were added to it has them already.
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Runs_Failed" ON "Runs" ("Id") WHERE "Status" = 4;""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_Runs_WorkflowId_Id" ON "Runs" ("WorkflowId", "Id");""");
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
