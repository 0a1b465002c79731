using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RunHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "LeaseUntil",
                table: "Runs",
                newName: "HolderId");

            // A lease time is not a holder: every unfinished run starts out held by nobody, and recovery takes it.
            migrationBuilder.Sql("UPDATE \"Runs\" SET \"HolderId\" = NULL");

            migrationBuilder.CreateTable(
                name: "EngineNodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineNodes", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngineNodes");

            migrationBuilder.RenameColumn(
                name: "HolderId",
                table: "Runs",
                newName: "LeaseUntil");

            migrationBuilder.Sql("UPDATE \"Runs\" SET \"LeaseUntil\" = NULL");
        }
    }
}
