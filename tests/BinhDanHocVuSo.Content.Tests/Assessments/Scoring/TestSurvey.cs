using BinhDanHocVuSo.Content.Assessments;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>
/// A small survey built in code, so that every figure of the worked example can be computed by hand: domain 1 with
/// 1.2 (3 statements + 1 knowledge question) and 1.3 (3 statements, no knowledge question); domain 4 with 4.2
/// (3 statements + 2 knowledge questions + 1 attitude statement) and the attention check. Rules are the spec's
/// defaults, except top K = 2 so that the cut is visible with three competences.
/// Targets: baseline 3 for all three; one-stop 1.3 = 4 and 4.2 = 4; leadership 1.2 = 4 and 4.2 = 4.
/// Weights: role override 3, baseline target 3 → 2, else 1.
/// </summary>
internal static class TestSurvey
{
    public static readonly string[] DomainOrder = ["0", "4", "1", "2", "5", "3", "6"];

    public static SurveyDefinition Build() => new(
        Id: "khao-sat-thu",
        Version: 1,
        Title: "Khảo sát thử",
        Introduction: "Khảo sát thử.",
        MaxMinutes: 10,
        File: "assessments/survey-v1.yaml",
        Scales: [Scale("skill", inLevel: true), Scale("attitude", inLevel: false)],
        Bands:
        [
            new ScoreBand("not-yet", "Chưa đạt", 0, 0),
            new ScoreBand("foundation", "Cơ bản", 0.30, 1),
            new ScoreBand("intermediate", "Trung cấp", 0.48, 3),
            new ScoreBand("advanced", "Nâng cao", 0.81, 5),
        ],
        MaxLevel: 6,
        Roles: [new SurveyRole("leadership", "Lãnh đạo"), new SurveyRole("one-stop", "Một cửa, phục vụ hành chính công")],
        Background:
        [
            new BackgroundQuestion("age-band", BackgroundKind.Choice, "Anh/chị thuộc nhóm tuổi nào?",
            [
                new ChoiceOption("under-30", "Dưới 30 tuổi"), new ChoiceOption("30-39", "Từ 30 đến 39 tuổi"),
                new ChoiceOption("40-49", "Từ 40 đến 49 tuổi"), new ChoiceOption("50-plus", "Từ 50 tuổi trở lên"),
            ]),
        ],
        Pages:
        [
            new SurveyPage("thong-tin", "1", "Khai thác dữ liệu và thông tin",
            [
                .. Statements("1.2"),
                Knowledge("kn-1-2", "1.2", correct: "b"),
                .. Statements("1.3"),
            ]),
            new SurveyPage("an-toan", "4", "An toàn",
            [
                .. Statements("4.2"),
                new SelfRatingItem("att-4-2", "Tôi sẵn sàng học thêm về bảo vệ dữ liệu.", 1, "4.2", "foundation", "attitude"),
                Knowledge("kn-4-2-a", "4.2", correct: "a"),
                Knowledge("kn-4-2-b", "4.2", correct: "c"),
                new AttentionCheckItem("attention-check", "Xin chọn “Tôi tự làm được”.", 1, "skill", 2),
            ]),
        ],
        Targets: new RoleTargets(
            new Dictionary<string, int> { ["1.2"] = 3, ["1.3"] = 3, ["4.2"] = 3 },
            new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                ["one-stop"] = new Dictionary<string, int> { ["1.3"] = 4, ["4.2"] = 4 },
                ["leadership"] = new Dictionary<string, int> { ["1.2"] = 4, ["4.2"] = 4 },
            }),
        Weights: new ImportanceWeights(3, new Dictionary<int, double> { [3] = 2 }, 1),
        Scoring: new ScoringRules(MinAnsweredShare: 0.5, SelfWeight: 0.6, KnowledgeWeight: 0.4, OverconfidenceGap: 0.33),
        Recommendations: new RecommendationRules(MinShareBelowTarget: 0.20, MinMeanGap: 0.5, Top: 2, DomainOrder),
        Privacy: new PrivacyRules(MinCellSize: 5, RoundPercentTo: 10, RoundPercentBelowN: 10),
        Reporting: new ReportingRules(0.60, 2, 0.70, 0.60, 0.95, 0.30, 0.20, 0.95));

    private static AnswerScale Scale(string id, bool inLevel) =>
        new(id, id, id, inLevel, [new ScaleOption(0, "0"), new ScaleOption(1, "1"), new ScaleOption(2, "2"), new ScaleOption(3, "3")]);

    private static IEnumerable<SurveyItem> Statements(string competence)
    {
        var dashed = competence.Replace('.', '-');
        yield return new SelfRatingItem($"sr-{dashed}-f", "…", 1, competence, "foundation", "skill");
        yield return new SelfRatingItem($"sr-{dashed}-i", "…", 1, competence, "intermediate", "skill");
        yield return new SelfRatingItem($"sr-{dashed}-a", "…", 1, competence, "advanced", "skill");
    }

    private static KnowledgeItem Knowledge(string id, string competence, string correct) => new(
        id, "…", 1, competence,
        [.. new[] { "a", "b", "c", "d" }.Select(o => new KnowledgeOption(o, o, o == correct, false)), new KnowledgeOption("x", "Tôi không biết", false, true)],
        "");
}
