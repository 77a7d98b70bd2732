namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// Turns a combined score S (0–1) into a band and a numeric level L = f(S) (spec section c), from the bands and the
/// max level of a survey definition: inside a band L rises linearly from the band's min level at its min score to the
/// next band's min level at the next min score; the last band reaches the max level at score 1.
/// </summary>
public sealed class LevelScale
{
    /// <summary>
    /// Scores and levels are sums of decimal fractions (0.6·SR + 0.4·KC, 0.18, 0.33 …) that binary floating point cannot
    /// hold exactly; a value within this distance of a cut-off counts as on it, so S = 0.48 is never "Cơ bản" by rounding.
    /// </summary>
    public const double Tolerance = 1e-9;

    private readonly IReadOnlyList<ScoreBand> _bands;
    private readonly int _maxLevel;

    /// <summary>Creates a scale from bands ordered from the lowest (the first starting at score 0).</summary>
    public LevelScale(IReadOnlyList<ScoreBand> bands, int maxLevel)
    {
        if (bands.Count == 0)
        {
            throw new ArgumentException("a level scale needs at least one band", nameof(bands));
        }

        _bands = bands;
        _maxLevel = maxLevel;
    }

    /// <summary>The scale of a survey definition.</summary>
    public static LevelScale Of(SurveyDefinition survey) => new(survey.Bands, survey.MaxLevel);

    /// <summary>The bands, from the lowest.</summary>
    public IReadOnlyList<ScoreBand> Bands => _bands;

    /// <summary>The band a score falls in: the highest band whose min score it reaches.</summary>
    public ScoreBand BandOf(double score) => _bands[BandIndex(score)];

    /// <summary>The band a numeric level falls in: the highest band whose min level it reaches.</summary>
    public ScoreBand BandOfLevel(double level) => _bands.LastOrDefault(b => level >= b.MinLevel - Tolerance) ?? _bands[0];

    /// <summary>The numeric level L = f(S), from 0 to the max level.</summary>
    public double LevelOf(double score)
    {
        var s = Math.Clamp(score, 0, 1);
        var index = BandIndex(s);
        var band = _bands[index];
        var (nextScore, nextLevel) = index + 1 < _bands.Count ? (_bands[index + 1].MinScore, _bands[index + 1].MinLevel) : (1.0, _maxLevel);
        var level = band.MinLevel + ((nextLevel - band.MinLevel) * (s - band.MinScore) / (nextScore - band.MinScore));

        // A score a hair below the cut-off is put in the band by the tolerance; keep its level at the band's start too.
        return Math.Clamp(level, band.MinLevel, _maxLevel);
    }

    /// <summary>The level shown to people: ⌊L⌋.</summary>
    public static int ShownLevel(double level) => (int)Math.Floor(level + Tolerance);

    private int BandIndex(double score)
    {
        for (var i = _bands.Count - 1; i > 0; i--)
        {
            if (score >= _bands[i].MinScore - Tolerance)
            {
                return i;
            }
        }

        return 0;
    }
}
