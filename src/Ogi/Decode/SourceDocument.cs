namespace Ogi.Decode;

public enum SourceFormat { Text, Html, Docx }

/// <summary>
/// A report after decoding: the text every later stage reads (markup removed, an HTML table rendered one row a
/// line with each cell closed by " |"), and how it was obtained. Offsets in the parse output point into <see cref="Text"/>.
/// </summary>
public sealed record SourceDocument(string Text, SourceFormat Format, string EncodingName);

/// <summary>A file that cannot be read as a report at all; the message is one line, fit for a user.</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);
