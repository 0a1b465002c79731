using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActorIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishedById",
                table: "WorkflowVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CreatedById",
                table: "Workflows",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Workflows",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UpdatedById",
                table: "Credentials",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "AuditEntries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedById",
                table: "WorkflowVersions");

            migrationBuilder.DropColumn(
                name: "CreatedById",
                table: "Workflows");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Workflows");

            migrationBuilder.DropColumn(
                name: "UpdatedById",
                table: "Credentials");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "AuditEntries");
        }
    }
}
