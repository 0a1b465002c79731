namespace FlowDesigner.Persistence.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="RunStoreTests"/>, on PostgreSQL.</summary>
public sealed class RunStoreTestsOnPostgreSql : RunStoreTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
