using BinhDanHocVuSo.Content.Assessments;
using BinhDanHocVuSo.Content.Assessments.Reports;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

public class CellPrivacyTests
{
    private readonly CellPrivacy _privacy = new(new PrivacyRules(MinCellSize: 5, RoundPercentTo: 10, RoundPercentBelowN: 10));

    [Fact]
    public void A_cell_of_fewer_than_k_respondents_is_hidden_with_a_note_people_can_read()
    {
        var cell = _privacy.Value(3.2, respondents: 4);

        cell.Suppressed.Should().BeTrue();
        cell.Value.Should().BeNull();
        cell.Reason.Should().Be(SuppressionReason.TooFewRespondents);
        cell.Note.Should().Be("ẩn (ít hơn 5 người)");
    }

    [Fact]
    public void A_cell_of_exactly_k_respondents_is_shown()
    {
        _privacy.Value(3.2, respondents: 5).Should().Be(ReportCell.Shown(3.2));
    }

    [Fact]
    public void The_minimum_cell_size_comes_from_the_survey_definition()
    {
        var strict = new CellPrivacy(new PrivacyRules(MinCellSize: 10, RoundPercentTo: 10, RoundPercentBelowN: 10));

        strict.Value(1, respondents: 9).Note.Should().Be("ẩn (ít hơn 10 người)");
    }

    [Theory]
    [InlineData(4, 7, 60)]      // 57.14 % → 60 %
    [InlineData(1, 7, 10)]      // 14.29 % → 10 %
    [InlineData(3, 8, 40)]      // 37.5 % → 40 %
    [InlineData(1, 8, 10)]      // 12.5 % → 10 % (1.25 steps rounds to 1)
    [InlineData(3, 11, 27.272727273)] // n ≥ 10: not rounded
    public void Percentages_of_cells_under_ten_respondents_are_rounded_to_ten_points(int count, int n, double expected)
    {
        _privacy.Percent(count / (double)n, n).Value!.Value.Should().BeApproximately(expected, 1e-6);
    }

    [Theory]
    [InlineData(3.49, 9, 3)]          // n < 10: a whole level
    [InlineData(3.5, 9, 4)]           // half away from zero
    [InlineData(3.49, 10, 3.49)]      // n ≥ 10: as computed
    public void Means_of_cells_under_ten_respondents_are_rounded_to_whole_levels(double mean, int n, double expected)
    {
        _privacy.Mean(mean, n).Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(0.56, 9, 0.6)]
    [InlineData(0.44, 5, 0.4)]
    [InlineData(0.56, 10, 0.56)]
    public void Self_and_knowledge_scores_of_cells_under_ten_respondents_are_rounded_to_a_tenth(double score, int n, double expected)
    {
        _privacy.Score(score, n).Value.Should().Be(expected);
    }

    [Fact]
    public void A_cell_hidden_against_differencing_says_so_and_a_small_one_says_it_is_small()
    {
        _privacy.HiddenFor(8).Should().Be(new ReportCell(null, SuppressionReason.Complementary, CellPrivacy.ComplementaryNote));
        _privacy.HiddenFor(4).Note.Should().Be("ẩn (ít hơn 5 người)");
    }
}
