using System.Text;
using Ogi.Normalize;

namespace Ogi.Places;

/// <summary>
/// The normalized form of an agency's name: simplified characters, no spaces, quotes or brackets, no pinyin
/// printed as ruby (<c>拖市镇(zhèn)</c> → <c>拖市镇</c>); the words of the name themselves are kept (人民政府 stays).
/// </summary>
public static class AgencyName
{
    const string Dropped = "\"'“”‘’「」『』《》〈〉()[]{}<>【】〔〕〖〗·•";

    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var folded = TextNormalizer.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || Dropped.Contains(c)) continue;
            // Latin letters, with or without tone marks, are pinyin beside the characters (or an English gloss).
            if (c < 0x2E80 && char.IsLetter(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    static readonly string[] TitleEnds = ["政府信息公开", "信息公开", "关于", "年度", "工作年度报告"];

    /// <summary>The agency's name at the head of a report's title: 泉州市鲤城区卫生健康局2022年政府信息公开… → 泉州市鲤城区卫生健康局.</summary>
    public static string? FromTitle(string? title)
    {
        var t = Normalize(title);
        int end = t.Length;
        for (int i = 0; i < t.Length; i++)
            if (char.IsAsciiDigit(t[i]) || t[i] is '〇' or '○' || (t[i] == '二' && i + 1 < t.Length && t[i + 1] is '〇' or '○' or '零'))
            {
                end = i;
                break;
            }
        foreach (var marker in TitleEnds)
        {
            int at = t.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < end) end = at;
        }
        return end >= 2 ? t[..end] : null;
    }
}
