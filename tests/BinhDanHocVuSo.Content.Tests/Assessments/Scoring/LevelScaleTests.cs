using BinhDanHocVuSo.Content.Assessments.Scoring;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Scoring;

/// <summary>L = f(S) and the bands (spec section c), from the bands of the test survey (the spec's DigCompSAT cut-offs).</summary>
public class LevelScaleTests
{
    private static readonly LevelScale _scale = LevelScale.Of(WorkedExample.Survey);

    [Theory]
    [InlineData(0.00, 0.0, "Chưa đạt")]              // 0 / 0.30
    [InlineData(0.15, 0.5, "Chưa đạt")]              // 0.15 / 0.30
    [InlineData(0.30, 1.0, "Cơ bản")]                // 1 + 2 · 0 / 0.18
    [InlineData(0.39, 2.0, "Cơ bản")]                // 1 + 2 · 0.09 / 0.18
    [InlineData(0.479, 2.988888889, "Cơ bản")]       // 1 + 2 · 0.179 / 0.18
    [InlineData(0.48, 3.0, "Trung cấp")]             // 3 + 2 · 0 / 0.33
    [InlineData(0.645, 4.0, "Trung cấp")]            // 3 + 2 · 0.165 / 0.33
    [InlineData(0.81, 5.0, "Nâng cao")]              // 5 + 0 / 0.19
    [InlineData(0.905, 5.5, "Nâng cao")]             // 5 + 0.095 / 0.19
    [InlineData(1.00, 6.0, "Nâng cao")]              // 5 + 0.19 / 0.19, the cap
    public void The_level_is_piecewise_linear_between_the_band_cut_offs(double score, double level, string band)
    {
        _scale.LevelOf(score).Should().BeApproximately(level, 1e-6);
        _scale.BandOf(score).Name.Should().Be(band);
    }

    [Fact]
    public void A_score_a_rounding_error_below_a_cut_off_is_on_the_cut_off()
    {
        var justBelow = Math.BitDecrement(0.48);

        _scale.BandOf(justBelow).Name.Should().Be("Trung cấp");
        LevelScale.ShownLevel(_scale.LevelOf(justBelow)).Should().Be(3);
    }

    [Fact]
    public void The_shown_level_is_the_whole_part_of_the_level()
    {
        LevelScale.ShownLevel(4.999).Should().Be(4);
        LevelScale.ShownLevel(Math.BitDecrement(2.0)).Should().Be(2, "a rounding error must not cost a level");
    }
}
