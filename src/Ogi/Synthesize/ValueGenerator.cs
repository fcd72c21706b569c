using Ogi.Templates;

namespace Ogi.Synthesize;

/// <summary>
/// Plausible statistics for one report, consistent with every rule of its template: a township gets a handful of
/// applications, a province thousands; most cells are small and many are 0, as in real reports. Built column by
/// column from the flows the rules describe (received + carried over = handled + carried forward), so the rules hold
/// by construction; <see cref="ReportSynthesizer"/> checks them anyway before it breaks one on purpose.
/// </summary>
public sealed class ValueGenerator(Random rng, AgencyLevel level)
{
    readonly double _scale = level switch
    {
        AgencyLevel.Province => 300, AgencyLevel.City => 80, AgencyLevel.County => 25, AgencyLevel.Township => 2, _ => 8,
    };

    /// <summary>A count around mean: zero-heavy for small means, long-tailed for large ones.</summary>
    int Count(double mean)
    {
        if (mean <= 0) return 0;
        if (rng.NextDouble() < Math.Exp(-mean) + 0.1) return 0;
        // Log-normal around the mean, the shape of case loads across agencies.
        double x = mean * Math.Exp(0.9 * Gaussian() - 0.4);
        return Math.Max(0, (int)Math.Round(x));
    }

    double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    decimal Money(double mean) => rng.Next(3) == 0 ? 0 : Math.Round((decimal)(mean * Math.Exp(Gaussian())), rng.Next(2) == 0 ? 2 : 1);

    public Dictionary<string, decimal?> Generate(CompiledTemplate template, int year) => template.Id switch
    {
        "gov2021" or "gov2019" => Gov(template.Id),
        // Some provinces printed their own legacy form: Fujian's, with a 历年累计 column (two versions).
        _ => rng.Next(6) == 0 ? Fujian(year >= 2015) : Legacy(),
    };

    static readonly string[] Applicants = ["natural", "commercial", "research", "nonprofit", "legal", "other_org"];
    static readonly double[] ApplicantShare = [1.0, 0.15, 0.02, 0.02, 0.06, 0.05];

    Dictionary<string, decimal?> Gov(string id)
    {
        var v = new Dictionary<string, decimal?>();
        var outcomes = new List<(string Row, double Weight)>
        {
            ("granted", 0.45), ("partial", 0.08),
            ("withheld.state_secret", 0.01), ("withheld.law_prohibited", 0.01), ("withheld.security_stability", 0.01), ("withheld.third_party", 0.02),
            ("withheld.internal_affairs", 0.02), ("withheld.process_info", 0.03), ("withheld.enforcement_files", 0.01), ("withheld.query_matters", 0.02),
            ("unavailable.not_held", 0.18), ("unavailable.needs_creation", 0.03), ("unavailable.still_unclear", 0.02),
            ("not_processed.petition", 0.03), ("not_processed.repeated", 0.03), ("not_processed.publications", 0.005),
            ("not_processed.excessive", 0.005), ("not_processed.confirmation", 0.005),
        };
        if (id == "gov2021") outcomes.AddRange([("other_handling.no_correction", 0.03), ("other_handling.unpaid_fee", 0.002), ("other_handling.misc", 0.03)]);
        else outcomes.Add(("other_handling", 0.06));
        var rows = new[] { "new", "carried_over", "total", "carried_forward" }.Concat(outcomes.Select(o => o.Row)).ToList();
        var sums = rows.ToDictionary(r => r, _ => 0);
        for (int c = 0; c < Applicants.Length; c++)
        {
            int fresh = Count(_scale * ApplicantShare[c]);
            int carried = rng.Next(4) == 0 ? Count(fresh * 0.08 + 0.3) : 0;
            int forward = Math.Min(fresh + carried, rng.Next(3) == 0 ? Count((fresh + carried) * 0.08 + 0.3) : 0);
            int handled = fresh + carried - forward;
            var split = Distribute(handled, outcomes.Select(o => o.Weight).ToArray());
            Set(v, "applications.new." + Applicants[c], fresh, sums, "new");
            Set(v, "applications.carried_over." + Applicants[c], carried, sums, "carried_over");
            Set(v, "applications.carried_forward." + Applicants[c], forward, sums, "carried_forward");
            Set(v, "applications.total." + Applicants[c], handled, sums, "total");
            for (int o = 0; o < outcomes.Count; o++) Set(v, $"applications.{outcomes[o].Row}.{Applicants[c]}", split[o], sums, outcomes[o].Row);
        }
        foreach (var (row, sum) in sums) v[$"applications.{row}.total"] = sum;

        foreach (var kind in new[] { "review", "litigation_direct", "litigation_after_review" })
        {
            double m = _scale * (kind == "review" ? 0.03 : 0.01);
            int up = Count(m), cor = Count(m * 0.3), oth = Count(m * 0.3), pend = Count(m * 0.2);
            v[$"appeals.{kind}.upheld"] = up; v[$"appeals.{kind}.corrected"] = cor; v[$"appeals.{kind}.other"] = oth;
            v[$"appeals.{kind}.pending"] = pend; v[$"appeals.{kind}.total"] = up + cor + oth + pend;
        }

        bool makesRules = level is AgencyLevel.Province or AgencyLevel.City;
        if (id == "gov2021")
        {
            foreach (var (row, mean) in new[] { ("rules", makesRules ? 2.0 : 0), ("normative", _scale * 0.15) })
            {
                int issued = Count(mean), repealed = Count(mean * 0.3);
                v[$"proactive.{row}.issued"] = issued; v[$"proactive.{row}.repealed"] = repealed;
                v[$"proactive.{row}.in_force"] = issued + Count(mean * 4);
            }
            v["proactive.licensing.decisions"] = Count(_scale * 40);
            v["proactive.penalty.decisions"] = Count(_scale * 15);
            v["proactive.coercion.decisions"] = Count(_scale * 0.5);
            v["proactive.fees.amount"] = Money(_scale * 2);
        }
        else
        {
            foreach (var (row, mean) in new[] { ("rules", makesRules ? 2.0 : 0), ("normative", _scale * 0.15) })
            {
                int made = Count(mean), published = rng.Next(4) == 0 ? Math.Max(0, made - rng.Next(2)) : made;
                v[$"proactive.{row}.made"] = made; v[$"proactive.{row}.published"] = published;
                v[$"proactive.{row}.total_public"] = published + Count(mean * 5);
            }
            foreach (var (row, mean) in new[] { ("licensing", 3.0), ("other_services", 1.0), ("penalty", 8.0), ("coercion", 1.0) })
            {
                int prior = Count(_scale * mean * 0.4);
                v[$"proactive.{row}.prior_items"] = prior;
                v[$"proactive.{row}.change"] = rng.Next(3) == 0 ? 0 : rng.Next(-Math.Min(prior, 20), 21);
                v[$"proactive.{row}.decisions"] = Count(_scale * mean * 5);
            }
            int fees = Count(_scale * 0.1);
            v["proactive.fees.prior_items"] = fees;
            v["proactive.fees.change"] = rng.Next(4) == 0 ? -Math.Min(fees, rng.Next(3)) : 0;
            v["proactive.procurement.items"] = Count(_scale * 0.5);
            v["proactive.procurement.amount"] = v["proactive.procurement.items"] == 0 ? 0 : Money(_scale * 20);
        }
        return v;
    }

