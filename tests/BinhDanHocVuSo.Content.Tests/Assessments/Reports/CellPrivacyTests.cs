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

    [Fact]
    public void When_exactly_one_sub_cell_of_a_shown_total_is_hidden_the_smallest_shown_one_is_hidden_too()
    {
        var cells = _privacy.SuppressComplement(totalShown: true,
        [
            (_privacy.Value(1, 8), 8),
            (_privacy.Value(1, 2), 2),
            (_privacy.Value(1, 6), 6),
            (_privacy.Value(1, 9), 9),
        ]);

        cells.Select(c => c.Reason).Should().Equal(
            SuppressionReason.None, SuppressionReason.TooFewRespondents, SuppressionReason.Complementary, SuppressionReason.None);
        cells[2].Note.Should().Be(CellPrivacy.ComplementaryNote);
    }

    [Fact]
    public void Complementary_suppression_is_not_needed_when_two_sub_cells_are_hidden_or_the_total_is_hidden()
    {
        (ReportCell, int)[] twoHidden = [(_privacy.Value(1, 8), 8), (_privacy.Value(1, 2), 2), (_privacy.Value(1, 3), 3)];
        (ReportCell, int)[] oneHidden = [(_privacy.Value(1, 8), 8), (_privacy.Value(1, 2), 2)];

        _privacy.SuppressComplement(totalShown: true, twoHidden).Count(c => c.Suppressed).Should().Be(2);
        _privacy.SuppressComplement(totalShown: false, oneHidden).Count(c => c.Suppressed).Should().Be(1);
    }
}
