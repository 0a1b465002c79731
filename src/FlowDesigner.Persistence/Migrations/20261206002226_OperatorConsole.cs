using FlowDesigner.Persistence.Configuration;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>
    /// The operator console's storage: the run a run mends, a run's title (and its lower-cased key for a search by its
    /// beginning), the run rollups and the feed of run changes with the triggers that keep them.
    /// </summary>
    public partial class OperatorConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Workflows list read a workflow's last run and its day's runs through this index; its last run is now
            // the first by id (IX_Runs_WorkflowId_Id) and the day's counts come from the rollups, so no run write pays for it.
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Runs_WorkflowId_CreatedAt";""");

            migrationBuilder.AddColumn<byte[]>(
                name: "MendsRunId",
                table: "Runs",
                type: "BLOB",
                nullable: true);

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

            migrationBuilder.Sql(RunChangeConfiguration.CreateTable);
            migrationBuilder.Sql(RunRollupConfiguration.CreateTable);
            migrationBuilder.Sql(RunRollupConfiguration.Backfill);
            foreach (var trigger in RunTriggers.Create)
            {
                migrationBuilder.Sql(trigger);
            }

            migrationBuilder.CreateIndex(
                name: "IX_Runs_MendsRunId",
                table: "Runs",
                column: "MendsRunId",
                filter: "\"MendsRunId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_TitleKey_Id",
                table: "Runs",
                columns: new[] { "TitleKey", "Id" },
                filter: "\"TitleKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in RunTriggers.Drop)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropTable(
                name: "RunChanges");

            migrationBuilder.DropTable(
                name: "RunRollups");

            migrationBuilder.DropIndex(
                name: "IX_Runs_MendsRunId",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_TitleKey_Id",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "MendsRunId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "Runs");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowId_CreatedAt",
                table: "Runs",
                columns: new[] { "WorkflowId", "CreatedAt" });
        }
    }
}
