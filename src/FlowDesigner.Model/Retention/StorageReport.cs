namespace FlowDesigner.Model.Retention;

/// <summary>What the history takes on disk: the database file and its write-ahead log, the free pages in it, and the runs and events it holds.</summary>
public sealed record StorageReport(
    string DatabasePath, long FileBytes, long LogBytes, long PageBytes, long Pages, long FreePages, long Runs, long Events)
{
    public long FreeBytes => FreePages * PageBytes;
}
