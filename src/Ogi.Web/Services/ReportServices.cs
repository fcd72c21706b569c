namespace Ogi.Web.Services;

/// <summary>The report pages' services, registered by one line of WebApp.</summary>
public static class ReportServices
{
    public static IServiceCollection AddReportPages(this IServiceCollection services) =>
        services.AddSingleton<Uploads>().AddSingleton<PageImages>();
}
