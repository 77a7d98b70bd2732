using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>An item of the survey. Answers are stored by <see cref="Id"/>, which never changes meaning.</summary>
/// <param name="Id">Stable id, unique in the survey.</param>
/// <param name="Text">Vietnamese statement or question.</param>
/// <param name="Line">1-based line of the item in its file.</param>
public abstract record SurveyItem(string Id, string Text, int Line);

/// <summary>A self-rating statement (section B1), answered on an answer scale.</summary>
/// <param name="CompetenceId">The competence it rates, e.g. "2.3".</param>
/// <param name="BandId">The band the statement aims at ("foundation", "intermediate", "advanced").</param>
/// <param name="ScaleId">The answer scale ("skill", "knowledge", "attitude").</param>
public sealed record SelfRatingItem(string Id, string Text, int Line, string CompetenceId, string BandId, string ScaleId)
    : SurveyItem(Id, Text, Line);

/// <summary>A knowledge or scenario question (section B2): four options, exactly one correct, plus "Tôi không biết".</summary>
/// <param name="CompetenceId">The competence it tests.</param>
/// <param name="Options">Options in authored order, the "Tôi không biết" option included.</param>
/// <param name="Explanation">Vietnamese explanation shown with the respondent's own results; may be empty.</param>
public sealed record KnowledgeItem(string Id, string Text, int Line, string CompetenceId, IReadOnlyList<KnowledgeOption> Options, string Explanation)
    : SurveyItem(Id, Text, Line)
{
    /// <summary>Id of the correct option.</summary>
    public string CorrectOptionId => Options.Single(option => option.IsCorrect).Id;

    /// <summary>
    /// The options in the order to show them to one respondent: the four answers shuffled, "Tôi không biết" last. The
    /// order depends only on <paramref name="seed"/> (e.g. the response id), the question id and the option ids, so it is
    /// the same on every visit and in every process, and differs between respondents: the authored order (where the right
    /// answer might sit in the same place, or be the longest) never reaches anyone. Answers are stored by option id, so
    /// the order shown cannot change scoring.
    /// </summary>
    /// <param name="seed">A value fixed for the respondent's response; never shown.</param>
    public IReadOnlyList<KnowledgeOption> OptionsInDisplayOrder(string seed) =>
        [
            .. Options.Where(option => !option.IsDontKnow).OrderBy(option => ShuffleKey(seed, option.Id)).ThenBy(option => option.Id, StringComparer.Ordinal),
            .. Options.Where(option => option.IsDontKnow),
        ];

    // The first 8 bytes of SHA-256: stable across processes and runtime versions, unlike string.GetHashCode or Random.
    private ulong ShuffleKey(string seed, string optionId) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{Id}\n{optionId}")));
}

/// <summary>An option of a knowledge question.</summary>
/// <param name="Id">Stable id within the question; answers are stored by it.</param>
/// <param name="Text">Vietnamese text.</param>
/// <param name="IsCorrect">Whether it is the correct option.</param>
/// <param name="IsDontKnow">Whether it is the "Tôi không biết" option (scored as wrong, like a blank).</param>
public sealed record KnowledgeOption(string Id, string Text, bool IsCorrect, bool IsDontKnow);

/// <summary>An instructed-response attention check: the text tells the respondent which option to choose.</summary>
/// <param name="ScaleId">The answer scale it is shown with.</param>
/// <param name="ExpectedCode">The code the respondent was asked to choose.</param>
public sealed record AttentionCheckItem(string Id, string Text, int Line, string ScaleId, int ExpectedCode)
    : SurveyItem(Id, Text, Line);
