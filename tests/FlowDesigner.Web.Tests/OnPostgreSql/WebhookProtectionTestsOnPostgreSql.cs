using FlowDesigner.Persistence;

namespace FlowDesigner.Web.Tests.OnPostgreSql;

/// <summary>The same tests as <see cref="WebhookProtectionTests"/>, on a host on PostgreSQL.</summary>
public sealed class WebhookProtectionTestsOnPostgreSql() : WebhookProtectionTests(StorageProvider.PostgreSql);
