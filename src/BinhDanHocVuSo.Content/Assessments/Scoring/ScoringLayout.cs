using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>
/// What a survey version's tallies (<see cref="RespondentTally"/>) and <see cref="ItemValues"/> are counted against: the
/// items in order, with their kind, competence, page domain, scale (max code, whether it counts in the level), correct
/// option and expected code, the seconds per item of the speed flag, and which questions a knowledge score counts. Bands, targets, weights and the other rules apply
/// when a tally is turned into scores, so they are not part of it.
/// </summary>
public static class ScoringLayout
{
    /// <summary>
    /// A short fingerprint of the layout, stored beside a tally: a tally counted under another fingerprint (a definition
    /// corrected in place) must be counted again from the answers.
    /// </summary>
    public static string Fingerprint(SurveyDefinition survey)
    {
        var layout = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{survey.Id}/v{survey.Version}|speed:{survey.Reporting.MinSecondsPerItem:R}");
        if (survey.Scoring.KnowledgeScope != KnowledgeScope.Competence)
        {
            // Added only when not the default, so that the fingerprints of tallies kept before the scope existed still match.
            layout.Append(CultureInfo.InvariantCulture, $"|knowledge:{survey.Scoring.KnowledgeScope}");
        }

        layout.Append('\n');
        foreach (var page in survey.Pages)
        {
            foreach (var item in page.Items)
            {
                var what = item switch
                {
                    SelfRatingItem statement => $"rating|{statement.CompetenceId}|{Scale(survey, statement.ScaleId)}",
                    KnowledgeItem question => $"knowledge|{question.CompetenceId}|{question.CorrectOptionId}",
                    AttentionCheckItem check => $"check|{check.ExpectedCode}",
                    _ => item.GetType().Name,
                };
                layout.Append(CultureInfo.InvariantCulture, $"{item.Id}|{page.DomainId}|{what}\n");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(layout.ToString())))[..32];
    }

    private static string Scale(SurveyDefinition survey, string scaleId) =>
        survey.FindScale(scaleId) is { } scale ? $"{scale.Id}:{scale.MaxCode}:{scale.InLevelScore}" : scaleId;
}
