using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EventsAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    WorkflowId = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MaxAgeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxRuns = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.WorkflowId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_CausedByRunId",
                table: "Events",
                column: "CausedByRunId",
                filter: "\"CausedByRunId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Emitted",
                table: "Events",
                column: "Id",
                filter: "\"CausedByRunId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_Id",
                table: "Events",
                columns: new[] { "Type", "Id" },
                filter: "\"Type\" <> 'webhook'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropIndex(
                name: "IX_Events_CausedByRunId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Emitted",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Type_Id",
                table: "Events");
        }
    }
}
