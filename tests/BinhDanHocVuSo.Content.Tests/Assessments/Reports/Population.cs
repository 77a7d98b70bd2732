using BinhDanHocVuSo.Content.Assessments.Scoring;
using BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>Builds scored respondents of the test survey by background, for privacy tests where only group sizes matter.</summary>
internal static class Population
{
    private static int _next;

    /// <summary><paramref name="count"/> respondents who all answer like R4 of the worked example.</summary>
    public static IEnumerable<RespondentScores> Of(int count, string commune = "xa-a", string role = "one-stop", string ageBand = "30-39") =>
        Enumerable.Range(0, count).Select(_ => RespondentScorer.Score(
            WorkedExample.Survey,
            WorkedExample.Respondent($"P{Interlocked.Increment(ref _next)}", role, commune, ageBand, [2, 1, 1], "a", [2, 2, 1], [2, 2, 1], "a", "a", check: 2)));

    /// <summary>
    /// <paramref name="count"/> respondents scored like <paramref name="template"/> of the worked example (e.g. "R3", who has
    /// no level for 1.3), with the given background and flags.
    /// </summary>
    public static IEnumerable<RespondentScores> Like(
        string template, int count, string commune, string role, string ageBand, bool flagged = false) =>
        Enumerable.Range(0, count).Select(_ => WorkedExample.Score(template) with
        {
            RespondentId = $"P{Interlocked.Increment(ref _next)}",
            Background = new RespondentBackground(commune, role, ageBand),
            Flags = new RespondentFlags(FailedAttentionCheck: flagged, TooFast: false),
        });
}
