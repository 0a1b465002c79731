namespace FlowDesigner.Persistence.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunChangeTests"/>, on PostgreSQL.</summary>
public sealed class RunChangeTestsOnPostgreSql : RunChangeTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
