using FlowDesigner.Persistence;

namespace FlowDesigner.Engine.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="TriggerTests"/>, on PostgreSQL.</summary>
public sealed class TriggerTestsOnPostgreSql : TriggerTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
