using System.Globalization;

namespace FlowDesigner.Web.Formatting;

/// <summary>A size on disk as a person reads it: 1.2 GB, 640 KB.</summary>
public static class Bytes
{
    private static readonly string[] Units = ["bytes", "KB", "MB", "GB", "TB"];

    public static string Describe(long bytes)
    {
        double size = bytes;
        var unit = 0;
        while (size >= 1024 && unit < Units.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes:N0} bytes" : size.ToString(size < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
