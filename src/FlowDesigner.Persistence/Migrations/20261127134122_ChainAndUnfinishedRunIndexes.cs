using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChainAndUnfinishedRunIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_CorrelationId",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_CreatedAt",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Events_CorrelationId",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_ReceivedAt",
                table: "Events");

            migrationBuilder.DropIndex(
                name: "IX_Events_Type_ReceivedAt",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_CorrelationId",
                table: "Runs",
                column: "CorrelationId",
                filter: "\"EventId\" IS NULL OR \"CorrelationId\" <> \"EventId\"");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_CreatedAt",
                table: "Runs",
                columns: new[] { "Status", "CreatedAt" },
                filter: "\"Status\" IN ('Pending', 'Running', 'Waiting')");

            migrationBuilder.CreateIndex(
                name: "IX_Events_CorrelationId",
                table: "Events",
                column: "CorrelationId",
                filter: "\"CorrelationId\" <> \"Id\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_CorrelationId",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_CreatedAt",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Events_CorrelationId",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_CorrelationId",
                table: "Runs",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_CreatedAt",
                table: "Runs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_CorrelationId",
                table: "Events",
                column: "CorrelationId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_ReceivedAt",
                table: "Events",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Events_Type_ReceivedAt",
                table: "Events",
                columns: new[] { "Type", "ReceivedAt" });
        }
    }
}
