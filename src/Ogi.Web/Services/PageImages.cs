using System.Globalization;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Ogi.Decode.Pdf;

namespace Ogi.Web.Services;

/// <summary>
/// A PDF page as an image with a cell's box drawn on it: the page rendered by poppler's pdftoppm (PNG, cached by the
/// document's SHA-256 and page), wrapped in an SVG that draws the box. An SVG because it needs no script and no
/// inline style on the page (the Content-Security-Policy allows neither): the page shows it as an &lt;img&gt;.
/// </summary>
public sealed class PageImages : IDisposable
{
    /// <summary>Enough to read a table's digits on screen, small enough to send (about 200 KB a page).</summary>
    const int Dpi = 100;
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public static bool Available => ExternalProgram.Find("pdftoppm") is not null;

    /// <summary>The page's PNG, rendered once; null when the page does not exist or the PDF cannot be rendered.</summary>
    public byte[]? Png(string sha256, Func<byte[]?> pdf, int page)
    {
        var key = (sha256, page);
        if (_cache.TryGetValue(key, out byte[]? png)) return png;
        if (page < 1 || pdf() is not { } bytes) return null;
        using var scratch = new ExternalProgram.ScratchFolder();
        var input = Path.Combine(scratch.Path, "report.pdf");
        File.WriteAllBytes(input, bytes);
        var stem = Path.Combine(scratch.Path, "page");
        var p = page.ToString(CultureInfo.InvariantCulture);
        try { ExternalProgram.Run("pdftoppm", ["-png", "-r", Dpi.ToString(CultureInfo.InvariantCulture), "-f", p, "-l", p, "-singlefile", input, stem], Timeout); }
        catch (Ogi.Decode.UnreadableDocumentException) { return null; }
        if (!File.Exists(stem + ".png")) return null;
        png = File.ReadAllBytes(stem + ".png");
        _cache.Set(key, png, new MemoryCacheEntryOptions { Size = png.LongLength, SlidingExpiration = TimeSpan.FromHours(1) });
        return png;
    }

    /// <summary>The page with the box [left, bottom, right, top] (PDF units, from the page's bottom-left corner) outlined:
    /// a band of the page around the box (so that it is in sight beside the tables), or the whole page.</summary>
    public static string Svg(byte[] png, double[]? box, bool whole = false)
    {
        // PNG: the IHDR chunk's width and height, big-endian, at bytes 16 and 20.
        int w = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int h = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(png.Length * 4 / 3 + 512);
        double k = Dpi / 72.0, top = 0, band = h;
        if (box is { Length: 4 } && !whole)
        {
            band = Math.Min(h, w * 0.5);
            top = Math.Clamp(h - (box[1] + box[3]) / 2 * k - band / 2, 0, h - band);
        }
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 ")
          .Append(N(top)).Append(' ').Append(w).Append(' ').Append(N(band)).Append("\" width=\"").Append(w).Append("\" height=\"").Append(N(band)).Append("\">")
          .Append("<image width=\"").Append(w).Append("\" height=\"").Append(h).Append("\" xlink:href=\"data:image/png;base64,")
          .Append(Convert.ToBase64String(png)).Append("\"/>");
        if (box is { Length: 4 })
        {
            double pad = 3;
            double x = box[0] * k - pad, y = h - box[3] * k - pad, bw = (box[2] - box[0]) * k + 2 * pad, bh = (box[3] - box[1]) * k + 2 * pad;
            sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(bw)).Append("\" height=\"").Append(N(bh))
              .Append("\" fill=\"#ffd54f\" fill-opacity=\"0.35\" stroke=\"#c62828\" stroke-width=\"3\"/>");
        }
        return sb.Append("</svg>").ToString();
    }

    public void Dispose() => _cache.Dispose();
}
