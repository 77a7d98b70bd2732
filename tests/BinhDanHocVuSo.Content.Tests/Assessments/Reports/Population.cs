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
}
