namespace Ogi.Office;

/// <summary>Placeholder namespace anchor of the office project (issue 17); its folders hold the parts.</summary>
internal static class Office
{
}
