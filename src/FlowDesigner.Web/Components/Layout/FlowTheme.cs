using MudBlazor;

namespace FlowDesigner.Web.Components.Layout;

/// <summary>The product's colours and type; status colours follow the meaning fixed for the whole product.</summary>
public static class FlowTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#00897b",
            AppbarBackground = "#1f2a44",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
            Info = "#1e88e5",
            Success = "#2e7d32",
            Warning = "#f59e0b",
            Error = "#d32f2f",
            Dark = "#424242",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px", AppbarHeight = "56px" },

        // Messages sit below dialogs (1400), so that one never covers a dialog's buttons; above menus and the app bar.
        ZIndex = new ZIndex { Snackbar = 1350 },
    };
}
