using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The feed of run changes: rows of the ids of runs that started, began running or ended, appended in the transaction
/// that changed them (one row per batch of the run writer, see <see cref="Sql.RunTally"/>; one per change elsewhere, and
/// by the triggers on the runs, <see cref="RunTriggers"/>), so it holds what every node wrote, in commit order.
/// </summary>
internal sealed class RunChangeConfiguration : IEntityTypeConfiguration<RunChangeEntity>
{
    /// <summary>
    /// The row key without AUTOINCREMENT (which writes a counter row at every insert): the newest changes are never
    /// pruned, so the key only grows.
    /// </summary>
    public const string CreateTable = """CREATE TABLE "RunChanges" ("Seq" INTEGER NOT NULL CONSTRAINT "PK_RunChanges" PRIMARY KEY, "RunIds" BLOB NOT NULL);""";

    /// <summary>Appends runs to the feed: <c>$runs</c>, their 16-byte ids one after another.</summary>
    public const string AppendRuns = """INSERT INTO "RunChanges" ("RunIds") VALUES ($runs);""";

    /// <summary>In a trigger: appends the run <c>new</c> to the feed.</summary>
    public const string Append = """INSERT INTO "RunChanges" ("RunIds") VALUES (new."Id");""";

    public void Configure(EntityTypeBuilder<RunChangeEntity> builder)
    {
        builder.ToTable("RunChanges");
        builder.HasKey(c => c.Seq);
        builder.Property(c => c.Seq).ValueGeneratedOnAdd(); // by the triggers
    }
}