    static void Set(Dictionary<string, decimal?> v, string field, int value, Dictionary<string, int> sums, string row)
    {
        v[field] = value;
        sums[row] += value;
    }

    /// <summary>n cases among outcomes by weight: each outcome draws its share, what is left goes to the first.</summary>
    int[] Distribute(int n, double[] weights)
    {
        var parts = new int[weights.Length];
        int left = n;
        for (int i = 1; i < weights.Length && left > 0; i++)
        {
            double expected = n * weights[i] * Math.Exp(0.7 * Gaussian());
            int take = Math.Min(left, (int)Math.Floor(expected + rng.NextDouble()));
            parts[i] = take;
            left -= take;
        }
        parts[0] = left;
        return parts;
    }

    /// <summary>
    /// Fujian's legacy form: the year's column and the cumulative one (all years to date). Each column is a consistent
    /// table of its own; the cumulative one is the year's plus the years before, so it is never smaller.
    /// </summary>
    Dictionary<string, decimal?> Fujian(bool from2015)
    {
        var year = FujianColumn(from2015, _scale);
        var before = FujianColumn(from2015, _scale * (2 + rng.Next(8)));
        var v = new Dictionary<string, decimal?>(year);
        foreach (var (field, value) in year)
            v["legacy.extra.cumulative." + field["legacy.".Length..]] = value + before[field];
        return v;
    }

    Dictionary<string, decimal?> FujianColumn(bool from2015, double s)
    {
        var v = new Dictionary<string, decimal?>();
        int website = Count(s * 40), gazette = Count(s * 0.5);
        v["legacy.proactive.total"] = website + gazette + (rng.Next(4) == 0 ? Count(s * 5) : 0);
        v["legacy.channels.website"] = website;
        v["legacy.channels.gazette"] = gazette;
        string[] channels = from2015 ? ["requests.in_person", "requests.online", "extra.letter_fax_requests"]
            : ["requests.in_person", "requests.fax", "extra.email_requests", "requests.online", "requests.letter", "extra.other_requests"];
        int received = 0;
        foreach (var c in channels) { int n = Count(s * 0.2); v["legacy." + c] = n; received += n; }
        v["legacy.requests.received"] = received;
        string[] replies = from2015 ? ["replies.granted", "replies.partial", "replies.denied", "extra.other_replies"] : ["replies.granted", "replies.partial", "replies.denied"];
        var split = Distribute(received, from2015 ? [0.7, 0.1, 0.1, 0.1] : [0.8, 0.1, 0.1]);
        for (int i = 0; i < replies.Length; i++) v["legacy." + replies[i]] = split[i];
        v["legacy.replies.total"] = received;
        v["legacy.review.total"] = Count(s * 0.01);
        v["legacy.litigation.total"] = Count(s * 0.005);
        v["legacy.complaints"] = Count(s * 0.01);
        // Fee waivers are printed in 元: whole yuan, held in 万元.
        if (from2015) v["legacy.extra.fee_waivers"] = rng.Next(5) == 0 ? rng.Next(1, 2000) / 10000m : 0;
        return v;
    }

