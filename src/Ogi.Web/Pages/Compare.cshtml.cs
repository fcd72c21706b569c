using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store.Answers;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>Two reports side by side (<c>/compare?a=ID&amp;b=ID</c>): every field either holds, with the delta, and each one's findings.</summary>
public sealed class CompareModel(Corpus corpus) : PageModel
{
    public string? A { get; private set; }
    public string? B { get; private set; }
    public bool ChangedOnly { get; private set; }
    public ReportComparison? Comparison { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string? a, string? b, string? changed)
    {
        (A, B, ChangedOnly) = (a?.Trim(), b?.Trim(), changed is "1" or "yes" or "true");
        if (string.IsNullOrEmpty(A) || string.IsNullOrEmpty(B)) return;
        try { Comparison = corpus.Compare(A, B); }
        catch (AnswerException e)
        {
            Error = e.Message;
            Response.StatusCode = 404;
        }
    }
}
