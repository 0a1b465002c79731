using FlowDesigner.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FlowDesigner.Persistence.Configuration;

/// <summary>
/// The feed of run changes: a row for each change of a run's status (it starts running, waits, ends), appended by the
/// triggers on the runs (<see cref="RunTriggers"/>) in the writer's own transaction, so it holds what every node wrote
/// in the order it was committed.
/// </summary>
internal sealed class RunChangeConfiguration : IEntityTypeConfiguration<RunChangeEntity>
{
    /// <summary>
    /// The row key without AUTOINCREMENT (which writes a counter row at every insert): the newest changes are never
    /// pruned, so the key only grows.
    /// </summary>
    public const string CreateTable = """CREATE TABLE "RunChanges" ("Seq" INTEGER NOT NULL CONSTRAINT "PK_RunChanges" PRIMARY KEY, "RunId" BLOB NOT NULL);""";

    /// <summary>In a trigger: appends the run <c>new</c> to the feed.</summary>
    public const string Append = """INSERT INTO "RunChanges" ("RunId") VALUES (new."Id");""";

    public void Configure(EntityTypeBuilder<RunChangeEntity> builder)
    {
        builder.ToTable("RunChanges");
        builder.HasKey(c => c.Seq);
        builder.Property(c => c.Seq).ValueGeneratedOnAdd(); // by the triggers
    }
}
