namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>The background an official gives before the items: their commune comes from the account.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyBackground(
    [property: Id(0)] string CommuneId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string AgeBandId);

/// <summary>The answers given on one page: codes of statements, option ids of knowledge questions.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Ratings">Item id → code, for self-rating statements and the attention check.</param>
/// <param name="Choices">Item id → option id, for knowledge questions.</param>
/// <param name="SecondsOnPage">Time between showing the page and saving it, when known; shared by the answers given.</param>
[GenerateSerializer, Immutable]
public sealed record SurveyPageAnswers(
    [property: Id(0)] int Page,
    [property: Id(1)] IReadOnlyDictionary<string, int> Ratings,
    [property: Id(2)] IReadOnlyDictionary<string, string> Choices,
    [property: Id(3)] double? SecondsOnPage);

/// <summary>One stored answer.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyAnswer(
    [property: Id(0)] int? Code,
    [property: Id(1)] string? OptionId,
    [property: Id(2)] DateTime At,
    [property: Id(3)] double? Seconds);

/// <summary>Where an official stands in a survey version: what the pages show and what scoring reads.</summary>
[GenerateSerializer, Immutable]
public sealed record SurveyResponse(
    [property: Id(0)] Guid? ResponseId,
    [property: Id(1)] string SurveyId,
    [property: Id(2)] int SurveyVersion,
    [property: Id(3)] SurveyBackground? Background,
    [property: Id(4)] IReadOnlyDictionary<string, SurveyAnswer> Answers,
    [property: Id(5)] int LastPage,
    [property: Id(6)] DateTime? SubmittedAt,
    [property: Id(7)] DateTime? StartedAt)
{
    public bool Started => Background is not null;

    public bool Submitted => SubmittedAt is not null;

    /// <summary>The answers as the scoring functions read them.</summary>
    public RespondentAnswers ToRespondentAnswers(string respondentId)
    {
        var background = Background ?? throw new InvalidOperationException("the survey was not started");
        var seconds = Answers.Count > 0 && Answers.Values.All(a => a.Seconds is not null) ? Answers.Values.Sum(a => a.Seconds!.Value) : (double?)null;
        return new RespondentAnswers(
            respondentId,
            new RespondentBackground(background.CommuneId, background.RoleId, background.AgeBandId),
            Answers.Where(a => a.Value.Code is not null).ToDictionary(a => a.Key, a => a.Value.Code!.Value),
            Answers.Where(a => a.Value.OptionId is not null).ToDictionary(a => a.Key, a => a.Value.OptionId!),
            seconds);
    }
}

/// <summary>A request the survey response grain refuses; nothing was recorded.</summary>
[GenerateSerializer]
public sealed class SurveyException(SurveyProblem problem, string message) : Exception(message)
{
    [Id(0)] public SurveyProblem Problem { get; } = problem;
}

public enum SurveyProblem
{
    UnknownSurvey,
    NotStarted,
    AlreadySubmitted,
    InvalidBackground,
    InvalidAnswer,
}
