namespace Ogi.Web;

/// <summary>The web application's entry point, called by `ogi serve` (issue 16).</summary>
public static class WebApp
{
}
