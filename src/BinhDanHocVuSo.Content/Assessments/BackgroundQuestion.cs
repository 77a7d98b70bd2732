namespace BinhDanHocVuSo.Content.Assessments;

/// <summary>How a background question is answered.</summary>
public enum BackgroundKind
{
    /// <summary>The respondent's commune, chosen from the communes known to the accounts (not listed in the survey file).</summary>
    Commune,

    /// <summary>The respondent's job position, chosen from the survey's roles.</summary>
    Role,

    /// <summary>One of the options listed with the question (e.g. the age band).</summary>
    Choice,
}

/// <summary>A background question (section B3): commune, job position, age band.</summary>
/// <param name="Id">Stable id, e.g. "age-band".</param>
/// <param name="Kind">Where the options come from.</param>
/// <param name="Text">Vietnamese question.</param>
/// <param name="Options">The options of a <see cref="BackgroundKind.Choice"/> question; empty otherwise.</param>
public sealed record BackgroundQuestion(string Id, BackgroundKind Kind, string Text, IReadOnlyList<ChoiceOption> Options);

/// <summary>An option of a choice question, e.g. "30-39" — Từ 30 đến 39 tuổi.</summary>
public sealed record ChoiceOption(string Id, string Label);
