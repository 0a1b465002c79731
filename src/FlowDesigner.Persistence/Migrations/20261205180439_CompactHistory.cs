using System;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FlowDesigner.Persistence.Migrations
{
    /// <summary>
    /// Ids become 16 bytes in RFC 9562 order, the run history's times ticks and its statuses and causes numbers. The
    /// steps move to a new table, Steps, in the background while the product serves (StepHistoryConversion), so that
    /// start-up converts only the runs and events. Each other table with an id is built anew from its old rows in one
    /// pass (SQLite cannot change a column's type in place), inside one transaction with foreign keys off while the
    /// tables are swapped. Each copy starts with a progress comment,
    /// which <see cref="MigrationProgress"/> writes to the log with the rows copied. A value already converted is
    /// copied as it is, so the migration may run again over its own result: EF records a migration in a transaction
    /// of its own after the last statement (which turns foreign keys back on, outside any transaction), and a
    /// process stopped between the two runs it again at the next start.
    /// </summary>
    public partial class CompactHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
            migrationBuilder.Sql($"PRAGMA cache_size = -{CacheKilobytes};");
            // A table renamed keeps the names other tables' foreign keys give it: the step tables go on naming "Runs".
            migrationBuilder.Sql("PRAGMA legacy_alter_table = 1;");
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" RENAME TO \"{table}_Before\";");
            }

            // The old indexes go first, so that the new ones (same names) exist while the rows are copied in their ids'
            // order: keeping an index as rows arrive in order costs less than another pass over the table to build it.
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"{NameOf(index)}\";");
            }

            foreach (var (_, create, _) in Copies)
            {
                migrationBuilder.Sql(create);
            }

            // The steps, nearly all of the history, are converted in the background while the product serves (see
            // StepHistoryConversion); their old table stays, with its indexes, until then.
            migrationBuilder.Sql(StepsTable);
            foreach (var index in StepsIndexes)
            {
                migrationBuilder.Sql(index);
            }

            foreach (var index in Indexes)
            {
                migrationBuilder.Sql(index);
            }

            foreach (var (table, _, select) in Copies)
            {
                migrationBuilder.Sql($"{MigrationProgress.Marker}{table}\nINSERT INTO \"{table}\" SELECT {select} FROM \"{table}_Before\" ORDER BY rowid;");
            }

            foreach (var table in Tables.Reverse())
            {
                migrationBuilder.Sql($"DROP TABLE \"{table}_Before\";");
            }

            migrationBuilder.Sql("PRAGMA legacy_alter_table = 0;");
            migrationBuilder.Sql("PRAGMA cache_size = -2000;");
            migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The compact history cannot be converted back; restore the backup taken before the upgrade.");

        /// <summary>The page cache while the tables are copied (the default is 2 MiB); set back to the default after.</summary>
        private const int CacheKilobytes = 64 * 1024;

        private static string NameOf(string createIndex) => createIndex.Split('"')[1];

        private static readonly string[] Tables = ["Workflows", "WorkflowVersions", "Credentials", "ApiTokens", "EngineNodes", "TriggerCursors", "Events", "Runs"];

        // The run history's enums, stored by their numbers (see RunStatus, StepStatus and RunCause), in their order
        // (declared before the copies, which read them as they are made).
        private static readonly string[] RunStatuses = ["Pending", "Running", "Waiting", "Succeeded", "Failed", "Cancelled"];
        private static readonly string[] RunCauses = ["Webhook", "Schedule", "Poll", "Event", "Manual", "Replay", "SubWorkflow", "Test"];

        private static readonly (string Table, string Create, string Select)[] Copies =
        [
            ("Workflows", """
            CREATE TABLE "Workflows" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_Workflows" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "DraftJson" TEXT NOT NULL,
                "DraftHash" TEXT NOT NULL,
                "Revision" BLOB NOT NULL,
                "TriggerType" TEXT NULL,
                "TriggerSummary" TEXT NULL,
                "ActiveVersionId" BLOB NULL,
                "CreatedAt" TEXT NOT NULL,
                "CreatedBy" TEXT NOT NULL,
                "CreatedById" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "UpdatedBy" TEXT NOT NULL,
                "UpdatedById" TEXT NOT NULL,
                "SamplePayloadJson" TEXT NULL,
                CONSTRAINT "FK_Workflows_WorkflowVersions_ActiveVersionId" FOREIGN KEY ("ActiveVersionId") REFERENCES "WorkflowVersions" ("Id")
            );
            """,
                Select(Id("Id"), "Name", "DraftJson", "DraftHash", Id("Revision"), "TriggerType", "TriggerSummary", Id("ActiveVersionId"), "CreatedAt", "CreatedBy", "CreatedById", "UpdatedAt", "UpdatedBy", "UpdatedById", "SamplePayloadJson")),
            ("WorkflowVersions", """
            CREATE TABLE "WorkflowVersions" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_WorkflowVersions" PRIMARY KEY,
                "WorkflowId" BLOB NOT NULL,
                "Number" INTEGER NOT NULL,
                "DefinitionJson" TEXT NOT NULL,
                "DefinitionHash" TEXT NOT NULL,
                "TriggerType" TEXT NULL,
                "TriggerKey" TEXT NULL,
                "PublishedAt" TEXT NOT NULL,
                "PublishedBy" TEXT NOT NULL,
                "PublishedById" TEXT NOT NULL,
                "Note" TEXT NULL,
                CONSTRAINT "FK_WorkflowVersions_Workflows_WorkflowId" FOREIGN KEY ("WorkflowId") REFERENCES "Workflows" ("Id") ON DELETE CASCADE
            );
            """,
                Select(Id("Id"), Id("WorkflowId"), "Number", "DefinitionJson", "DefinitionHash", "TriggerType", "TriggerKey", "PublishedAt", "PublishedBy", "PublishedById", "Note")),
            ("Credentials", """
            CREATE TABLE "Credentials" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_Credentials" PRIMARY KEY,
                "Type" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "ProtectedData" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "UpdatedAt" TEXT NOT NULL,
                "UpdatedBy" TEXT NOT NULL,
                "UpdatedById" TEXT NOT NULL,
                "LastTestedAt" TEXT NULL,
                "LastTestSucceeded" INTEGER NULL,
                "LastTestMessage" TEXT NULL
            );
            """,
                Select(Id("Id"), "Type", "Name", "ProtectedData", "CreatedAt", "UpdatedAt", "UpdatedBy", "UpdatedById", "LastTestedAt", "LastTestSucceeded", "LastTestMessage")),
            ("ApiTokens", """
            CREATE TABLE "ApiTokens" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY,
                "UserId" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Hash" TEXT NOT NULL,
                "CreatedAt" TEXT NOT NULL,
                "ExpiresAt" TEXT NULL,
                "LastUsedAt" TEXT NULL,
                "RevokedAt" TEXT NULL
            );
            """,
                Select(Id("Id"), "UserId", "Name", "Hash", "CreatedAt", "ExpiresAt", "LastUsedAt", "RevokedAt")),
            ("EngineNodes", """
            CREATE TABLE "EngineNodes" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_EngineNodes" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "StartedAt" TEXT NOT NULL,
                "HeartbeatAt" TEXT NOT NULL
            );
            """,
                Select(Id("Id"), "Name", "StartedAt", "HeartbeatAt")),
            ("TriggerCursors", """
            CREATE TABLE "TriggerCursors" (
                "WorkflowId" BLOB NOT NULL CONSTRAINT "PK_TriggerCursors" PRIMARY KEY,
                "TriggerType" TEXT NOT NULL,
                "CursorJson" TEXT NULL,
                "LastPolledAt" TEXT NOT NULL,
                "LastError" TEXT NULL,
                CONSTRAINT "FK_TriggerCursors_Workflows_WorkflowId" FOREIGN KEY ("WorkflowId") REFERENCES "Workflows" ("Id") ON DELETE CASCADE
            );
            """,
                Select(Id("WorkflowId"), "TriggerType", "CursorJson", "LastPolledAt", "LastError")),
            ("Events", """
            CREATE TABLE "Events" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY,
                "Type" TEXT NOT NULL,
                "Source" TEXT NOT NULL,
                "PayloadJson" TEXT NOT NULL,
                "CorrelationId" BLOB NOT NULL,
                "CausedByRunId" BLOB NULL,
                "DedupeKey" TEXT NULL,
                "ReceivedAt" INTEGER NOT NULL
            );
            """,
                Select(Id("Id"), "Type", "Source", "PayloadJson", Id("CorrelationId"), Id("CausedByRunId"), "DedupeKey", Ticks("ReceivedAt"))),
            ("Runs", """
            CREATE TABLE "Runs" (
                "Id" BLOB NOT NULL CONSTRAINT "PK_Runs" PRIMARY KEY,
                "WorkflowId" BLOB NOT NULL,
                "VersionId" BLOB NULL,
                "EventId" BLOB NULL,
                "Status" INTEGER NOT NULL,
                "Cause" INTEGER NOT NULL,
                "CorrelationId" BLOB NOT NULL,
                "DedupeKey" TEXT NULL,
                "OutputJson" TEXT NULL,
                "ParentStepId" INTEGER NULL,
                "Error" TEXT NULL,
                "CreatedAt" INTEGER NOT NULL,
                "StartedAt" INTEGER NULL,
                "FinishedAt" INTEGER NULL,
                "HolderId" BLOB NULL,
                CONSTRAINT "FK_Runs_Events_EventId" FOREIGN KEY ("EventId") REFERENCES "Events" ("Id") ON DELETE SET NULL,
                CONSTRAINT "FK_Runs_WorkflowVersions_VersionId" FOREIGN KEY ("VersionId") REFERENCES "WorkflowVersions" ("Id"),
                CONSTRAINT "FK_Runs_Workflows_WorkflowId" FOREIGN KEY ("WorkflowId") REFERENCES "Workflows" ("Id") ON DELETE CASCADE
            );
            """,
                Select(Id("Id"), Id("WorkflowId"), Id("VersionId"), Id("EventId"), Number("Status", RunStatuses), Number("Cause", RunCauses), Id("CorrelationId"), "DedupeKey", "OutputJson", StepKey("ParentStepId"), "Error", Ticks("CreatedAt"), Ticks("StartedAt"), Ticks("FinishedAt"), Id("HolderId"))),
        ];

        private const string StepsTable = """
            CREATE TABLE IF NOT EXISTS "Steps" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Steps" PRIMARY KEY,
                "RunId" BLOB NOT NULL,
                "NodeId" TEXT NOT NULL,
                "Scope" TEXT NOT NULL,
                "JobId" TEXT NULL,
                "Attempt" INTEGER NOT NULL,
                "Status" INTEGER NOT NULL,
                "InputJson" TEXT NULL,
                "OutputJson" TEXT NULL,
                "Port" TEXT NULL,
                "Error" TEXT NULL,
                "ScheduledAt" INTEGER NULL,
                "StartedAt" INTEGER NULL,
                "FinishedAt" INTEGER NULL,
                CONSTRAINT "FK_Steps_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE
            );
            """;

        private static readonly string[] StepsIndexes =
        [
            """CREATE UNIQUE INDEX IF NOT EXISTS "IX_Steps_RunId_NodeId_Scope_Attempt" ON "Steps" ("RunId", "NodeId", "Scope", "Attempt");""",
            """CREATE INDEX IF NOT EXISTS "IX_Steps_Status" ON "Steps" ("Status") WHERE "Status" IN (0, 1, 2);""",
        ];

        private static readonly string[] Indexes =
        [
            """CREATE UNIQUE INDEX "IX_ApiTokens_Hash" ON "ApiTokens" ("Hash");""",
            """CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");""",
            """CREATE UNIQUE INDEX "IX_Credentials_Name" ON "Credentials" ("Name");""",
            """CREATE INDEX "IX_Credentials_Type" ON "Credentials" ("Type");""",
            """CREATE INDEX "IX_Events_CorrelationId" ON "Events" ("CorrelationId") WHERE "CorrelationId" <> "Id";""",
            """CREATE INDEX "IX_Runs_CorrelationId" ON "Runs" ("CorrelationId") WHERE "EventId" IS NULL OR "CorrelationId" <> "EventId";""",
            """CREATE INDEX "IX_Runs_EventId" ON "Runs" ("EventId");""",
            """CREATE INDEX "IX_Runs_Status_CreatedAt" ON "Runs" ("Status", "CreatedAt") WHERE "Status" IN (0, 1, 2);""",
            """CREATE INDEX "IX_Runs_VersionId" ON "Runs" ("VersionId");""",
            // IX_Runs_WorkflowId_CreatedAt is not made again: RunRollups drops it (the rollups serve its reads).
            """CREATE UNIQUE INDEX "IX_Runs_WorkflowId_DedupeKey" ON "Runs" ("WorkflowId", "DedupeKey") WHERE "DedupeKey" IS NOT NULL;""",
            // Also made by RunListIndexes, for a database converted before they were added here; made here, they are
            // kept as the runs are copied in their ids' order rather than built by another pass over the table.
            """CREATE INDEX "IX_Runs_WorkflowId_Id" ON "Runs" ("WorkflowId", "Id");""",
            """CREATE INDEX "IX_Runs_Failed" ON "Runs" ("Id") WHERE "Status" = 4;""",
            """CREATE INDEX "IX_Workflows_ActiveVersionId" ON "Workflows" ("ActiveVersionId");""",
            """CREATE INDEX "IX_Workflows_Name" ON "Workflows" ("Name");""",
            """CREATE INDEX "IX_Workflows_TriggerType" ON "Workflows" ("TriggerType");""",
            """CREATE INDEX "IX_Workflows_UpdatedAt" ON "Workflows" ("UpdatedAt");""",
            """CREATE INDEX "IX_WorkflowVersions_TriggerType_TriggerKey" ON "WorkflowVersions" ("TriggerType", "TriggerKey");""",
            """CREATE UNIQUE INDEX "IX_WorkflowVersions_WorkflowId_Number" ON "WorkflowVersions" ("WorkflowId", "Number");""",
        ];

        /// <summary>The old table's columns in the new table's order: names are quoted; expressions (<see cref="Id"/>, <see cref="Ticks"/>, <see cref="Number"/>, <see cref="StepKey"/>) convert.</summary>
        private static string Select(params string[] columns) => string.Join(", ", columns.Select(c => c.Contains(' ') || c == "rowid" ? c : $"\"{c}\""));

        /// <summary>An enum's name as its number.</summary>
        private static string Number(string column, string[] names) =>
            $"CASE \"{column}\" {string.Concat(names.Select((name, number) => $"WHEN '{name}' THEN {number} "))}ELSE \"{column}\" END";

        /// <summary>
        /// A run's parent step id as the step's new id, its old row's rowid (see StepHistoryConversion).
        /// </summary>
        private static string StepKey(string column) =>
            $"CASE WHEN typeof(\"{column}\") = 'text' THEN (SELECT s.rowid FROM \"StepRuns\" s WHERE s.\"Id\" = \"{column}\") ELSE \"{column}\" END";

        /// <summary>An id's text (its hex digits in RFC 9562 order) as its 16 bytes.</summary>
        private static string Id(string column) => $"CASE WHEN typeof(\"{column}\") = 'text' THEN unhex(replace(\"{column}\", '-', '')) ELSE \"{column}\" END";

        /// <summary>A time's text, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, as ticks: whole seconds since 0001-01-01, then the fraction's digits.</summary>
        private static string Ticks(string column) =>
            $"CASE WHEN typeof(\"{column}\") = 'text' THEN (unixepoch(substr(\"{column}\", 1, 19)) + 62135596800) * 10000000 "
            + $"+ CAST(substr(substr(\"{column}\", 21) || '0000000', 1, 7) AS INTEGER) ELSE \"{column}\" END";
    }
}
