using BinhDanHocVuSo.Content.Assessments.Reports;

namespace BinhDanHocVuSo.Content.Tests.Assessments.Reports;

/// <summary>
/// Reliability statistics against values computed independently with a separate Python 3 script using only the standard
/// library: statistics.variance (n − 1) for Cronbach's α, statistics.correlation for the corrected item–total r (item
/// against the sum of the other items), statistics.pvariance (n) with Σ p(1 − p) for KR-20, and column means for
/// difficulty. The script is not kept in the repository; its inputs are the matrices below.
/// </summary>
public class ReliabilityTests
{
    private const double Precision = 1e-9;

    /// <summary>Eight respondents × four statements coded 0–3.</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> _ratings =
    [
        [3, 2, 3, 2], [2, 2, 1, 1], [1, 0, 1, 2], [3, 3, 2, 3], [0, 1, 0, 0], [2, 1, 2, 1], [1, 1, 0, 2], [3, 2, 3, 1],
    ];

    /// <summary>Eight respondents × five knowledge questions, 1 = correct.</summary>
    private static readonly IReadOnlyList<IReadOnlyList<double>> _knowledge =
    [
        [1, 1, 0, 1, 0], [1, 0, 0, 1, 0], [1, 1, 1, 1, 0], [0, 0, 0, 1, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0], [1, 1, 0, 1, 0], [1, 0, 1, 1, 0],
    ];

    [Fact]
    public void Cronbach_alpha_matches_the_independent_computation()
    {
        Reliability.CronbachAlpha(_ratings)!.Value.Should().BeApproximately(0.8305343511450382, Precision);
    }

    [Fact]
    public void Corrected_item_total_correlations_match_the_independent_computation()
    {
        var r = Reliability.CorrectedItemTotal(_ratings);

        r.Should().HaveCount(4);
        r[0]!.Value.Should().BeApproximately(0.9529323477053278, Precision);
        r[1]!.Value.Should().BeApproximately(0.6456498061509979, Precision);
        r[2]!.Value.Should().BeApproximately(0.700270668203628, Precision);
        r[3]!.Value.Should().BeApproximately(0.39243356988945366, Precision);
    }

    [Fact]
    public void KR_20_matches_the_independent_computation_and_equals_alpha_on_right_wrong_items()
    {
        Reliability.Kr20(_knowledge)!.Value.Should().BeApproximately(0.5459770114942529, Precision);
        Reliability.CronbachAlpha(_knowledge)!.Value.Should().BeApproximately(0.5459770114942529, Precision);
    }

    [Fact]
    public void Difficulty_is_the_share_correct_and_an_item_everyone_gets_right_has_no_item_total_correlation()
    {
        Reliability.Difficulty(_knowledge).Should().Equal(0.75, 0.625, 0.375, 1.0, 0.125);

        var r = Reliability.CorrectedItemTotal(_knowledge);
        r[0]!.Value.Should().BeApproximately(0.3892494720807615, Precision);
        r[1]!.Value.Should().BeApproximately(0.2, Precision);
        r[2]!.Value.Should().BeApproximately(0.4472135954999579, Precision);
        r[3].Should().BeNull("every respondent answered it correctly");
        r[4]!.Value.Should().BeApproximately(0.4879500364742666, Precision);
    }

    [Fact]
    public void Statistics_need_at_least_two_respondents_and_two_items()
    {
        Reliability.CronbachAlpha([[1, 2, 3]]).Should().BeNull();
        Reliability.Kr20([[1], [0], [1]]).Should().BeNull();
        Reliability.CronbachAlpha([[1, 1], [1, 1]]).Should().BeNull("the total has no variance");
    }
}
