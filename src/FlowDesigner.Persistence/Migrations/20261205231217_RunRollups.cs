using FlowDesigner.Persistence.Configuration;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>Run counts per workflow and minute, kept by triggers on the runs, and filled from the runs stored before.</summary>
    public partial class RunRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Workflows list read a workflow's last run and its runs of the last day through this index; the
            // last run is now the first by id (IX_Runs_WorkflowId_Id) and the day's counts come from the rollups,
            // so no run write pays for it any more.
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Runs_WorkflowId_CreatedAt";""");
            migrationBuilder.Sql(RunRollupConfiguration.CreateTable);
            migrationBuilder.Sql(RunRollupConfiguration.Backfill);
            foreach (var trigger in RunRollupConfiguration.CreateTriggers)
            {
                migrationBuilder.Sql(trigger);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Runs_Rollup_Started";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Runs_Rollup_Ended";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Runs_Rollup_Deleted";""");
            migrationBuilder.DropTable(
                name: "RunRollups");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowId_CreatedAt",
                table: "Runs",
                columns: new[] { "WorkflowId", "CreatedAt" });
        }
    }
}
