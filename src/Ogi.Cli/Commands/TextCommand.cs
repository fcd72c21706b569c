using System.CommandLine;
using Ogi.Decode;

namespace Ogi.Cli;

/// <summary>Prints the decoded text of a report: the text that the cells' start/end offsets of `parse --json` point into.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "a report file (text, HTML, Word or PDF; any encoding)" };
        var cmd = new Command("text", "print the decoded text that cell offsets refer to (tables of HTML, Word and PDF as ' |' rows)") { file };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(file)!;
            try
            {
                var doc = DocumentDecoder.DecodeFile(path);
                using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false));
                stdout.Write(doc.Text);
                return 0;
            }
            catch (UnreadableDocumentException e)
            {
                Console.Error.WriteLine($"ogi: {path}: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }
}
