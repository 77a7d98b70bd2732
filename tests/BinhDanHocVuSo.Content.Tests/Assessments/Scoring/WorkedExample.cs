using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>
/// Seven commune officials answering <see cref="TestSurvey"/>: four one-stop officers (R1–R4) and three leaders (R5–R7),
/// a mixed-role group. Answers per item; "-" marks an unanswered statement. Knowledge keys: kn-1-2 → b, kn-4-2-a → a,
/// kn-4-2-b → c; "x" is "Tôi không biết". Every respondent also rates the attitude statement 3 (it must not count).
/// <code>
///      role        commune age       sr-1-2 f i a  kn-1-2  sr-1-3 f i a  sr-4-2 f i a  kn-4-2-a kn-4-2-b  check  seconds
///  R1  one-stop    xa-a    under-30         2 2 1  b              1 1 0         3 3 2  a        x         2      600
///  R2  one-stop    xa-a    30-39            1 1 0  (blank)        2 1 -         2 1 0  a        c         2      20
///  R3  one-stop    xa-b    40-49            3 2 2  b              1 - -         1 1 0  d        (blank)   2      -
///  R4  one-stop    xa-b    50-plus          2 1 1  a              2 2 1         2 2 1  a        a         2      -
///  R5  leadership  xa-a    40-49            2 1 0  b              3 2 2         2 1 1  a        c         2      -
///  R6  leadership  xa-b    50-plus          1 0 0  x              2 2 2         1 0 0  (blank)  (blank)   0      -
///  R7  leadership  xa-a    30-39            3 3 3  b              3 3 2         3 2 2  a        c         2      -
/// </code>
/// </summary>
internal static class WorkedExample
{
    public static readonly SurveyDefinition Survey = TestSurvey.Build();

    public static readonly IReadOnlyList<RespondentAnswers> Answers =
    [
        Respondent("R1", "one-stop", "xa-a", "under-30", [2, 2, 1], "b", [1, 1, 0], [3, 3, 2], "a", "x", check: 2, seconds: 600),
        Respondent("R2", "one-stop", "xa-a", "30-39", [1, 1, 0], null, [2, 1, null], [2, 1, 0], "a", "c", check: 2, seconds: 20),
        Respondent("R3", "one-stop", "xa-b", "40-49", [3, 2, 2], "b", [1, null, null], [1, 1, 0], "d", null, check: 2),
        Respondent("R4", "one-stop", "xa-b", "50-plus", [2, 1, 1], "a", [2, 2, 1], [2, 2, 1], "a", "a", check: 2),
        Respondent("R5", "leadership", "xa-a", "40-49", [2, 1, 0], "b", [3, 2, 2], [2, 1, 1], "a", "c", check: 2),
        Respondent("R6", "leadership", "xa-b", "50-plus", [1, 0, 0], "x", [2, 2, 2], [1, 0, 0], null, null, check: 0),
        Respondent("R7", "leadership", "xa-a", "30-39", [3, 3, 3], "b", [3, 3, 2], [3, 2, 2], "a", "c", check: 2),
    ];

    public static IReadOnlyList<RespondentScores> Scores => [.. Answers.Select(a => RespondentScorer.Score(Survey, a))];

    public static RespondentScores Score(string id) => Scores.Single(s => s.RespondentId == id);

    /// <summary>
    /// Courses for the mapping: du-lieu-va-bao-mat fits 4.2 and also covers 1.2; an-toan-du-lieu fits 4.2 and is shorter
    /// but covers nothing else; bao-mat-nang-cao starts too high; thong-tin-co-ban stops at level 3.
    /// </summary>
    public static readonly IReadOnlyList<CourseOffer> Courses =
    [
        new("an-toan-du-lieu", ["4.2", "4.1"], EntryLevel: 0, ExitLevel: 4, Minutes: 50),
        new("bao-mat-nang-cao", ["4.2", "1.2"], EntryLevel: 3, ExitLevel: 5, Minutes: 30),
        new("du-lieu-va-bao-mat", ["4.2", "1.2"], EntryLevel: 2, ExitLevel: 4, Minutes: 60),
        new("thong-tin-co-ban", ["1.2"], EntryLevel: 0, ExitLevel: 3, Minutes: 20),
    ];

    public static RespondentAnswers Respondent(
        string id, string role, string commune, string ageBand,
        int?[] sr12, string? kn12, int?[] sr13, int?[] sr42, string? kn42a, string? kn42b, int check, double? seconds = null)
    {
        var ratings = new Dictionary<string, int> { ["att-4-2"] = 3, ["attention-check"] = check };
        AddStatements(ratings, "1-2", sr12);
        AddStatements(ratings, "1-3", sr13);
        AddStatements(ratings, "4-2", sr42);
        var choices = new Dictionary<string, string>();
        AddChoice(choices, "kn-1-2", kn12);
        AddChoice(choices, "kn-4-2-a", kn42a);
        AddChoice(choices, "kn-4-2-b", kn42b);
        return new RespondentAnswers(id, new RespondentBackground(commune, role, ageBand), ratings, choices, seconds);
    }

    private static void AddStatements(Dictionary<string, int> ratings, string competence, int?[] codes)
    {
        string[] bands = ["f", "i", "a"];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is { } code)
            {
                ratings[$"sr-{competence}-{bands[i]}"] = code;
            }
        }
    }

    private static void AddChoice(Dictionary<string, string> choices, string item, string? option)
    {
        if (option is not null)
        {
            choices[item] = option;
        }
    }
}
