namespace Ogi.Decode.Pdf;

/// <summary>
/// Old Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice (`soffice --headless --convert-to docx`)
/// when it is installed, then read as any Word file; without it, a clear one-line refusal.
/// </summary>
public static class LegacyWordConverter
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static bool Available => ExternalProgram.Find("soffice") is not null;

    public static byte[] ToDocx(ReadOnlySpan<byte> bytes)
    {
        if (!Available)
            throw new UnreadableDocumentException("an old Word or WPS file (.doc/.wps): reading it needs LibreOffice (soffice), which is not installed");
        using var scratch = new ExternalProgram.ScratchFolder();
        var input = Path.Combine(scratch.Path, "report.doc");
        File.WriteAllBytes(input, bytes.ToArray());
        // A profile of its own: a LibreOffice already running for the user would otherwise take the job and return at once.
        var profile = "file://" + Path.Combine(scratch.Path, "profile");
        ExternalProgram.Run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "docx", "--outdir", scratch.Path, input], Timeout, scratch.Path);
        var output = Path.Combine(scratch.Path, "report.docx");
        if (!File.Exists(output)) throw new UnreadableDocumentException("an old Word or WPS file that LibreOffice could not convert (damaged, or not a text document)");
        return File.ReadAllBytes(output);
    }
}
