using BinhDanHocVuSo.Content.Assessments;

namespace BinhDanHocVuSo.Content.Tests.Assessments;

/// <summary>
/// The order in which a knowledge question's options are shown (<see cref="KnowledgeItem.OptionsInDisplayOrder"/>):
/// shuffled per respondent so that the authored position of the right answer tells nobody anything, stable for one
/// respondent, "Tôi không biết" always last.
/// </summary>
public class KnowledgeOptionOrderTests
{
    private static readonly KnowledgeItem _question = Question("kn-4-2-ma-otp", ["a", "b", "c", "d"], correct: "c");

    [Fact]
    public void One_respondent_sees_the_same_order_on_every_visit_with_all_options_and_tôi_không_biết_last()
    {
        var first = _question.OptionsInDisplayOrder("response-1");
        var again = _question.OptionsInDisplayOrder("response-1");

        again.Select(o => o.Id).Should().Equal(first.Select(o => o.Id));
        first.Select(o => o.Id).Should().BeEquivalentTo(["a", "b", "c", "d", "x"]);
        first[^1].IsDontKnow.Should().BeTrue();
    }

    [Fact]
    public void Across_respondents_the_right_answer_takes_every_position_about_equally()
    {
        // 400 respondents, 4 positions: 100 each on average. Bounds far outside chance (±5 standard deviations of 8.7).
        var positions = Enumerable.Range(0, 400)
            .Select(i => _question.OptionsInDisplayOrder($"response-{i}").ToList().FindIndex(o => o.IsCorrect))
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count());

        positions.Keys.Should().BeEquivalentTo([0, 1, 2, 3]);
        positions.Values.Should().OnlyContain(count => count >= 55 && count <= 145);
    }

    [Fact]
    public void The_order_shown_depends_on_the_option_ids_and_not_on_the_order_they_are_written_in()
    {
        var reordered = Question("kn-4-2-ma-otp", ["d", "c", "b", "a"], correct: "c");

        for (var i = 0; i < 20; i++)
        {
            reordered.OptionsInDisplayOrder($"r{i}").Select(o => o.Id).Should().Equal(_question.OptionsInDisplayOrder($"r{i}").Select(o => o.Id));
        }
    }

    [Fact]
    public void Two_questions_shown_to_the_same_respondent_are_shuffled_independently()
    {
        var other = Question("kn-4-2-danh-sach", ["a", "b", "c", "d"], correct: "c");

        var differs = Enumerable.Range(0, 20).Count(i =>
            !other.OptionsInDisplayOrder($"r{i}").Select(o => o.Id).SequenceEqual(_question.OptionsInDisplayOrder($"r{i}").Select(o => o.Id)));

        differs.Should().BeGreaterThan(10, "the question id is part of the shuffle, so the right answers do not all move together");
    }

    private static KnowledgeItem Question(string id, string[] optionIds, string correct) => new(
        id, "…", 1, "4.2",
        [.. optionIds.Select(o => new KnowledgeOption(o, $"Phương án {o}", o == correct, false)), new KnowledgeOption("x", "Tôi không biết", false, true)],
        "");
}
