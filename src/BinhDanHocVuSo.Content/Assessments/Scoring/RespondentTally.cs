namespace BinhDanHocVuSo.Content.Assessments.Scoring;

/// <summary>What a respondent's answers add up to for one competence: whole numbers, so scores derived from them are the same wherever and whenever they are derived.</summary>
/// <param name="SelfItemsAnswered">How many of the competence's self-rating statements were answered.</param>
/// <param name="SelfPoints">The sum of their codes.</param>
/// <param name="SelfMaxPoints">The sum of their scales' max codes.</param>
/// <param name="KnowledgeCorrect">How many of the competence's knowledge questions were answered correctly.</param>
public readonly record struct CompetenceTally(int SelfItemsAnswered, int SelfPoints, int SelfMaxPoints, int KnowledgeCorrect);

/// <summary>
/// A respondent's answers reduced to what their scores are computed from (spec section c), in the order of the survey's
/// <see cref="ScoringPlan"/>: the answers are read once (when the survey is submitted) and the tally is kept, so a group
/// report reads a few bytes per respondent instead of every answer. <see cref="TallyScorer"/> turns it into scores.
/// </summary>
/// <param name="Competences">One tally per competence of the scoring plan.</param>
/// <param name="DomainKnowledgeCorrect">Per domain of the scoring plan: knowledge questions on its page answered correctly.</param>
/// <param name="Flags">Attention-check and speed flags.</param>
public sealed record RespondentTally(IReadOnlyList<CompetenceTally> Competences, IReadOnlyList<int> DomainKnowledgeCorrect, RespondentFlags Flags)
{
    /// <summary>How many bytes <see cref="ToBytes"/> writes per competence.</summary>
    internal const int BytesPerCompetence = 4;

    /// <summary>
    /// The tally as bytes, the way a platform stores it: four per competence (statements answered, points, max points,
    /// questions right), then one per domain (questions right). The flags are not included.
    /// </summary>
    /// <exception cref="OverflowException">A count above 255, which no survey of a few dozen items reaches.</exception>
    public byte[] ToBytes()
    {
        var bytes = new byte[(Competences.Count * BytesPerCompetence) + DomainKnowledgeCorrect.Count];
        for (var i = 0; i < Competences.Count; i++)
        {
            var (answered, points, maxPoints, correct) = Competences[i];
            bytes[i * BytesPerCompetence] = checked((byte)answered);
            bytes[(i * BytesPerCompetence) + 1] = checked((byte)points);
            bytes[(i * BytesPerCompetence) + 2] = checked((byte)maxPoints);
            bytes[(i * BytesPerCompetence) + 3] = checked((byte)correct);
        }

        for (var d = 0; d < DomainKnowledgeCorrect.Count; d++)
        {
            bytes[(Competences.Count * BytesPerCompetence) + d] = checked((byte)DomainKnowledgeCorrect[d]);
        }

        return bytes;
    }

    /// <summary>How many bytes <see cref="ToBytes"/> writes for a tally of this plan.</summary>
    public static int ByteCount(ScoringPlan plan) => (plan.Competences.Count * BytesPerCompetence) + plan.DomainIds.Count;

    /// <summary>Reads bytes written by <see cref="ToBytes"/> for this plan; null when their length does not fit it.</summary>
    public static RespondentTally? FromBytes(ReadOnlySpan<byte> bytes, ScoringPlan plan, RespondentFlags flags)
    {
        var competences = plan.Competences.Count;
        var domains = plan.DomainIds.Count;
        if (bytes.Length != ByteCount(plan))
        {
            return null;
        }

        var tallies = new CompetenceTally[competences];
        for (var i = 0; i < competences; i++)
        {
            tallies[i] = CompetenceAt(bytes, i);
        }

        var correct = new int[domains];
        for (var d = 0; d < domains; d++)
        {
            correct[d] = DomainKnowledgeAt(bytes, competences, d);
        }

        return new RespondentTally(tallies, correct, flags);
    }

    /// <summary>The tally of the competence at <paramref name="index"/> of the plan, read from stored bytes.</summary>
    internal static CompetenceTally CompetenceAt(ReadOnlySpan<byte> bytes, int index)
    {
        var at = index * BytesPerCompetence;
        return new CompetenceTally(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    }

    /// <summary>The knowledge questions answered correctly on the page of the domain at <paramref name="index"/>, read from stored bytes.</summary>
    internal static int DomainKnowledgeAt(ReadOnlySpan<byte> bytes, int competences, int index) => bytes[(competences * BytesPerCompetence) + index];
}
