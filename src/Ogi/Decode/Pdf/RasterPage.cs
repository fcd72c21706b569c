namespace Ogi.Decode.Pdf;

/// <summary>
/// A page image (8-bit grey, as `pdftoppm -gray` writes it in PGM) for OCR: straightened when the scan is a little
/// skewed, and the ruling lines found in it — long thin runs of dark pixels — as the text layer's rules are found.
/// </summary>
public sealed class RasterPage
{
    public int Width { get; }
    public int Height { get; }
    byte[] pixels;

    RasterPage(int width, int height, byte[] pixels) { Width = width; Height = height; this.pixels = pixels; }

    bool Dark(int x, int y) => pixels[y * Width + x] < 128;
    /// <summary>Borders of one pixel at scan resolution come out grey once blurred by JPEG and scaling: a lighter threshold finds them.</summary>
    bool Inked(int x, int y) => pixels[y * Width + x] < 192;

    public static RasterPage ReadPgm(byte[] file)
    {
        int pos = 0;
        string Token()
        {
            while (pos < file.Length && (char.IsWhiteSpace((char)file[pos]) || file[pos] == '#'))
            {
                if (file[pos] == '#') while (pos < file.Length && file[pos] != '\n') pos++;
                else pos++;
            }
            int start = pos;
            while (pos < file.Length && !char.IsWhiteSpace((char)file[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(file, start, pos - start);
        }
        if (Token() != "P5") throw new UnreadableDocumentException("pdftoppm wrote no greyscale image");
        int w = int.Parse(Token()), h = int.Parse(Token()), max = int.Parse(Token());
        pos++;
        if (max > 255 || file.Length - pos < (long)w * h) throw new UnreadableDocumentException("pdftoppm wrote a truncated image");
        return new RasterPage(w, h, file.AsSpan(pos, w * h).ToArray());
    }

    public byte[] ToPgm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var file = new byte[header.Length + pixels.Length];
        header.CopyTo(file, 0);
        pixels.CopyTo(file, header.Length);
        return file;
    }

    /// <summary>
    /// The skew of the page in degrees (−3…3): the angle at which the rows of dark pixels line up best (the
    /// projection profile is sharpest), found on every other pixel.
    /// </summary>
    public double Skew()
    {
        var dark = new List<(int X, int Y)>();
        for (int y = 0; y < Height; y += 2)
            for (int x = 0; x < Width; x += 2)
                if (Dark(x, y)) dark.Add((x, y));
        if (dark.Count == 0) return 0;
        double best = 0, bestScore = double.MinValue;
        var profile = new int[Height * 2 + 1];
        for (int step = -30; step <= 30; step++)
        {
            double angle = step / 10.0, t = Math.Tan(angle * Math.PI / 180);
            Array.Clear(profile);
            foreach (var (x, y) in dark)
            {
                int yy = (int)(y - x * t) + Height / 2;
                if (yy >= 0 && yy < profile.Length) profile[yy]++;
            }
            double score = 0;
            foreach (var v in profile) score += (double)v * v;
            if (score > bestScore) { bestScore = score; best = angle; }
        }
        return best;
    }

    /// <summary>The page turned by −angle degrees round its centre (nearest pixel; white where nothing maps).</summary>
    public void Rotate(double angle)
    {
        if (angle == 0) return;
        double a = angle * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a), cx = Width / 2.0, cy = Height / 2.0;
        var result = new byte[pixels.Length];
        // Image y runs down: a skew of +angle has rows falling to the right (y grows with x), so each target pixel
        // takes the source pixel turned by +angle from it.
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                double dx = x - cx, dy = y - cy;
                int sx = (int)Math.Round(cx + dx * cos - dy * sin), sy = (int)Math.Round(cy + dx * sin + dy * cos);
                result[y * Width + x] = sx >= 0 && sx < Width && sy >= 0 && sy < Height ? pixels[sy * Width + sx] : (byte)255;
            }
        pixels = result;
    }

    /// <summary>
    /// Paints the tables' grid lines white (a strip <paramref name="half"/> pixels each side), so that OCR reads the
    /// cells' text and not the borders as `|`, `l` or `一`.
    /// </summary>
    public void EraseGrid(IEnumerable<RuledTable> tables, double scale, int half)
    {
        foreach (var t in tables)
        {
            int x0 = Math.Max(0, (int)(t.Box.Left / scale) - half), x1 = Math.Min(Width - 1, (int)(t.Box.Right / scale) + half);
            int y0 = Math.Max(0, (int)(Height - t.Box.Top / scale) - half), y1 = Math.Min(Height - 1, (int)(Height - t.Box.Bottom / scale) + half);
            foreach (var at in t.RowLines)
            {
                int y = (int)(Height - at / scale);
                for (int yy = Math.Max(0, y - half); yy <= Math.Min(Height - 1, y + half); yy++)
                    Array.Fill(pixels, (byte)255, yy * Width + x0, x1 - x0 + 1);
            }
            foreach (var at in t.ColumnLines)
            {
                int x = (int)(at / scale);
                for (int yy = y0; yy <= y1; yy++)
                    for (int xx = Math.Max(0, x - half); xx <= Math.Min(Width - 1, x + half); xx++) pixels[yy * Width + xx] = 255;
            }
        }
    }

    /// <summary>
    /// Ruling lines: horizontal runs of dark pixels at least <paramref name="minHorizontal"/> long, vertical ones at
    /// least <paramref name="minVertical"/> long (pixels), allowing gaps of a pixel or two (noise, JPEG); in PDF units.
    /// </summary>
    public List<Rule> Rules(double scale, int minHorizontal, int minVertical)
    {
        var rules = new List<Rule>();
        const int gap = 2;
        for (int y = 0; y < Height; y++)
        {
            int start = -1, last = -1;
            for (int x = 0; x <= Width; x++)
            {
                bool d = x < Width && Inked(x, y);
                if (d) { if (start < 0) start = x; last = x; }
                else if (start >= 0 && x - last > gap)
                {
                    if (last - start + 1 >= minHorizontal) rules.Add(new Rule(true, (Height - y - 0.5) * scale, start * scale, (last + 1) * scale));
                    start = -1;
                }
            }
        }
        for (int x = 0; x < Width; x++)
        {
            int start = -1, last = -1;
            for (int y = 0; y <= Height; y++)
            {
                bool d = y < Height && Inked(x, y);
                if (d) { if (start < 0) start = y; last = y; }
                else if (start >= 0 && y - last > gap)
                {
                    if (last - start + 1 >= minVertical) rules.Add(new Rule(false, (x + 0.5) * scale, (Height - last - 1) * scale, (Height - start) * scale));
                    start = -1;
                }
            }
        }
        return rules;
    }
}
