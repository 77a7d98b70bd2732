namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// One official's response to one survey version, keyed by the official's account id and
/// <see cref="SurveyGrains.KeyOf"/> ("{survey id}/v{version}"). Each method is one thing the official does; a
/// method returns only after its effect is in the tables <c>SurveyResponses</c> and <c>SurveyAnswers</c>, so the
/// survey resumes on another day or device. Refusals are <see cref="SurveyException"/>s.
/// </summary>
public interface ISurveyResponseGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Starts the survey with the background questions, or changes them before submitting.</summary>
    Task<SurveyResponse> Start(SurveyBackground background);

    /// <summary>
    /// Saves the answers of one page as the official moves on from it: the page counts as done and the survey resumes
    /// after it. Changing earlier answers is allowed until submitting.
    /// </summary>
    Task<SurveyResponse> SaveAnswers(SurveyPageAnswers answers);

    /// <summary>
    /// Saves answers as they are chosen (the page's script sends each choice) or as the official goes back: the page does
    /// not count as done, so the survey resumes on it.
    /// </summary>
    Task<SurveyResponse> SaveChosen(SurveyPageAnswers answers);

    /// <summary>Submits after review; unanswered items stay unanswered. Submitting again changes nothing.</summary>
    Task<SurveyResponse> Submit();

    Task<SurveyResponse> Get();
}

public static class SurveyGrains
{
    /// <summary>The key extension of a survey version, e.g. "nang-luc-so-can-bo-xa/v1".</summary>
    public static string KeyOf(string surveyId, int version) => $"{surveyId}/v{version}";

    public static ISurveyResponseGrain SurveyResponse(this IGrainFactory grains, Guid respondentId, string surveyId, int version) =>
        grains.GetGrain<ISurveyResponseGrain>(respondentId, KeyOf(surveyId, version));

    internal static (string SurveyId, int Version) Parse(string key)
    {
        var slash = key.LastIndexOf("/v", StringComparison.Ordinal);
        return slash > 0 && int.TryParse(key[(slash + 2)..], out var version) ? (key[..slash], version)
            : throw new SurveyException(SurveyProblem.UnknownSurvey, $"'{key}' is not a survey version key.");
    }
}
