using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="FlowControlTests"/>, on PostgreSQL.</summary>
public sealed class FlowControlTestsOnPostgreSql : FlowControlTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
