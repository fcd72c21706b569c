using Microsoft.AspNetCore.Http;
using Ogi.Web.Localization;

namespace Ogi.Web.Security;

/// <summary>
/// A request body larger than Kestrel's limit (WebOptions.MaxRequestBytes) is answered 413 with one clear sentence in
/// the visitor's language, never a crash or a half-read form: at once when its Content-Length says so; a chunked body
/// (no length: browsers send one with every form) is taken in first, up to the limit, because the form readers
/// downstream (antiforgery's among them) would turn the overrun into a bare 400.
/// </summary>
public sealed class UploadLimit(RequestDelegate next, WebOptions options, Texts texts)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The report page answers an oversized upload itself, back on its form with the reason (Pages.UploadTooLargeAttribute).
        if (context.GetEndpoint()?.Metadata.GetMetadata<Pages.UploadTooLargeAttribute>() is not null)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            await Refuse(context);
            return;
        }
        if (context.Request.ContentLength is null && context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: options.MaxRequestBytes);
            try { await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted); }
            catch (IOException) // Kestrel's BadHttpRequestException (413) or the buffer's own limit: both are IOExceptions
            {
                await Refuse(context);
                return;
            }
            context.Request.Body.Position = 0;
        }
        try { await next(context); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await Refuse(context);
        }
    }

    Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "text/plain; charset=utf-8";
        // The body is not read: the connection closes after the answer rather than taking in the rest.
        context.Response.Headers.Connection = "close";
        var megabytes = options.MaxUploadBytes / (1024.0 * 1024.0);
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            texts.Get("upload.too_large", LanguageChoice.Of(context)), megabytes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        return context.Response.WriteAsync(message + "\n");
    }
}
