using Microsoft.AspNetCore.Http;

namespace Ogi.Web.Security;

/// <summary>
/// A strict Content-Security-Policy on every response: scripts, styles, images and fonts only from this server, no
/// inline script or style, no framing, forms posting only here. Report content is untrusted; even if a page ever
/// echoed markup by mistake, the browser would run none of it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>The API reference page (Scalar) alone: its one inline script by this response's nonce, and the styles its
    /// script inserts (no report content is on that page: only the API's own OpenAPI document).</summary>
    public static string DocsPolicy(string nonce) => $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Api.ApiDocs.IsDocs(context) ? DocsPolicy(Api.ApiDocs.Nonce(context)) : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
