namespace FlowDesigner.Persistence.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunRollupTests"/>, on PostgreSQL.</summary>
public sealed class RunRollupTestsOnPostgreSql : RunRollupTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
