using Microsoft.AspNetCore.Mvc.RazorPages;
using Ogi.Store.Answers;
using Ogi.Web.Services;

namespace Ogi.Web.Pages;

/// <summary>The corpus: every stored report, filtered, sorted and paged by the database as the query string asks.</summary>
public sealed class CorpusModel(Corpus corpus) : PageModel
{
    public CorpusQuery Query { get; private set; } = new();
    public CorpusList? List { get; private set; }
    public PlaceTree Tree { get; private set; } = new([], []);
    /// <summary>Why the filter could not be applied (one line), or null.</summary>
    public string? Error { get; private set; }

    public void OnGet()
    {
        try
        {
            Query = CorpusQuery.From(Request.Query);
            List = corpus.List(Query);
        }
        catch (AnswerException e)
        {
            Error = e.Message;
            Response.StatusCode = 400;
        }
        Tree = corpus.Tree(List?.PlaceCode);
    }
}
