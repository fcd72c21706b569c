using System.Globalization;

namespace Ogi.Web.Services;

/// <summary>
/// The geometry of a small line chart of one figure over the years, drawn by the page as SVG (no script): every
/// year from the first to the last has its place on the x axis, so a year without a report is a visible gap in the line;
/// the y axis starts at 0 and ends at a round number.
/// </summary>
public sealed class LineChart
{
    public const int Width = 380, Height = 190, Left = 52, Right = 14, Top = 14, Bottom = 30;

    public sealed record Point(double X, double Y, int Year, decimal Value);

    public IReadOnlyList<Point> Points { get; }
    /// <summary>The line's path: a new segment (M) after each year without a value.</summary>
    public string Path { get; }
    public IReadOnlyList<(double Y, decimal Value)> Ticks { get; }
    public IReadOnlyList<(double X, int Year)> Years { get; }

    public LineChart(IReadOnlyList<(int Year, decimal Value)> values)
    {
        int first = values.Min(v => v.Year), last = values.Max(v => v.Year);
        // Ticks at a round step (1, 2, 2.5 or 5 times a power of ten), as many as the largest value needs (up to 5).
        decimal bottom = Math.Min(0, values.Min(v => v.Value));
        decimal high = Math.Max(values.Max(v => v.Value), 1);
        decimal step = Nice((high - bottom) / 4);
        int steps = (int)Math.Ceiling((high - bottom) / step);
        decimal top = bottom + step * steps;
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int year) => Left + (last == first ? plotW / 2 : (year - first) * plotW / (last - first));
        double Y(decimal v) => Top + plotH - (double)((v - bottom) / (top - bottom)) * plotH;
        Points = values.OrderBy(v => v.Year).Select(v => new Point(Round(X(v.Year)), Round(Y(v.Value)), v.Year, v.Value)).ToList();
        var path = new List<string>();
        for (int i = 0; i < Points.Count; i++)
        {
            var p = Points[i];
            bool joined = i > 0 && Points[i - 1].Year == p.Year - 1;
            path.Add((joined ? "L" : "M") + F(p.X) + " " + F(p.Y));
        }
        Path = string.Join(" ", path);
        Ticks = Enumerable.Range(0, steps + 1).Select(i => bottom + step * i).Select(v => (Round(Y(v)), v)).ToList();
        int every = Math.Max(1, (last - first + 1 + 7) / 8);
        Years = Enumerable.Range(first, last - first + 1).Where(y => (y - first) % every == 0 || y == last).Select(y => (Round(X(y)), y)).ToList();
    }

    /// <summary>The round number at or above v (1, 2, 2.5, 5 times a power of ten; at least 1: counts are whole).</summary>
    static decimal Nice(decimal v)
    {
        decimal power = 1;
        while (power * 10 < v) power *= 10;
        foreach (var m in new[] { 1m, 2m, 2.5m, 5m, 10m }) if (m * power >= v) return m * power;
        return 10 * power;
    }

    static double Round(double d) => Math.Round(d, 1);

    public static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
    public static string F(decimal d) => Store.Answers.Decimals.Plain(d).ToString("#,0.##", CultureInfo.InvariantCulture);
}
