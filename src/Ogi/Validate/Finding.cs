namespace Ogi.Validate;

public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}

/// <summary>A problem found in a report: a rule id of FIELDS.md, a plain explanation in Chinese and English, the fields it concerns.</summary>
public sealed record Finding(string Rule, string Severity, string Message, string MessageEn, IReadOnlyList<string> Fields);
