using FlowDesigner.Persistence.Configuration;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>The feed of run changes that open pages follow, appended by triggers on the runs.</summary>
    public partial class RunChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The row key without AUTOINCREMENT (which writes a counter row at every insert): the newest changes are
            // never pruned, so the key only grows.
            migrationBuilder.Sql("""CREATE TABLE "RunChanges" ("Seq" INTEGER NOT NULL CONSTRAINT "PK_RunChanges" PRIMARY KEY, "RunId" BLOB NOT NULL);""");
            foreach (var trigger in RunChangeConfiguration.CreateTriggers)
            {
                migrationBuilder.Sql(trigger);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Runs_Change_Inserted";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Runs_Change_Written";""");
            migrationBuilder.DropTable(
                name: "RunChanges");
        }
    }
}
