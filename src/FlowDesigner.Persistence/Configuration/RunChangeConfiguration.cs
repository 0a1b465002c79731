using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The feed of run changes and the triggers that append to it: a run's insert, and each change of its status (it
/// starts running, waits, ends). Written in the writer's own transaction, it holds what every node wrote, in the order
/// it was committed. An advance that leaves the status as it was adds nothing: a run of a few steps adds two rows.
/// </summary>
internal sealed class RunChangeConfiguration : IEntityTypeConfiguration<RunChangeEntity>
{
    public static readonly string[] CreateTriggers =
    [
        """
        CREATE TRIGGER "Runs_Change_Inserted" AFTER INSERT ON "Runs" BEGIN
            INSERT INTO "RunChanges" ("RunId") VALUES (new."Id");
        END;
        """,
        """
        CREATE TRIGGER "Runs_Change_Written" AFTER UPDATE OF "Status" ON "Runs" WHEN new."Status" <> old."Status" BEGIN
            INSERT INTO "RunChanges" ("RunId") VALUES (new."Id");
        END;
        """,
    ];

    public void Configure(EntityTypeBuilder<RunChangeEntity> builder)
    {
        builder.ToTable("RunChanges");
        builder.HasKey(c => c.Seq);
        builder.Property(c => c.Seq).ValueGeneratedOnAdd(); // by the triggers; the migration makes it without AUTOINCREMENT
    }
}
