using System.Globalization;
using System.Text.Json;

namespace Ogi.Store.Answers;

/// <summary>
/// One stored report as a JSON object shaped like OUTPUT.md's (template, metadata, values, findings), with the
/// store's own keys beside them: id, sha256, file, place (where it was placed) and each finding's review.
/// A blank cell is null and an unprinted row has no key, as in OUTPUT.md.
/// </summary>
public static class ReportJson
{
    public static void Write(Utf8JsonWriter json, ReportRecord r)
    {
        json.WriteStartObject();
        json.WriteNumber("id", r.Id);
        json.WriteString("sha256", r.Sha256);
        json.WriteString("file", r.FileName);
        json.WriteString("template", r.Template);
        json.WriteStartObject("metadata");
        json.WriteString("title", r.Title);
        json.WriteString("agency", r.AgencyAsPrinted);
        if (r.Year is { } year) json.WriteNumber("year", year); else json.WriteNull("year");
        json.WriteString("published", r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject("place");
        if (r.AgencyId is { } agencyId) json.WriteNumber("agency_id", agencyId); else json.WriteNull("agency_id");
        json.WriteString("agency", r.AgencyName);
        json.WriteString("code", r.PlaceCode);
        json.WriteString("level", r.PlaceLevel);
        json.WriteBoolean("department", r.IsDepartment);
        json.WriteEndObject();
        json.WriteStartObject("values");
        foreach (var (field, value) in r.Values)
            if (value is { } v) json.WriteNumber(field, Decimals.Plain(v)); else json.WriteNull(field);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var f in r.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", f.Rule);
            json.WriteString("severity", f.Severity);
            json.WriteString("message", f.Message);
            if (f.MessageEn is not null) json.WriteString("message_en", f.MessageEn);
            json.WriteStartArray("fields");
            foreach (var field in f.Fields) json.WriteStringValue(field);
            json.WriteEndArray();
            if (f.RelatedReportId is { } related) json.WriteNumber("related_report", related);
            json.WriteString("review", f.Review);
            if (f.ReviewNote is not null) json.WriteString("review_note", f.ReviewNote);
            if (f.ReviewStale) json.WriteBoolean("review_stale", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One object a line.</summary>
    public static void WriteLines(IEnumerable<ReportRecord> reports, TextWriter output)
    {
        using var lines = new JsonLineWriter(output);
        foreach (var r in reports) lines.WriteLine(json => Write(json, r));
    }
}
