using FlowDesigner.Persistence.Columns;
using FlowDesigner.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FlowDesigner.Persistence;

/// <summary>The product's database: workflows, runs, credentials, the audit log, and the accounts (ASP.NET Core Identity's user tables).</summary>
public sealed class FlowDbContext(DbContextOptions<FlowDbContext> options) : IdentityUserContext<UserEntity>(options), IDataProtectionKeyContext
{
    public DbSet<WorkflowEntity> Workflows => Set<WorkflowEntity>();

    public DbSet<WorkflowVersionEntity> WorkflowVersions => Set<WorkflowVersionEntity>();

    public DbSet<CredentialEntity> Credentials => Set<CredentialEntity>();

    public DbSet<EventEntity> Events => Set<EventEntity>();

    public DbSet<RunEntity> Runs => Set<RunEntity>();

    public DbSet<StepRunEntity> StepRuns => Set<StepRunEntity>();

    public DbSet<RunRollupEntity> RunRollups => Set<RunRollupEntity>();

    public DbSet<RunChangeEntity> RunChanges => Set<RunChangeEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<TriggerCursorEntity> TriggerCursors => Set<TriggerCursorEntity>();

    public DbSet<RetentionRuleEntity> RetentionRules => Set<RetentionRuleEntity>();

    public DbSet<EngineNodeEntity> EngineNodes => Set<EngineNodeEntity>();

    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    /// <summary>The Data Protection key ring, when the settings keep it in the database so that every node shares it.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FlowDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Title keys compare by their bytes, as SQLite's do, whatever the database's own collation: the title search
            // reads a range of them (see RunStore), which the database's language rules would order otherwise.
            modelBuilder.Entity<RunEntity>().Property(r => r.TitleKey).UseCollation("C");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database reads plainly and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Guid>().HaveConversion<IdToBytesConverter>();
        if (Database.IsNpgsql())
        {
            // Every time as its ticks, as the run history stores them: read back to the tick, as SQLite's text is, where
            // PostgreSQL's timestamps keep microseconds (an edit's UpdatedAt, its concurrency token, would not compare).
            configurationBuilder.Properties<DateTime>().HaveConversion<TimeToTicksConverter>();
        }
    }
}
