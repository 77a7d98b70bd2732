namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>Submitted responses as group reports read them: each respondent's scores, and their item values when asked for.</summary>
/// <param name="Members">The scores, with each respondent's background.</param>
/// <param name="Items">The item values of the same respondents in the same order, for the quality panel; null when not asked for.</param>
/// <param name="Ids">The ids of the responses read.</param>
public sealed record ScoredMembers(IReadOnlyList<RespondentScores> Members, IReadOnlyList<RespondentItems>? Items, IReadOnlySet<Guid> Ids)
{
    /// <summary>These and <paramref name="added"/> together.</summary>
    public ScoredMembers With(ScoredMembers added)
    {
        var ids = new HashSet<Guid>(Ids);
        ids.UnionWith(added.Ids);
        return new([.. Members, .. added.Members], Items is null || added.Items is null ? null : [.. Items, .. added.Items], ids);
    }
}
