using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Ogi.Web.Api;
using Microsoft.Extensions.FileProviders;
using Ogi.Store;
using Ogi.Web.Localization;
using Ogi.Web.Security;
using Ogi.Web.Services;

namespace Ogi.Web;

/// <summary>
/// The web application, hosted by `ogi serve`: Razor Pages (Pages/) and a JSON API (Api/) over the same database as
/// the command line. Build() wires it; Run() serves until stopped. See src/Ogi.Web/README.md for its structure.
/// </summary>
public static class WebApp
{
    public static WebApplication Build(WebOptions options)
    {
        // The pages are compiled into this assembly: it, not the host program, is the application.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Opened (and migrated) once here, so that a database that cannot be opened stops `ogi serve` with one line.
        ReportStore.Open(options.Db).Dispose();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StoreFactory>();
        builder.Services.AddScoped(s => s.GetRequiredService<StoreFactory>().Open());
        builder.Services.AddScoped<Corpus>();
        builder.Services.AddApiDocs();
        builder.Services.AddSingleton(Texts.Load());
        builder.Services.AddScoped<Text>();
        builder.Services.AddSingleton<Ogi.Store.Answers.DashboardCache>().AddScoped<DashboardAnswers>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRazorPages();
        builder.Services.AddReportPages();
        // Chinese text as characters, not &#x...; entities (still HTML-encoded: <, >, &, quotes).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddAntiforgery(a => { a.Cookie.Name = "ogi-af"; a.HeaderName = "X-CSRF-TOKEN"; });
        // Accounts: a cookie after signing in at /account/login; pages and endpoints that write name Policies.Write.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
        {
            c.Cookie.Name = "ogi-auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Strict;
            c.LoginPath = "/account/login";
            c.LogoutPath = "/account/logout";
            c.AccessDeniedPath = "/account/denied";
            c.ExpireTimeSpan = TimeSpan.FromHours(8);
            c.SlidingExpiration = true;
            c.EventsType = typeof(AccountCookie);
        });
        builder.Services.AddSingleton<AccountCookie>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddScoped<Grants>();
        builder.Services.AddScoped<RegisterDesk>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireRole(Policies.AdminRole, Policies.EditorRole))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Policies.AdminRole));

        var app = builder.Build();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<LanguageChoice>();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Assets(), RequestPath = "/static" });
        app.UseRouting();
        // After routing: a page that answers an oversized upload itself (the report page sends the visitor back to its
        // form with the reason) says so in its endpoint's metadata.
        app.UseMiddleware<UploadLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapApi();
        return app;
    }

    public static void Run(WebOptions options) => Build(options).Run();

    /// <summary>wwwroot/, embedded in this assembly (see the csproj), so the app serves the same files wherever ogi runs.
    /// Embedded names use '.' for '/': folder names under wwwroot must be plain words (no '-').</summary>
    static IFileProvider Assets() => new EmbeddedFileProvider(typeof(WebApp).Assembly, "Ogi.Web.wwwroot");
}
