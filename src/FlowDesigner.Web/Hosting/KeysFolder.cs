namespace FlowDesigner.Web.Hosting;

/// <summary>
/// The folder of the Data Protection keys that encrypt credentials: readable by this service's user only, since the
/// keys are kept as plain XML (the "No XML encryptor configured" warning at start-up).
/// </summary>
public static class KeysFolder
{
    /// <summary>Creates the folder owner-only (or narrows an existing one) where the platform has Unix permissions.</summary>
    public static DirectoryInfo Prepare(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return Directory.CreateDirectory(path);
            }

            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            var folder = Directory.CreateDirectory(path, ownerOnly);
            File.SetUnixFileMode(path, ownerOnly);
            return folder;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An unwritable data folder is reported, with what to do, by the start-up check of the database.
            return new DirectoryInfo(path);
        }
    }
}