    Dictionary<string, decimal?> Legacy()
    {
        var v = new Dictionary<string, decimal?>();
        double s = _scale;
        int total = Count(s * 60) + 1;
        v["legacy.proactive.total"] = total;
        int normative = Math.Min(total, Count(s * 0.3));
        v["legacy.proactive.normative_published"] = normative;
        v["legacy.proactive.normative_issued"] = normative + Count(s * 0.05);
        v["legacy.channels.gazette"] = Count(s * 0.5);
        v["legacy.channels.website"] = Math.Min(total, Count(s * 40) + 1);
        v["legacy.channels.weibo"] = Count(s * 5);
        v["legacy.channels.wechat"] = Count(s * 5);
        v["legacy.channels.other"] = Count(s * 3);
        v["legacy.responses.total"] = Count(s * 0.5);
        int press = Count(s * 0.1), interviews = Count(s * 0.1);
        v["legacy.responses.press_conferences"] = press;
        v["legacy.responses.press_conferences_by_leaders"] = Math.Min(press, Count(press * 0.4));
        v["legacy.responses.online_interviews"] = interviews;
        v["legacy.responses.online_interviews_by_leaders"] = Math.Min(interviews, Count(interviews * 0.5));
        v["legacy.responses.interpretations"] = Count(s * 0.5);
        v["legacy.responses.weibo_wechat"] = Count(s * 0.3);
        v["legacy.responses.other"] = Count(s * 0.2);

        var channels = new[] { "in_person", "fax", "online", "letter" }.Select(c => (c, n: Count(s * (c == "fax" ? 0.05 : 0.4)))).ToList();
        int received = channels.Sum(c => c.n);
        foreach (var (c, n) in channels) v["legacy.requests." + c] = n;
        v["legacy.requests.received"] = received;
        int closed = received - (received > 0 && rng.Next(5) == 0 ? 1 : 0);
        int extended = Math.Min(closed, Count(closed * 0.05));
        v["legacy.requests.closed"] = closed;
        v["legacy.requests.closed_on_time"] = closed - extended;
        v["legacy.requests.closed_extended"] = extended;
        var kinds = Distribute(closed, [0.5, 0.15, 0.1, 0.08, 0.08, 0.06, 0.02, 0.01]);
        string[] kindIds = ["granted", "already_public", "partial", "denied", "not_this_agency", "nonexistent", "asked_to_amend", "other_channel"];
        for (int i = 0; i < kinds.Length; i++) v["legacy.replies." + kindIds[i]] = kinds[i];
        v["legacy.replies.total"] = closed;
        var reasons = Distribute(kinds[3], [0.3, 0.1, 0.2, 0.1, 0.2, 0.1]);
        string[] reasonIds = ["denied_other_legal", "denied_state_secret", "denied_commercial_secret", "denied_privacy", "denied_security_stability", "denied_not_government_info"];
        for (int i = 0; i < reasons.Length; i++) v["legacy.replies." + reasonIds[i]] = reasons[i];
        foreach (var kind in new[] { "review", "litigation" })
        {
            int up = Count(s * 0.01), cor = Count(s * 0.003), oth = Count(s * 0.003);
            v[$"legacy.{kind}.upheld"] = up; v[$"legacy.{kind}.corrected"] = cor; v[$"legacy.{kind}.other"] = oth;
            v[$"legacy.{kind}.total"] = up + cor + oth;
        }
        v["legacy.complaints"] = Count(s * 0.01);
        v["legacy.fees"] = rng.Next(6) == 0 ? Money(0.05) : 0;
        v["legacy.org.dedicated_units"] = 1 + Count(0.3);
        v["legacy.org.reading_points"] = 1 + Count(s * 0.05);
        int full = 1 + Count(s * 0.02), part = Count(s * 0.05) + 1;
        v["legacy.org.staff"] = full + part;
        v["legacy.org.staff_full_time"] = full;
        v["legacy.org.staff_part_time"] = part;
        v["legacy.org.budget"] = Money(s * 0.2);
        v["legacy.training.meetings"] = Count(s * 0.05) + 1;
        v["legacy.training.classes"] = Count(s * 0.05);
        v["legacy.training.trainees"] = Count(s * 2);
        return v;
    }
}
